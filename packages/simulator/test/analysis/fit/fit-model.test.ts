import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fisherInformation } from '../../../src/analysis/fit/fisher-information.js';
import { evaluateFit, fitModel, type FitResult } from '../../../src/analysis/fit/fit-model.js';
import { FitObjective } from '../../../src/analysis/fit/fit-objective.js';
import { profileLikelihood, PROFILE_THRESHOLD } from '../../../src/analysis/fit/profile-likelihood.js';
import type { Fit, Measurement, ModelIR } from '../../../src/ir.js';
import { simulateScenario, scenarioSteadyState, findScenario } from '../../../src/run/simulate.js';
import { compileModel } from '../../../src/model/compiled-model.js';
import { observer } from '../../../src/run/observables.js';
import { model, observe } from '../../model/helpers/ir-builder.js';
import { close, random } from '../../model/helpers/numeric.js';

const TIGHT = { rtol: 1e-10, atol: 1e-12 };

/** Standard normal numbers from a seeded uniform generator (Box–Muller). */
function gaussian(seed: number): () => number {
    const uniform = random(seed);
    return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** A Michaelis–Menten enzyme emptying its substrate; the written vmax and km are the fit's start. */
const enzyme = (vmax: number, km: number): ModelIR => model().species('S', { initial: 100 }).species('P', {})
    .enzyme('E', 'S -> P', { vmax, km: [km] }).scenario('Run', 60, { step: 5, observe: [observe('S')] }).build();

/**
 * Measurements of `ir`'s scenario series at every output time after 0, each with 5 % noise
 * (seeded) and an sd of 5 % of the true value.
 */
function synthetic(ir: ModelIR, scenario: string, quantity: string, seed: number): Measurement[] {
    const noise = gaussian(seed);
    const run = simulateScenario(ir, scenario, TIGHT);
    const series = run.series.find(s => s.name === quantity)!;
    return run.time.flatMap((time, k) => (time > 0 ? [{
        scenario, quantity, expression: { kind: 'name', name: quantity }, unit: 'uM', time,
        value: series.values[k] * (1 + 0.05 * noise()), sd: 0.05 * series.values[k]
    } as Measurement] : []));
}

const withFit = (ir: ModelIR, measurements: Measurement[], fit: Omit<Fit, 'name' | 'data'>): ModelIR =>
    ({ ...ir, datasets: [{ name: 'D', measurements }], fits: [{ name: 'F', data: ['D'], ...fit }] });

const ENZYME_FIT: Omit<Fit, 'name' | 'data'> = {
    estimates: [{ target: 'E', property: 'vmax', low: 0.1, high: 10, log: true }, { target: 'E', property: 'km', low: 1, high: 1000, log: true }],
    includeExpects: 'none', residuals: 'normal'
};

/** Binding at steady state: ligand levels set per scenario, occupancy measured. */
function binding(kd: number, hill: number, seed: number | undefined): ModelIR {
    let builder = model().species('L', { initial: 1, fixed: true }).receptor('R', 'L', { kd, hill });
    const levels = [0.1, 0.3, 1, 3, 10, 30];
    levels.forEach((level, k) => {
        builder = builder.scenario(`L${k}`, 10, { actions: [{ kind: 'set', target: 'L', property: 'value', value: { kind: 'number', value: level } }], observe: [observe('R.occupancy', '1')] });
    });
    const ir = builder.build();
    if (seed === undefined) return ir;
    const noise = gaussian(seed);
    const m = compileModel(ir);
    const measurements = levels.map((_, k): Measurement => {
        const scenario = findScenario(ir, `L${k}`);
        const steady = scenarioSteadyState(m, scenario, TIGHT);
        const occupancy = observer(m, scenario.observe)(steady.time, steady.state)[0];
        return { scenario: `L${k}`, quantity: 'R.occupancy', expression: { kind: 'member', name: 'R', member: 'occupancy' }, unit: '1', time: 'steady', value: occupancy * (1 + 0.05 * noise()), sd: 0.05 * occupancy };
    });
    return { ...ir, datasets: [{ name: 'D', measurements }] };
}

/** The true values lie inside the 95 % profile-likelihood intervals, which are closed. */
function assertRecovered(ir: ModelIR, result: FitResult, truth: number[]): void {
    const profiles = profileLikelihood(ir, result);
    profiles.forEach((profile, j) => {
        assert.ok(profile.identifiable, `${profile.label}: the profile should be closed on both sides (${profile.closed})`);
        const [low, high] = profile.interval;
        assert.ok(low < result.parameters[j].value && result.parameters[j].value < high, `${profile.label}: the estimate lies inside its interval`);
        assert.ok(low <= truth[j] && truth[j] <= high, `${profile.label}: true ${truth[j]} within [${low}, ${high}]`);
    });
}

describe('fitting (docs/analysis.md#fitting)', function () {
    this.timeout(120_000);

    it('recovers a Michaelis–Menten enzyme’s vmax and km from a time course with 5 % noise, within their profile intervals', () => {
        const ir = withFit(enzyme(1, 100), synthetic(enzyme(2, 40), 'Run', 'S', 7), ENZYME_FIT);
        const result = fitModel(ir, 'F', { ...TIGHT, starts: 3, seed: 3 });
        assert.ok(result.converged, result.reason);
        assertRecovered(ir, result, [2, 40]);
        assert.deepEqual(result.parameters.map(p => [p.label, p.unit, p.written]), [['E.vmax', 'uM/min', 1], ['E.km.S', 'uM', 100]]);
    });

    it('recovers a receptor’s kd and Hill coefficient from steady-state occupancies with 5 % noise, within their profile intervals', () => {
        const ir: ModelIR = {
            ...binding(10, 1, 11), ...{ datasets: binding(3, 1.5, 11).datasets },
            fits: [{ name: 'F', data: ['D'], includeExpects: 'none', residuals: 'normal', estimates: [
                { target: 'R', property: 'kd', low: 0.01, high: 100, log: true }, { target: 'R', property: 'hill', low: 0.3, high: 4, log: false }] }]
        };
        const result = fitModel(ir, 'F', { ...TIGHT, starts: 3 });
        assert.ok(result.converged, result.reason);
        assertRecovered(ir, result, [3, 1.5]);
    });

    it('reports the model’s own values at the fitted parameters, χ², AIC and BIC by their formulas', () => {
        const ir = withFit(enzyme(1, 100), synthetic(enzyme(2, 40), 'Run', 'S', 5), ENZYME_FIT);
        const result = fitModel(ir, 'F', { ...TIGHT, starts: 1 });
        // ŷ from a plain run of the model with the fitted values written in.
        const [vmax, km] = result.parameters.map(p => p.value);
        const run = simulateScenario(enzyme(vmax, km), 'Run', TIGHT);
        let chi2 = 0, logTerms = 0;
        result.residuals.forEach(r => {
            const expected = run.series[0].values[run.time.indexOf(r.time as number)];
            close(r.fitted, expected, 1e-7, 1e-9, `fitted S at ${r.time} min: `);
            close(r.residual, (r.value - expected) / r.sd, 1e-6, 1e-6);
            chi2 += ((r.value - r.fitted) / r.sd) ** 2;
            logTerms += Math.log(2 * Math.PI * r.sd ** 2);
        });
        const n = result.residuals.length;
        assert.equal(result.dataPoints, 12);
        close(result.chi2, chi2, 1e-12);
        close(result.objective, chi2, 1e-12);
        close(result.aic, chi2 + logTerms + 2 * 2, 1e-12);
        close(result.bic, chi2 + logTerms + 2 * Math.log(n), 1e-12);
    });

    it('evaluates the objective without optimising: at the model\'s values by default, at given ones on request', () => {
        const ir = withFit(enzyme(1, 100), synthetic(enzyme(2, 40), 'Run', 'S', 6), ENZYME_FIT);
        // Both at tight tolerances: at the default rtol 1e-6 the runs' own errors differ by 1e-7 of χ².
        const atModel = evaluateFit(ir, 'F', undefined, TIGHT);
        const run = simulateScenario(enzyme(1, 100), 'Run', TIGHT);
        const chi2 = atModel.residuals.reduce((s, r) => s + ((r.value - run.series[0].values[run.time.indexOf(r.time as number)]) / r.sd) ** 2, 0);
        close(atModel.chi2, chi2, 1e-7);
        assert.deepEqual(atModel.parameters.map(p => p.value), [1, 100]);
        const fitted = fitModel(ir, 'F', { ...TIGHT, starts: 1 });
        const again = evaluateFit(ir, 'F', fitted.parameters.map(p => p.value), TIGHT);
        close(again.objective, fitted.objective, 1e-9);
        assert.ok(again.objective < atModel.objective);
        assert.throws(() => evaluateFit(ir, 'F', [1]), /estimates 2 values, not 1/);
    });

    it('log-normal residuals are (ln y − ln ŷ)/(sd/y)', () => {
        const ir = withFit(enzyme(1, 100), synthetic(enzyme(2, 40), 'Run', 'S', 9), { ...ENZYME_FIT, residuals: 'lognormal' });
        const result = fitModel(ir, 'F', { ...TIGHT, starts: 1 });
        assert.equal(result.residualModel, 'lognormal');
        for (const r of result.residuals) close(r.residual, (Math.log(r.value) - Math.log(r.fitted)) / (r.sd / r.value), 1e-9, 1e-12);
        close(result.chi2, result.residuals.reduce((s, r) => s + r.residual ** 2, 0), 1e-12);
    });

    it('is reproducible for a seed, and the starts follow the Latin hypercube', () => {
        const ir = withFit(enzyme(1, 100), synthetic(enzyme(2, 40), 'Run', 'S', 1), ENZYME_FIT);
        const a = fitModel(ir, 'F', { starts: 4, seed: 42 }), b = fitModel(ir, 'F', { starts: 4, seed: 42 }), c = fitModel(ir, 'F', { starts: 4, seed: 43 });
        assert.deepEqual(a, b);
        assert.notDeepEqual(a.starts.map(s => s.from), c.starts.map(s => s.from));
        assert.deepEqual(a.starts[0].from, [1, 100]);
        // One start per stratum of each log-scaled coordinate: the three hypercube points fall in different thirds.
        const thirds = a.starts.slice(1).map(s => Math.floor((3 * (Math.log(s.from[0]) - Math.log(0.1))) / (Math.log(10) - Math.log(0.1))));
        assert.deepEqual([...thirds].sort(), [0, 1, 2]);
    });

    it('a scenario that scales the estimated property: the gradient follows the scaling', () => {
        // Data measured under `scale E vmax 0.5`: the fit must find vmax = 2 for the model, not 1.
        const scaled = enzyme(2, 40);
        scaled.scenarios[0].actions.push({ kind: 'scale', target: 'E', property: 'vmax', factor: { kind: 'number', value: 0.5 } });
        const start = enzyme(1, 100);
        start.scenarios[0].actions.push({ kind: 'scale', target: 'E', property: 'vmax', factor: { kind: 'number', value: 0.5 } });
        const measurements = synthetic(scaled, 'Run', 'S', 2).map(x => ({ ...x, value: x.sd / 0.05 }));
        const result = fitModel(withFit(start, measurements, ENZYME_FIT), 'F', { ...TIGHT, starts: 1 });
        close(result.parameters[0].value, 2, 1e-4);
        close(result.parameters[1].value, 40, 1e-4);
    });

    it('included expects pull the fit into their range', () => {
        // One measurement (at 60 min) cannot tell vmax from km: along the curve of equal S(60), S(10) runs from
        // about 81 µM (first order within the bounds) to 87 µM (zero order); an expect of S at 10 min in [82.5, 83.5] decides.
        const readAt = (vmax: number, km: number, time: number, scale = 1) => {
            const run = simulateScenario(enzyme(vmax * scale, km), 'Run', TIGHT);
            return run.series[0].values[run.time.indexOf(time)];
        };
        const base = enzyme(1, 100);
        const reading = (at: number) => [{ expression: { kind: 'name' as const, name: 'S' }, at }];
        base.scenarios[0].expects.push(
            { label: 'S', readings: reading(10), value: { kind: 'name', name: '$0' }, low: 82.5, high: 83.5, unit: 'uM' },
            // A relative expect whose wide range holds: its value is reported.
            { label: 'S', readings: reading(30), value: { kind: 'name', name: '$0' }, relativeTo: 'Half', low: -1, high: 1, unit: '1' }
        );
        base.scenarios.push({ ...base.scenarios[0], name: 'Half', expects: [], actions: [{ kind: 'scale', target: 'E', property: 'vmax', factor: { kind: 'number', value: 0.5 } }] });
        const measurements = synthetic(enzyme(2, 40), 'Run', 'S', 4).filter(x => x.time === 60);
        const fit = (includeExpects: Fit['includeExpects']) => fitModel(withFit(base, measurements, { ...ENZYME_FIT, includeExpects }), 'F', { ...TIGHT, starts: 1 });
        const without = fit('none'), relativeOnly = fit('relative'), withExpects = fit('all');
        assert.equal(without.expects.length, 0);
        const unguided = readAt(without.parameters[0].value, without.parameters[1].value, 10);
        assert.ok(unguided > 84, `without the expect the fit lands elsewhere (S at 10 min ${unguided})`);
        // `include relative expects` leaves the absolute one out: it no longer pulls the fit.
        assert.deepEqual(relativeOnly.expects.map(e => [e.low, e.high]), [[-1, 1]]);
        assert.ok(readAt(relativeOnly.parameters[0].value, relativeOnly.parameters[1].value, 10) > 84, 'the relative-only fit lands where the unguided one does');
        assert.equal(withExpects.expects.length, 2);
        const [absolute, relative] = withExpects.expects;
        assert.ok(absolute.penalty < 1e-8, `S at 10 min, ${absolute.value}, lies in [${absolute.low}, ${absolute.high}]`);
        assert.ok(Math.abs(withExpects.residuals[0].residual) < 1e-3, 'the measurement is still met');
        // Each value as runs of the scenarios read it: S at 10 min, and the change of S at 30 min against Half.
        const [vmax, km] = withExpects.parameters.map(p => p.value);
        close(absolute.value, readAt(vmax, km, 10), 1e-6, 1e-9);
        close(relative.value, (readAt(vmax, km, 30) - readAt(vmax, km, 30, 0.5)) / readAt(vmax, km, 30, 0.5), 1e-6, 1e-9);
        assert.equal(relative.penalty, 0);
    });

    it('an included expect that combines readings (a ratio, relative to another scenario): its value and exact gradient', () => {
        const base = enzyme(1, 100);
        const ratio = { kind: 'binary' as const, op: '/' as const, left: { kind: 'name' as const, name: '$0' }, right: { kind: 'name' as const, name: '$1' } };
        const reading = (at: number) => ({ expression: { kind: 'name' as const, name: 'S' }, at });
        // A range the model is far from, so the penalty and its gradient are not 0.
        base.scenarios[0].expects.push({ label: 'S ratio', readings: [reading(10), reading(30)], value: ratio, relativeTo: 'Half', low: 5, high: 6, unit: '1' });
        base.scenarios.push({ ...base.scenarios[0], name: 'Half', expects: [], actions: [{ kind: 'scale', target: 'E', property: 'vmax', factor: { kind: 'number', value: 0.5 } }] });
        const ir = withFit(base, synthetic(enzyme(2, 40), 'Run', 'S', 4).filter(x => x.time === 60), { ...ENZYME_FIT, includeExpects: 'all' });
        const objective = new FitObjective(compileModel(ir), ir.fits![0]);
        const theta = [1.5, 60];
        const at = objective.evaluate(theta, TIGHT);
        const readAt = (vmax: number, km: number, time: number) => {
            const run = simulateScenario(enzyme(vmax, km), 'Run', TIGHT);
            return run.series[0].values[run.time.indexOf(time)];
        };
        const own = readAt(1.5, 60, 10) / readAt(1.5, 60, 30), half = readAt(0.75, 60, 10) / readAt(0.75, 60, 30);
        close(at.expectValues[0], (own - half) / half, 1e-6, 1e-9);
        close(at.residuals[1], ((own - half) / half - 5) / 0.5, 1e-6, 1e-9);
        // ∂r/∂θ against central differences of the residual itself.
        theta.forEach((value, j) => {
            const h = 1e-4 * value;
            const moved = (delta: number) => objective.evaluate(theta.map((v, k) => (k === j ? v + delta : v)), TIGHT).residuals[1];
            close(at.jacobian[1][j], (moved(h) - moved(-h)) / (2 * h), 1e-5, 1e-9, `∂r/∂θ${j}: `);
        });
        objective.restore();
    });

    it('stops when cancelled', () => {
        const ir = withFit(enzyme(1, 100), synthetic(enzyme(2, 40), 'Run', 'S', 1), ENZYME_FIT);
        const controller = new AbortController();
        controller.abort();
        assert.throws(() => fitModel(ir, 'F', { signal: controller.signal }), /cancelled/);
        let reported = 0;
        fitModel(ir, 'F', { starts: 1, onFitProgress: () => { reported++; } });
        assert.ok(reported > 0);
    });

    it('flags a flat profile as non-identifiable, and the Fisher check finds the rank deficit', () => {
        // Only the product vmax·k enters the data: each alone is not identifiable.
        const ir = model().parameter('k', 1).species('S', { initial: 100 }).species('P', {})
            .reaction('E', 'S -> P', 'k * v * S').parameter('v', 0.05).scenario('Run', 30, { step: 5, observe: [observe('S')] }).build();
        const truth = model().parameter('k', 1).species('S', { initial: 100 }).species('P', {})
            .reaction('E', 'S -> P', 'k * v * S').parameter('v', 0.1).scenario('Run', 30, { step: 5, observe: [observe('S')] }).build();
        const fitted = withFit(ir, synthetic(truth, 'Run', 'S', 3), {
            estimates: [{ target: 'k', property: 'value', low: 0.1, high: 10, log: true }, { target: 'v', property: 'value', low: 0.01, high: 1, log: true }],
            includeExpects: 'none', residuals: 'normal'
        });
        const result = fitModel(fitted, 'F', { ...TIGHT, starts: 1 });
        close(result.parameters[0].value * result.parameters[1].value, 0.1, 0.02);
        const profiles = profileLikelihood(fitted, result);
        for (const profile of profiles) {
            assert.equal(profile.identifiable, false, `${profile.label} is not identifiable`);
            assert.ok(Math.max(...profile.rise) < PROFILE_THRESHOLD);
        }
        const fisher = fisherInformation(fitted, result);
        assert.equal(fisher.rank, 1);
        assert.equal(fisher.condition, Infinity);
    });
});

const SCIPY = String.raw`
import json, sys
import numpy as np
from scipy.integrate import solve_ivp
from scipy.optimize import least_squares
data = json.loads(sys.argv[1])
times = np.array([d['time'] for d in data]); y = np.array([d['value'] for d in data]); sd = np.array([d['sd'] for d in data])
def model(u):
    vmax, km = np.exp(u)
    sol = solve_ivp(lambda t, s: [-vmax * s[0] / (km + s[0])], (0, times[-1]), [100.0], method='Radau', t_eval=times, rtol=1e-12, atol=1e-12)
    return sol.y[0]
res = least_squares(lambda u: (y - model(u)) / sd, np.log([1.0, 100.0]), bounds=(np.log([0.1, 1]), np.log([10, 1000])), method='trf', xtol=1e-14, ftol=1e-14, gtol=1e-14)
print(json.dumps({'x': np.exp(res.x).tolist(), 'cost': float(2 * res.cost)}))
`;

describe('fitting against SciPy', function () {
    this.timeout(120_000);
    it('the bounded Levenberg–Marquardt optimum of the enzyme problem matches scipy.optimize.least_squares to 1e-5', function () {
        if (spawnSync('python3', ['-c', 'import scipy.optimize, scipy.integrate'], { encoding: 'utf8' }).status !== 0) {
            console.warn('    SKIPPED: python3 with SciPy is not available, so the fit was not compared with scipy.optimize.least_squares');
            this.skip();
        }
        const measurements = synthetic(enzyme(2, 40), 'Run', 'S', 7);
        const result = fitModel(withFit(enzyme(1, 100), measurements, ENZYME_FIT), 'F', { ...TIGHT, starts: 1 });
        const python = spawnSync('python3', ['-c', SCIPY, JSON.stringify(measurements.map(x => ({ time: x.time, value: x.value, sd: x.sd })))], { encoding: 'utf8' });
        assert.equal(python.status, 0, python.stderr);
        const reference = JSON.parse(python.stdout) as { x: number[]; cost: number };
        result.parameters.forEach((p, j) => close(p.value, reference.x[j], 1e-5, 0, `${p.label}: `));
        close(result.chi2, reference.cost, 1e-6);
    });
});
