import assert from 'node:assert/strict';
import type { Cascade } from '../../src/ir.js';
import { compileModel } from '../../src/model/compiled-model.js';
import { ModelError, SimulationError } from '../../src/model/errors.js';
import { runCascadeSequential } from '../../src/run/cascade.js';
import { runCascade } from '../../src/run/cascade-pool.js';
import { scenarioSteadyState, simulateScenario } from '../../src/run/simulate.js';
import { steadyStateOfScenario } from '../../src/run/steady-scenario.js';
import { ex } from './helpers/expression.js';
import { at, dose, model, observe, set } from './helpers/ir-builder.js';
import { close } from './helpers/numeric.js';

/** A small synthesis chain with a receptor and feedback: Trp → 5HTP → 5HT → 5HIAA. */
const chain = () => model()
    .species('Trp', { supply: 0.5, clearance: 0.01 }).species('HTP').species('HT').species('HIAA', { clearance: 0.05 })
    .species('BH4', { initial: 1.2, fixed: true })
    .enzyme('TPH', 'Trp -> HTP', { vmax: 2.4, km: [40], cofactors: [['BH4', 20]] })
    .enzyme('AADC', 'HTP -> HT', { vmax: 5, km: [10] })
    .enzyme('MAO', 'HT -> HIAA', { vmax: 3, km: [2] })
    .receptor('R', 'HT', { kd: 0.5 })
    .effect({ kind: 'receptor', name: 'R' }, 'decreases', 'TPH', 'activity', 0.4, 0.5);

describe('steady state', () => {
    it('Newton agrees with a long integration', () => {
        const ir = chain().scenario('S', 20000, { step: 20000, observe: ['Trp', 'HTP', 'HT', 'HIAA'].map(n => observe(n)) }).build();
        const m = compileModel(ir);
        const steady = scenarioSteadyState(m, ir.scenarios[0], {});
        assert.equal(steady.converged, true);
        assert.equal(steady.method, 'newton');
        const long = simulateScenario(m, 'S', { rtol: 1e-10, atol: 1e-12 });
        long.series.forEach((s, i) => close(steady.state[i], s.values[1], 1e-6, 1e-9, `${s.name}: `));
    });

    it('reports a scenario\'s steady state for its observables', () => {
        const ir = model().species('X', { supply: 2, clearance: 0.5 }).species('Y', { initial: 3, fixed: true })
            .scenario('S', 1, { observe: [observe('X'), observe('X / Y', '1')] }).build();
        const report = steadyStateOfScenario(ir, 'S');
        assert.equal(report.converged, true);
        assert.deepEqual(report.values.map(v => [v.name, v.unit]), [['X', 'uM'], ['X / Y', '1']]);
        close(report.values[0].value, 4, 1e-12);
        close(report.values[1].value, 4 / 3, 1e-12);
    });

    it('a conserved moiety (singular Jacobian) is found by integrating, then polished', () => {
        const ir = model().species('A', { initial: 5 }).species('B', { initial: 1 })
            .reaction('F', 'A -> B', '0.4 * A').reaction('R', 'B -> A', '0.1 * B').scenario('S', 1).build();
        const steady = scenarioSteadyState(compileModel(ir), ir.scenarios[0], {});
        assert.equal(steady.converged, true);
        assert.equal(steady.method, 'integration');
        close(steady.state[1], 6 * 0.8, 1e-7);
        close(steady.state[0], 6 * 0.2, 1e-7);
    });

    it('a model that grows without bound says so', () => {
        const ir = model().species('X', { supply: 1 }).scenario('S', 1).build();
        const steady = scenarioSteadyState(compileModel(ir), ir.scenarios[0], {});
        assert.equal(steady.converged, false);
        assert.match(steady.reason!, /X grows without bound/);
    });

    it('a model driven by a circadian level has no steady state, and the expect says why', () => {
        const ir = model().species('X', { supply: 'circadian(1, 0.5, 0, 1440)', clearance: 0.01 })
            .scenario('S', 1, { expects: [{ label: 'X', readings: [{ expression: ex('X'), at: 'steady' }], value: { kind: 'name', name: '$0' }, low: 0, high: 1, unit: 'uM' }] }).build();
        const [e] = simulateScenario(ir, 'S').expects;
        assert.equal(e.passed, false);
        assert.equal(e.value, null);
        assert.match(e.message, /no steady state: X keeps changing .*depends on time/);
    });
});

describe('cascades', () => {
    const cascade = (at: Cascade['at'] = 'steady'): Cascade => ({
        name: 'C', from: 'Base', at, measure: [observe('X'), observe('Y')],
        perturbations: [
            { target: 'X', property: 'supply', change: { kind: 'relative', fraction: 0.5 }, label: '+50%' },
            { target: 'X', property: 'clearance', change: { kind: 'absolute', value: 0.4 }, label: '0.4 /min' },
            { target: 'E', property: 'activity', change: { kind: 'relative', fraction: -0.2 }, label: '-20%' }
        ]
    });
    // X_ss = s/(k + r) with E first order at rate r; Y_ss = r·X_ss/c.
    const x = (s: number, k: number, r: number) => s / (k + r);
    const ir = (at?: Cascade['at']) => model().species('X', { supply: 2, clearance: 0.1 }).species('Y', { clearance: 0.5 })
        .release('E', 'X -> Y', 0.3).scenario('Base', 100).cascade(cascade(at)).build();

    it('reports base, perturbed, change, percent and the response coefficient', () => {
        const result = runCascadeSequential(compileModel(ir()), 'C', {});
        assert.equal(result.cascade, 'C');
        assert.equal(result.at, 'steady');
        const [supply, clearance, activity] = result.perturbations;
        const X = supply.responses[0];
        close(X.base, x(2, 0.1, 0.3), 1e-8);
        close(X.perturbed, x(3, 0.1, 0.3), 1e-8);
        close(X.change, x(1, 0.1, 0.3), 1e-8);
        close(X.percent!, 50, 1e-7);
        close(X.coefficient!, 1, 1e-7);
        assert.deepEqual([supply.target, supply.property, supply.change], ['X', 'supply', '+50%']);
        // Absolute: clearance 0.1 → 0.4 is ΔP/P = 3 from the base value.
        close(clearance.responses[0].coefficient!, (x(2, 0.4, 0.3) / x(2, 0.1, 0.3) - 1) / 3, 1e-7);
        // E's activity −20 %: Y ∝ r/(k + r).
        const y = (r: number) => r * x(2, 0.1, r) / 0.5;
        close(activity.responses[1].coefficient!, (y(0.24) / y(0.3) - 1) / -0.2, 1e-7);
    });

    it('at a time T, and in parallel on workers with the same numbers', async () => {
        const sequential = runCascadeSequential(compileModel(ir(10)), 'C', {});
        close(sequential.perturbations[0].responses[0].base, x(2, 0.1, 0.3) * (1 - Math.exp(-4)), 1e-5);
        const parallel = await runCascade(ir(10), 'C', { workers: 2 });
        assert.deepEqual(parallel, sequential);
    });

    it('each response carries the exact local coefficient beside the finite one', () => {
        const { perturbations: [supply, clearance, activity] } = runCascadeSequential(compileModel(ir()), 'C', {});
        const k = 0.1, r = 0.3;
        // ln X = ln s − ln(k + r·a), Y = r·a·X/c
        close(supply.responses[0].localCoefficient!, 1, 1e-10);
        close(clearance.responses[0].localCoefficient!, -k / (k + r), 1e-10);
        close(clearance.responses[1].localCoefficient!, -k / (k + r), 1e-10);
        close(activity.responses[0].localCoefficient!, -r / (k + r), 1e-10);
        close(activity.responses[1].localCoefficient!, k / (k + r), 1e-10);
        // The finite coefficient of a −20 % change differs from the local one (the question the issue asks).
        assert.ok(Math.abs(activity.responses[0].coefficient! - activity.responses[0].localCoefficient!) > 0.01);
        const atTime = runCascadeSequential(compileModel(ir(10)), 'C', {});
        assert.equal(atTime.perturbations[0].responses[0].localCoefficient, null);
    });

    it('the local coefficient to a fixed species\' initial value (its level for good), unless an action has set it', () => {
        // A fixed at 10 feeds B through T (vmax 1, km 10); B* = vmax·A/(km + A)/k, so (dB/B)/(dA/A) = km/(km + A) = 0.5, and A's own is 1.
        const fixed = (actions: ReturnType<typeof set>[] = []) => model().species('A', { initial: 10, fixed: true }).species('B', { clearance: 0.1 })
            .transporter('T', 'A -> B', 1, 10).scenario('Base', 100, { actions }).cascade({
                name: 'C', from: 'Base', at: 'steady', measure: [observe('B'), observe('A')],
                perturbations: [{ target: 'A', property: 'initial', change: { kind: 'relative', fraction: 0.01 }, label: '+1%' }]
            }).build();
        const [written] = runCascadeSequential(compileModel(fixed()), 'C', {}).perturbations;
        close(written.responses[0].localCoefficient!, 0.5, 1e-9);
        close(written.responses[1].localCoefficient!, 1, 1e-12);
        // The finite +1 % one: ((10.1/20.1)/(10/20) − 1)/0.01.
        close(written.responses[0].coefficient!, ((10.1 / 20.1) / (10 / 20) - 1) / 0.01, 1e-7);
        // `set A 20` from the start: the initial value no longer reaches the steady state, finitely or locally.
        const [overridden] = runCascadeSequential(compileModel(fixed([set('A', 'value', 20)])), 'C', {}).perturbations;
        close(overridden.responses[0].coefficient!, 0, 1e-9);
        close(overridden.responses[0].localCoefficient!, 0, 1e-12);
    });

    it('a perturbation without a steady state is reported with its error; the others still return (both runners)', async () => {
        const failing = ir();
        // X's clearance is 0, so E is its only sink: E's activity at 0 leaves X growing for ever.
        failing.species[0].clearance = { kind: 'number', value: 0 };
        failing.cascades[0].perturbations.splice(1, 0, { target: 'E', property: 'activity', change: { kind: 'absolute', value: 0 }, label: '0' });
        const sequential = runCascadeSequential(compileModel(failing), 'C', {});
        const [supply, noRelease, clearance, activity] = sequential.perturbations;
        assert.deepEqual(noRelease.responses, []);
        assert.match(noRelease.error!, /no steady state with 0: X grows without bound/);
        for (const other of [supply, clearance, activity]) assert.equal(other.error, undefined);
        close(supply.responses[0].coefficient!, 1, 1e-7);
        close(activity.responses[0].localCoefficient!, -1, 1e-10);
        const parallel = await runCascade(failing, 'C', { workers: 2 });
        assert.deepEqual(parallel, sequential);
    });

    it('a perturbation of a property that does not exist fails with a clear error from the worker', async () => {
        const bad = ir();
        bad.cascades[0].perturbations.push({ target: 'E', property: 'kd', change: { kind: 'relative', fraction: 0.1 }, label: '+10%' });
        await assert.rejects(runCascade(bad, 'C', { workers: 2 }), (e: Error) => e instanceof ModelError && /'E' has no property 'kd'/.test(e.message));
    });

    it('cancelling a cascade stops its workers within 100 ms', async () => {
        // Measured at t = 10⁶ min through a supply that oscillates every 0.01 min, with no step
        // limit (the default 100,000 steps can pass within 300 ms): only the cancellation ends it.
        const slow = ir(1e6);
        slow.species[0].supply = ex('circadian(2, 1, 0, 0.01)');
        const controller = new AbortController();
        const run = runCascade(slow, 'C', { signal: controller.signal, workers: 2, maxSteps: Number.MAX_SAFE_INTEGER });
        await new Promise(r => setTimeout(r, 300));
        const aborted = performance.now();
        controller.abort();
        await assert.rejects(run, (e: Error) => e instanceof SimulationError && e.reason === 'cancelled');
        assert.ok(performance.now() - aborted < 100);
    });
});

describe('run control', () => {
    it('reports progress as increasing fractions up to 1', () => {
        const ir = model().species('X', { initial: 1, clearance: 0.1 }).scenario('S', 100, { events: [at(50, dose('X', 1))] }).build();
        const seen: number[] = [];
        simulateScenario(ir, 'S', { onProgress: f => seen.push(f) });
        assert.ok(seen.length > 2);
        assert.ok(seen.every((f, i) => i === 0 || f >= seen[i - 1]));
        assert.ok(seen.some(f => f > 0.4 && f < 0.6));
        close(seen[seen.length - 1], 1, 1e-12);
    });

    it('a solver failure names the time and the species', () => {
        const ir = model().species('Runaway', { initial: 1 }).rateRule('Runaway', 'Runaway ^ 2').scenario('S', 5).build();
        assert.throws(() => simulateScenario(ir, 'S', { method: 'rk45' }),
            (e: Error) => e instanceof SimulationError && /at t = (0\.99\d*|1) min/.test(e.message) && /species 'Runaway'/.test(e.message));
    });

    it('a scenario run stops within 100 ms of shouldStop turning true', () => {
        const ir = model().species('X', { supply: 'circadian(1, 0.5, 0, 0.01)', clearance: 0.1 }).scenario('S', 1e6, { step: 1e4 }).build();
        let deadline = 0;
        const started = performance.now();
        deadline = started + 50;
        assert.throws(() => simulateScenario(ir, 'S', { method: 'rk45', shouldStop: () => performance.now() > deadline }),
            (e: Error) => e instanceof SimulationError && e.reason === 'cancelled' && /cancelled/.test(e.message));
        assert.ok(performance.now() - deadline < 100, `stopped ${performance.now() - deadline} ms late`);
    });
});
