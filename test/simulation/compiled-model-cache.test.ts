import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ModelLoader } from '@neurocascade/language';
import { CompiledModelCache, compileModel, simulateScenario, type CompiledModel, type ModelIR } from '@neurocascade/simulator';

const examples = resolve(dirname(fileURLToPath(import.meta.url)), '../../../examples');
const files = readdirSync(examples).filter(f => f.endsWith('.cascade')).sort();

/** Every scenario's run as a user sees it (its wall time aside), or the error it ends with. */
function runs(m: CompiledModel): unknown[] {
    return m.ir.scenarios.map(s => {
        try {
            const r = simulateScenario(m, s.name);
            return { ...r, stats: { ...r.stats, wallMs: 0 } };
        } catch (error) {
            return { error: String(error) };
        }
    });
}

describe('example models read back from the cache of compiled models (cross-package: language → simulator)', function () {
    this.timeout(60_000);
    const models = new Map<string, ModelIR>();
    let folder: string;

    before(async () => {
        folder = mkdtempSync(join(tmpdir(), 'neurocascade-models-'));
        const loaded = await new ModelLoader().loadFiles(files.map(f => join(examples, f)));
        loaded.forEach((l, k) => { if (l.model) models.set(files[k], l.model); });
    });
    after(() => rmSync(folder, { recursive: true, force: true }));

    it('there are example models to check', () => {
        assert.ok(models.size >= 5, `loaded ${[...models.keys()].join(', ')}`);
    });

    for (const file of files) {
        it(`${file}: every scenario runs bit for bit as after a fresh compile`, async () => {
            const ir = models.get(file);
            assert.ok(ir, `${file} loads`);
            const writer = new CompiledModelCache(folder);
            const before = readdirSync(folder);
            writer.compile(ir);
            await writer.settled();
            const [written] = readdirSync(folder).filter(f => !before.includes(f));
            const long = new Date(Date.now() - 3_600_000);
            utimesSync(join(folder, written), long, long);
            const kept = new CompiledModelCache(folder).compile(ir);
            assert.ok(statSync(join(folder, written)).mtimeMs > long.getTime() + 1_000_000, 'read from its file');
            assert.deepStrictEqual(runs(kept), runs(compileModel(ir)));
        });
    }
});
