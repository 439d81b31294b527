import { strict as assert } from 'node:assert';
import { AstUtils, type LangiumDocument } from 'langium';
import { isRef } from '../../src/generated/ast.js';
import { buildWorkspace, workspaceServices } from '../validation/validation-fixtures.js';

const { shared, Cascade } = workspaceServices();

/** Where the document's first name reference leads: `file:line` of the declaration, or 'unresolved'. */
function target(document: LangiumDocument): string {
    const reference = AstUtils.streamAst(document.parseResult.value).filter(isRef).head()!.target;
    const declaration = reference.ref;
    if (!declaration) return 'unresolved';
    return `${AstUtils.getDocument(declaration).uri.path.split('/').pop()}:${declaration.$cstNode?.range.start.line}`;
}

describe('names across imports', () => {
    const files = {
        'a.cascade': 'parameter k = 1 /min\nparameter only_a = 1',
        'b.cascade': 'import "./a.cascade"\nparameter k = 2 /min',
        'c.cascade': 'import "./b.cascade"\nrule r = k * 1 min',
        'd.cascade': 'import "./b.cascade"\nparameter k = 3 /min\nrule r = k * 1 min'
    };

    it('resolve to the nearest declaration: the file itself, then what it imports, nearest first', async () => {
        const documents = await buildWorkspace(files);
        assert.equal(target(documents.get('c.cascade')!), 'b.cascade:1');
        assert.equal(target(documents.get('d.cascade')!), 'd.cascade:1');
    });

    it('offer each visible name once, the one a reference would resolve to', async () => {
        const documents = await buildWorkspace(files);
        const scope = Cascade.references.ScopeProvider.visibleScope(documents.get('c.cascade')!);
        const names = scope.getAllElements().map(d => `${d.name}@${d.documentUri.path.split('/').pop()}`).toArray().sort();
        assert.deepEqual(names, ['k@b.cascade', 'only_a@a.cascade', 'r@c.cascade']);
    });

    it('forget an import that was deleted', async () => {
        const documents = await buildWorkspace(files);
        const c = documents.get('c.cascade')!;
        await shared.workspace.DocumentBuilder.update([], [documents.get('b.cascade')!.uri]);
        assert.equal(target(c), 'unresolved');
        const names = Cascade.references.ScopeProvider.visibleScope(c).getAllElements().map(d => d.name).toArray();
        assert.deepEqual(names, ['r']);
    });
});
