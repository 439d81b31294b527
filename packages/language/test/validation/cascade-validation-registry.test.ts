import { strict as assert } from 'node:assert';
import { EmptyFileSystem, URI } from 'langium';
import { createCascadeServices } from '../../src/cascade-module.js';
import type { Parameter } from '../../src/generated/ast.js';

describe('a check that throws', () => {
    it('becomes an error on its node, and the other checks still run', async () => {
        const { shared, Cascade } = createCascadeServices(EmptyFileSystem);
        Cascade.validation.ValidationRegistry.register({
            Parameter: (parameter: Parameter) => {
                if (parameter.name === 'boom') throw new Error('the check broke');
            }
        });
        const document = shared.workspace.LangiumDocumentFactory.fromString('parameter boom = 1\nparameter fine = 1 uM', URI.file('/registry/model.cascade'));
        shared.workspace.LangiumDocuments.addDocument(document);
        const logged = console.error;
        console.error = () => undefined;
        try {
            await shared.workspace.DocumentBuilder.build([document], { validation: true });
        } finally {
            console.error = logged;
        }
        const found = (document.diagnostics ?? []).map(d => `${d.range.start.line}: ${d.message}`).sort();
        assert.deepEqual(found, [
            "0: 'boom' is never used.",
            '0: An error occurred during validation: the check broke',
            "1: 'fine' is never used."
        ]);
    });
});
