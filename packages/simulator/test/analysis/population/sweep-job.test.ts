import { strict as assert } from 'node:assert';
import type { ModelIR, Population, PopulationVary } from '../../../src/ir.js';
import { normalCdf } from '../../../src/analysis/population/normal-distribution.js';
import { sweepRunner } from '../../../src/analysis/population/sweep-job.js';
import { runSweep, runSweepPool, shardRange } from '../../../src/analysis/population/sweep-run.js';
import { compileModel } from '../../../src/model/compiled-model.js';
import { SimulationError } from '../../../src/model/errors.js';
import { percentile, sweepResult, type PopulationResult, type SobolResult } from '../../../src/analysis/population/sweep-results.js';
import { model, observe } from '../../model/helpers/ir-builder.js';

/** X' = s − k X from X(0) = 0: X(t) = (s/k)(1 − e^(−kt)), steady s/k, so every member's value is analytic. */
const K = 0.1;
function withPopulation(vary: PopulationVary[], o: Partial<Population> = {}): ModelIR {
    const ir = model().species('X', { supply: 1, clearance: K }).species('Y', { supply: 2, clearance: 0.5 })
        .rule('Total', 'X + Y').scenario('Base', 60, { step: 10, observe: [observe('X')] }).build();
    ir.populations = [{ name: 'P', from: 'Base', vary, size: 2000, seed: 7, measure: [], ...o }];
    return ir;
}
const supply = (distribution: PopulationVary['distribution'], truncated = false): PopulationVary => ({ target: 'X', property: 'supply', distribution, truncated });

describe('populations: members drawn per (seed, index), percentile bands, reproducible shards', function () {
    this.timeout(120_000);

    it('bands of a lognormal supply over the time course are the members\' supplies mapped through X(t) = (s/k)(1 − e^(−kt))', function () {
        const ir = withPopulation([supply({ kind: 'lognormal', cv: 0.3 })]);
        const { plan, outcomes } = runSweep(ir, { method: 'population', population: 'P' }, { rtol: 1e-10, atol: 1e-12 });
        const result = sweepResult(plan, outcomes, { members: true }) as PopulationResult;
        assert.deepEqual(result.time, [0, 10, 20, 30, 40, 50, 60]);
        assert.deepEqual(result.failed, []);
        const supplies = Float64Array.from(result.members!, m => m.parameters['X.supply']).sort();
        for (const p of [5, 25, 50, 75, 95] as const) {
            result.time.forEach((t, i) => {
                const want = percentile(supplies, p) / K * (1 - Math.exp(-K * (t as number)));
                const got = result.quantities[0].percentiles[p][i]!;
                assert.ok(Math.abs(got - want) <= 1e-7 * Math.max(want, 1e-9), `P${p} at ${t} min: ${got}, analytic ${want}`);
            });
        }
        // The draws themselves: a lognormal of median 1 and CV 0.3 (Kolmogorov–Smirnov distance below its 1 % critical value).
        const sigma = Math.sqrt(Math.log(1 + 0.09));
        const ks = Math.max(...Array.from(supplies, (s, k) => Math.max(Math.abs(normalCdf(Math.log(s) / sigma) - k / supplies.length), Math.abs(normalCdf(Math.log(s) / sigma) - (k + 1) / supplies.length))));
        assert.ok(ks < 1.63 / Math.sqrt(supplies.length), `KS distance ${ks}`);
        const mean = supplies.reduce((a, s) => a + s, 0) / supplies.length;
        const sd = Math.sqrt(supplies.reduce((a, s) => a + (s - mean) ** 2, 0) / (supplies.length - 1));
        assert.ok(Math.abs(sd / mean - 0.3) < 0.03, `sample CV ${sd / mean}`);
    });

    it('at steady: X = s/k per member; at a time: one column', function () {
        const steady = withPopulation([supply({ kind: 'uniform', from: 0.5, to: 1.5 })], { at: 'steady', size: 200 });
        const { plan, outcomes } = runSweep(steady, { method: 'population', population: 'P' });
        assert.deepEqual(plan.time, ['steady']);
        outcomes.forEach(o => assert.ok(Math.abs(o.values![0][0] - o.parameters[0] / K) < 1e-8 * o.parameters[0] / K));
        const timed = withPopulation([supply({ kind: 'uniform', from: 0.5, to: 1.5 })], { at: 25, size: 20 });
        const run = runSweep(timed, { method: 'population', population: 'P' });
        assert.deepEqual(run.plan.time, [25]);
        run.outcomes.forEach(o => assert.ok(Math.abs(o.values![0][0] - o.parameters[0] / K * (1 - Math.exp(-2.5))) < 1e-5));
    });

    it('a member depends on (seed, index) alone: any shard, the pool with 1 or 2 workers, give the same values', async function () {
        const ir = withPopulation([supply({ kind: 'lognormal', cv: 0.5 }), { target: 'Y', property: 'clearance', distribution: { kind: 'normal', sd: 0.1, relative: true }, truncated: true }], { size: 40 });
        const job = { method: 'population', population: 'P' } as const;
        const whole = runSweep(ir, job).outcomes;
        const shards = [0, 1, 2].flatMap(i => runSweep(ir, job, { indices: shardRange(40, i, 3) }).outcomes);
        assert.deepEqual(shards, whole);
        assert.deepEqual([shardRange(10, 0, 3), shardRange(10, 2, 3)], [[0, 1, 2], [6, 7, 8, 9]]);
        const one = await runSweepPool(ir, job, { workers: 1 });
        const two = await runSweepPool(ir, job, { workers: 2 });
        assert.deepEqual(one.outcomes, whole);
        assert.deepEqual(two.outcomes, whole);
        assert.deepEqual([one.workers, two.workers], [1, 2]);
        const other = runSweep({ ...ir, populations: [{ ...ir.populations![0], seed: 8 }] }, job).outcomes;
        assert.notDeepEqual(other[0].parameters, whole[0].parameters);
    });

    it('the pool stops every batch of a sweep when its signal aborts, and refuses one already aborted', async function () {
        const ir = withPopulation([supply({ kind: 'lognormal', cv: 0.5 })], { size: 20000 });
        const job = { method: 'population', population: 'P' } as const;
        const stop = new AbortController();
        const began = performance.now();
        const run = runSweepPool(ir, job, { workers: 2, signal: stop.signal, onProgress: () => stop.abort() });
        await assert.rejects(run, (e: unknown) => e instanceof SimulationError && e.reason === 'cancelled');
        assert.ok(performance.now() - began < 10000, 'stopped long before the 20 000 members were done');
        await assert.rejects(runSweepPool(ir, job, { workers: 1, signal: stop.signal }), (e: unknown) => e instanceof SimulationError && e.reason === 'cancelled');
    });

    it('an untruncated normal reaching below 0 fails those members with the reason; truncated draws stay above 0', function () {
        const wide = { kind: 'normal', sd: 0.8, relative: true } as const;
        const loose = runSweep(withPopulation([supply(wide)], { at: 'steady', size: 400 }), { method: 'population', population: 'P' });
        const failed = (sweepResult(loose.plan, loose.outcomes) as PopulationResult).failed;
        // P(N(1, 0.8²) < 0) = Φ(−1.25) ≈ 0.106 of the 400 members.
        assert.ok(failed.length > 20 && failed.length < 65, `${failed.length} failed`);
        assert.match(failed[0].message, /X\.supply = -[\d.e-]+ uM\/min is outside its range \(≥ 0\); write 'truncated'/);
        const tight = runSweep(withPopulation([supply(wide, true)], { at: 'steady', size: 4000 }), { method: 'population', population: 'P' });
        assert.ok(tight.outcomes.every(o => o.values && o.parameters[0] >= 0));
        // The mean of N(1, 0.8²) conditioned on > 0 is 1 + 0.8 φ(1.25)/Φ(1.25) = 1.2303.
        const mean = tight.outcomes.reduce((a, o) => a + o.parameters[0], 0) / 4000;
        const phi = Math.exp(-0.5 * 1.25 ** 2) / Math.sqrt(2 * Math.PI);
        assert.ok(Math.abs(mean - (1 + 0.8 * phi / normalCdf(1.25))) < 0.02, `mean ${mean}`);
    });

    it('truncated absolute spreads: normal(sd X) and uniform are conditioned on the range, not clipped', function () {
        // N(1, 1²) above 0: mean 1 + φ(1)/Φ(1) = 1.2876; uniform(−1, 3) above 0 is uniform(0, 3): mean 1.5, no value at 0.
        const normal = runSweep(withPopulation([supply({ kind: 'normal', sd: 1, relative: false }, true)], { at: 'steady', size: 4000 }), { method: 'population', population: 'P' });
        const values = normal.outcomes.map(o => o.parameters[0]);
        assert.ok(values.every(v => v > 0), 'every supply above 0');
        const phi1 = Math.exp(-0.5) / Math.sqrt(2 * Math.PI);
        const mean = values.reduce((a, v) => a + v, 0) / values.length;
        assert.ok(Math.abs(mean - (1 + phi1 / normalCdf(1))) < 0.03, `mean ${mean}`);
        const uniform = runSweep(withPopulation([supply({ kind: 'uniform', from: -1, to: 3 }, true)], { at: 'steady', size: 4000 }), { method: 'population', population: 'P' });
        const drawn = uniform.outcomes.map(o => o.parameters[0]);
        assert.ok(drawn.every(v => v > 0 && v < 3));
        assert.ok(Math.abs(drawn.reduce((a, v) => a + v, 0) / drawn.length - 1.5) < 0.03);
        assert.ok(drawn.filter(v => v < 0.3).length > 300, 'the low end is as dense as the rest (not clipped to a spike)');
    });

    it('a job whose values would not fit in memory is refused before it runs', function () {
        const ir = withPopulation([supply({ kind: 'lognormal', cv: 0.3 })], { size: 2_000_000 });
        assert.throws(() => runSweep(ir, { method: 'population', population: 'P' }), /2,000,000 runs × 7 times × 1 quantities are more than 10,000,000 values/);
    });

    it('Sobol over a model: Total = sX/k + sY/0.5 at steady has the analytic variance shares', function () {
        const ir = withPopulation([
            supply({ kind: 'uniform', from: 0.5, to: 1.5 }),
            { target: 'Y', property: 'supply', distribution: { kind: 'uniform', from: 1, to: 3 }, truncated: false }
        ], { at: 'steady', size: 2000, measure: [observe('Total')] });
        const { plan, outcomes } = runSweep(ir, { method: 'sobol', population: 'P' });
        const result = sweepResult(plan, outcomes) as SobolResult;
        // Var(sX/k) = (1/12)/k², Var(sY/0.5) = (4/12)/0.25.
        const vx = 1 / 12 / K ** 2, vy = 4 / 12 / 0.25;
        assert.deepEqual(result.indices.map(i => [i.quantity, i.parameter]), [['Total', 'X.supply'], ['Total', 'Y.supply']]);
        const shares = [vx / (vx + vy), vy / (vx + vy)];
        result.indices.forEach((index, i) => {
            assert.ok(Math.abs(index.first! - shares[i]) < 0.01 && Math.abs(index.total! - shares[i]) < 0.01, `${index.parameter}: ${index.first}, ${index.total}, share ${shares[i]}`);
        });
    });

    it('members compile no program of their own, so the 3,000th run costs what the 10th does', function () {
        const m = compileModel(withPopulation([supply({ kind: 'lognormal', cv: 0.3 })], { size: 4000 }));
        const runner = sweepRunner(m, { method: 'population', population: 'P' });
        runner.run(0);
        const programs = m.sources.length;
        for (let i = 1; i < 3000; i++) runner.run(i);
        // Each member's drawn factor was compiled as a program and its source kept: the time per run grew with the runs before it.
        assert.equal(m.sources.length, programs, `${m.sources.length - programs} programs compiled by later members`);
    });
});
