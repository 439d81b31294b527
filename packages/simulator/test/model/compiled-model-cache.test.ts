import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModelIR } from '../../src/ir.js';
import { scenarioSensitivities } from '../../src/analysis/scenario-analysis.js';
import { compileModel, type CompiledModel } from '../../src/model/compiled-model.js';
import { CompiledModelCache, compiledModelFolder } from '../../src/model/compiled-model-cache.js';
import { CompiledModels } from '../../src/model/compiled-models.js';
import { simulateScenario, type SimulationResult } from '../../src/run/simulate.js';
import { chainModel } from './helpers/chain-model.js';
import { at, model, observe, set } from './helpers/ir-builder.js';
import { close } from './helpers/numeric.js';

/** First-order decay of X from 10 at rate k: X(t) = 10·e^(−kt). */
const decay = (k: number) => model().species('X', { initial: 10, clearance: k }).scenario('S', 10, { step: 1, observe: [observe('X')] }).build();

/**
 * The chain network with what a snapshot must carry beyond terms: a `set` whose value varies
 * (a pulse of supply switched in at t = 300, a replacement slot), a rule and a rate rule.
 */
function chainWithSwitchedSupply(n: number): ModelIR {
    const ir = chainModel(n);
    const b = model();
    const extra = b.parameter('Gain', 0.5).rule('Total', 'S0 + S1').rateRule('Gain', '-0.001 * Gain')
        .scenario('Pulsed', 1440, { step: 10, observe: [observe(`S${n - 1}`), observe('Total')], events: [at(300, set('S0', 'supply', 'Gain * pulse(0, 4, 600, 120)'))] })
        .build();
    return { ...ir, parameters: [...ir.parameters, ...extra.parameters], rules: [...ir.rules, ...extra.rules], rateRules: extra.rateRules, scenarios: [...ir.scenarios, ...extra.scenarios] };
}

/** What a user sees of a run: everything but its wall time. */
const seen = (r: SimulationResult) => ({ ...r, stats: { ...r.stats, wallMs: 0 } });

describe('compiled models kept on disk', () => {
    let folder: string;
    beforeEach(() => { folder = mkdtempSync(join(tmpdir(), 'neurocascade-models-')); });
    afterEach(() => rmSync(folder, { recursive: true, force: true }));

    const files = () => readdirSync(folder).filter(f => f.endsWith('.model'));

    /** A model through a cache that wrote it (as a first process would), then read back by a new cache (a second process). */
    async function writtenAndRead(ir: ModelIR): Promise<CompiledModel> {
        const before = files();
        const first = new CompiledModelCache(folder);
        first.compile(ir);
        await first.settled();
        const [file] = files().filter(f => !before.includes(f));
        const long = new Date(Date.now() - 3_600_000);
        utimesSync(join(folder, file), long, long);
        const read = new CompiledModelCache(folder).compile(ir);
        // A file read is marked used: its time moves to now (the bound removes the least recently used).
        assert.ok(statSync(join(folder, file)).mtimeMs > long.getTime() + 1_000_000, 'read from the file');
        return read;
    }

    it('runs a kept model bit for bit as a fresh compile: the chain network with a switched pulse, a rule and a rate rule', async () => {
        const ir = chainWithSwitchedSupply(60);
        const kept = await writtenAndRead(ir);
        const fresh = compileModel(ir);
        assert.deepEqual(kept.sources.slice(0, 3), fresh.sources.slice(0, 3));
        for (const scenario of ['Day', 'Pulsed']) {
            const a = simulateScenario(kept, scenario), b = simulateScenario(fresh, scenario);
            assert.deepStrictEqual(seen(a), seen(b));
            assert.ok(a.series[0].values.some(v => v > 0), 'the run moves the chain');
        }
        // From t = 300 the supply of S0 is the switched pulse: nothing until 600, so S0 + S1 drains; 4·Gain from 600 to 720, so it fills.
        const total = simulateScenario(kept, 'Pulsed').series[1].values;
        assert.ok(total[59] < total[30] && total[72] > total[60], `S0 + S1 at 300, 590, 600, 720 min: ${[30, 59, 60, 72].map(i => total[i])}`);
        // Derivatives by slot are made from the kept terms, as the sensitivities need them.
        assert.deepStrictEqual(scenarioSensitivities(kept, { scenario: 'Day' }), scenarioSensitivities(fresh, { scenario: 'Day' }));
    });

    it('runs every model of a generated size and its Jacobian as a fresh compile', async () => {
        for (const n of [10, 200]) {
            const ir = chainModel(n);
            const kept = await writtenAndRead(ir), fresh = compileModel(ir);
            const y = Float64Array.from({ length: n }, (_, i) => 0.5 + 0.01 * i);
            const jk = new Float64Array(kept.jacobian.pattern.colIndex.length), jf = new Float64Array(jk.length);
            kept.jacobian.evaluate(3, y, jk);
            fresh.jacobian.evaluate(3, y, jf);
            assert.deepStrictEqual(jk, jf);
            assert.deepStrictEqual(kept.jacobian.pattern, fresh.jacobian.pattern);
            assert.deepStrictEqual(seen(simulateScenario(kept, 'Day')), seen(simulateScenario(fresh, 'Day')));
        }
    });

    it('compiles again, with no error, over a truncated, damaged or foreign file, and writes it anew', async () => {
        const ir = decay(0.3);
        const cache = new CompiledModelCache(folder);
        cache.compile(ir);
        await cache.settled();
        const [file] = files();
        const path = join(folder, file);
        const whole = readFileSync(path, 'utf8');
        const other = new CompiledModelCache(folder);
        other.compile(decay(0.7));
        await other.settled();
        const foreign = readFileSync(join(folder, files().find(f => f !== file)!), 'utf8');
        const damaged = whole.slice(0, -20) + (whole.at(-20) === '1' ? '2' : '1') + whole.slice(-19);
        for (const bad of [whole.slice(0, whole.length / 2), damaged, foreign, '', 'not a model']) {
            writeFileSync(path, bad);
            const c = new CompiledModelCache(folder);
            const r = simulateScenario(c.compile(ir), 'S', { rtol: 1e-9, atol: 1e-12 });
            r.time.forEach((t, i) => close(r.series[0].values[i], 10 * Math.exp(-0.3 * t), 1e-6, 1e-9));
            await c.settled();
            assert.equal(readFileSync(path, 'utf8'), whole, 'written anew');
        }
    });

    it('never hands out the model of another content: a changed rate, −0 against 0', async () => {
        const cache = new CompiledModelCache(folder);
        cache.compile(decay(0.3));
        cache.compile(decay(0));
        await cache.settled();
        const changedCache = new CompiledModelCache(folder);
        const changed = changedCache.compile(decay(0.5));
        await changedCache.settled();
        const r = simulateScenario(changed, 'S', { rtol: 1e-9, atol: 1e-12 });
        r.time.forEach((t, i) => close(r.series[0].values[i], 10 * Math.exp(-0.5 * t), 1e-6, 1e-9));
        const negativeZero = new CompiledModelCache(folder);
        negativeZero.compile(decay(-0));
        await negativeZero.settled();
        assert.equal(files().length, 4, 'decay(-0) has a file of its own');
    });

    it('stays under its size bound, removing the least recently used files first', async () => {
        for (const k of [0.1, 0.2, 0.3]) {
            const cache = new CompiledModelCache(folder);
            cache.compile(decay(k));
            await cache.settled();
            await new Promise(resolve => setTimeout(resolve, 20));
        }
        const largest = Math.max(...files().map(f => statSync(join(folder, f)).size));
        // Use the first again, then add a fourth to a cache that holds two files.
        new CompiledModelCache(folder).compile(decay(0.1));
        const bounded = new CompiledModelCache(folder, largest * 2 + 10);
        bounded.compile(decay(0.4));
        await bounded.settled();
        assert.equal(files().length, 2);
        // The recently used 0.1 and the new 0.4 are read back (nothing written again); 0.2 and 0.3 were removed.
        const disk = new CompiledModelCache(folder);
        const kept = new CompiledModels(4, disk);
        for (const k of [0.1, 0.4]) {
            const r = simulateScenario(kept.compile(decay(k)), 'S', { rtol: 1e-9, atol: 1e-12 });
            close(r.series[0].values[10], 10 * Math.exp(-k * 10), 1e-6, 1e-9);
        }
        await disk.settled();
        assert.equal(files().length, 2);
        kept.compile(decay(0.2));
        await disk.settled();
        assert.equal(files().length, 3, '0.2 was compiled and written again');
    });

    it('lives in the user cache folder, which an environment variable moves or turns off', () => {
        assert.equal(compiledModelFolder({ NEUROCASCADE_CACHE_DIR: '/data/nc' }), '/data/nc/compiled-models');
        assert.equal(compiledModelFolder({ NEUROCASCADE_CACHE_DIR: '' }), undefined);
        assert.equal(CompiledModelCache.forUser({ NEUROCASCADE_CACHE_DIR: '' }), undefined);
        assert.equal(compiledModelFolder({ XDG_CACHE_HOME: '/var/cache/me' }), '/var/cache/me/neurocascade/compiled-models');
        assert.match(compiledModelFolder({ XDG_CACHE_HOME: 'relative' })!, /\/\.cache\/neurocascade\/compiled-models$/);
        assert.match(compiledModelFolder({})!, /\/\.cache\/neurocascade\/compiled-models$/);
    });
});
