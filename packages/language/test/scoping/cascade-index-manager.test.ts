import { strict as assert } from 'node:assert';
import { AstUtils, TextDocument, type LangiumDocument } from 'langium';
import { isParameter, isRef, type CascadeFile } from '../../src/generated/ast.js';
import { buildWorkspace, workspaceServices } from '../validation/validation-fixtures.js';

const { shared, Cascade } = workspaceServices();

/** Replaces a document's text, as an editor's change does, and rebuilds it and what depends on it. */
async function edit(document: LangiumDocument, text: string): Promise<void> {
    const uri = document.uri.toString();
    shared.workspace.TextDocuments!.set(TextDocument.create(uri, 'cascade', ++versions, text));
    await shared.workspace.DocumentBuilder.update([document.uri], []);
}
let versions = 0;

/** The line of the declaration the document's first name reference leads to. */
function targetLine(document: LangiumDocument): number | undefined {
    return AstUtils.streamAst(document.parseResult.value).filter(isRef).head()!.target.ref?.$cstNode?.range.start.line;
}

/** Where the workspace refers to `k` of the given document: `file:line` of each use. */
function usesOfK(library: LangiumDocument): string[] {
    const k = (library.parseResult.value as CascadeFile).declarations.find(isParameter)!;
    const path = Cascade.workspace.AstNodeLocator.getAstNodePath(k);
    return shared.workspace.IndexManager.findAllReferences(k, path)
        .map(use => `${use.sourceUri.path.split('/').pop()}:${use.segment.range.start.line}`).toArray().sort();
}

describe('the reference index', () => {
    const files = {
        'lib.cascade': 'parameter k = 1 /min',
        'model.cascade': 'import "./lib.cascade"\nrule r = k * 1 min',
        'other.cascade': 'import "./lib.cascade"\nrule s = 2 * k * 1 min'
    };

    it('relinks a model when a declaration it uses moves in the file it imports', async () => {
        const documents = await buildWorkspace(files);
        assert.equal(targetLine(documents.get('model.cascade')!), 0);
        await edit(documents.get('lib.cascade')!, '// moved down\nparameter k = 1 /min');
        assert.equal(targetLine(documents.get('model.cascade')!), 1);
    });

    it('finds every use across files, also after a use was edited', async () => {
        const documents = await buildWorkspace(files);
        assert.deepEqual(usesOfK(documents.get('lib.cascade')!), ['model.cascade:1', 'other.cascade:1']);
        await edit(documents.get('other.cascade')!, 'import "./lib.cascade"\n\nrule s = 2 * k * 1 min');
        assert.deepEqual(usesOfK(documents.get('lib.cascade')!), ['model.cascade:1', 'other.cascade:2']);
    });

    it('forgets the uses of a deleted file', async () => {
        const documents = await buildWorkspace(files);
        assert.equal(usesOfK(documents.get('lib.cascade')!).length, 2);
        await shared.workspace.DocumentBuilder.update([], [documents.get('other.cascade')!.uri]);
        assert.deepEqual(usesOfK(documents.get('lib.cascade')!), ['model.cascade:1']);
    });
});
