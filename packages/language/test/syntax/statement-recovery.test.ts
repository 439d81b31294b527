import { strict as assert } from 'node:assert';
import { workspaceServices } from '../validation/validation-fixtures.js';

describe('statement recovery', () => {
    it('keeps the document\'s own text in the parsed tree after blanking a broken statement', () => {
        // A run asked for right after an edit waits until the tree's text is the editor's: with the
        // blanked copy in the tree it waited for ever (the preview stayed at "Simulating").
        const text = 'precursor A { initial 1 uM }\nparameter = 1\nparameter k = 2\n';
        const result = workspaceServices().Cascade.parser.LangiumParser.parse(text);
        assert.ok(result.parserErrors.length > 0, 'the broken parameter is a syntax error');
        assert.equal(result.value.$cstNode?.root.fullText, text);
        const declared = (result.value as unknown as { declarations: { name?: string }[] }).declarations.map(d => d.name);
        assert.deepEqual(declared, ['A', 'k'], 'the statements around the broken one still parse');
    });
});
