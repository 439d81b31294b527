import { strict as assert } from 'node:assert';
import type { LangiumDocument } from 'langium';
import { buildWorkspace, workspaceServices } from '../validation/validation-fixtures.js';

const { Cascade } = workspaceServices();
const imports = Cascade.references.CascadeImports;
const names = (documents: readonly LangiumDocument[]) => documents.map(document => document.uri.path.split('/').pop());

describe('the import graph', () => {
    // base ← mid ← top, and side imports base directly; loner imports nothing.
    const files = {
        'base.cascade': 'parameter k = 1',
        'mid.cascade': 'import "./base.cascade"\nparameter m = k',
        'top.cascade': 'import "./mid.cascade"\nparameter t = m',
        'side.cascade': 'import "./base.cascade"\nparameter s = k',
        'loner.cascade': 'parameter l = 1',
        'ring-a.cascade': 'import "./ring-b.cascade"\nparameter a = 1',
        'ring-b.cascade': 'import "./ring-a.cascade"\nparameter b = 1',
        'deep-lib.cascade': 'parameter deep = 1\nparameter idle = 1',
        'deep-mid.cascade': 'import "./deep-lib.cascade"',
        'deep-top.cascade': 'import "./deep-mid.cascade"\nrule uses = deep',
        'receptors.cascade': 'transmitter T { initial 1 uM clearance 1 /min }\n'
            + 'receptor Up { binds T  kd 1 uM  effect excitatory }\nreceptor Down { binds T  kd 1 uM  effect inhibitory }',
        'circuit.cascade': 'import "./receptors.cascade"\nscenario S { simulate 1 h\n observe balance }'
    };

    it('closes over imports, the file first, then the nearest', async () => {
        const documents = await buildWorkspace(files);
        assert.deepEqual(names(imports.closure(documents.get('top.cascade')!)), ['top.cascade', 'mid.cascade', 'base.cascade']);
        assert.deepEqual(names(imports.closure(documents.get('loner.cascade')!)), ['loner.cascade']);
    });

    it('knows who can read a file: itself and every file importing it, transitively', async () => {
        const documents = await buildWorkspace(files);
        assert.deepEqual(names(imports.readers(documents.get('base.cascade')!)).sort(), ['base.cascade', 'mid.cascade', 'side.cascade', 'top.cascade']);
        assert.deepEqual(names(imports.readers(documents.get('top.cascade')!)), ['top.cascade']);
    });

    it('counts a use two imports away: only what no reader uses is unused', async () => {
        const documents = await buildWorkspace(files);
        const unused = documents.get('deep-lib.cascade')!.diagnostics!.filter(d => d.code === 'unused').map(d => d.message);
        assert.deepEqual(unused, ["'idle' is never used."]);
    });

    it('counts a receptor of a library as read by `balance` in a model that imports it', async () => {
        const documents = await buildWorkspace(files);
        assert.deepEqual(documents.get('receptors.cascade')!.diagnostics!.filter(d => d.code === 'unused'), []);
    });

    it('walks a cycle once, in both directions', async () => {
        const documents = await buildWorkspace(files);
        assert.deepEqual(names(imports.closure(documents.get('ring-a.cascade')!)), ['ring-a.cascade', 'ring-b.cascade']);
        assert.deepEqual(names(imports.readers(documents.get('ring-a.cascade')!)), ['ring-a.cascade', 'ring-b.cascade']);
    });
});
