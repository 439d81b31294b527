// `npm run bench:sensitivity`: exact sensitivities against naive finite differences on the
// generated stiff networks of network-model.mjs.
//  1. Steady state (the rhythmic supply made constant, so a steady state exists): every
//     species' response coefficient to every parameter, timed against the steady-state solve
//     itself and against finite differences done the naive way (one more steady state per
//     parameter, from the base one, at +0.1 %), with the largest difference between the two
//     response coefficients (parameters of value 0 have none and are left out of it), and the
//     floor of any method: writing the two quantities × parameters arrays once.
//  2. A 100-point steady-state scan of the 100-species network (Conv0's vmax from 1 to 10
//     uM/min), swept up and down (fold detection), warm.
//  3. Time course (24 h as the network is written): sensitivities to 10 parameters (the
//     forward sensitivity equations, in the error test; by the Rosenbrock method on the whole
//     extended system and by BDF staggered, then BDF on the state's steps alone) against one
//     plain solve (auto, the default; BDF's beside it) and against central differences (two
//     more solves per parameter), wall and CPU time; each method's counters on one solve;
//     the coefficients' accuracy against a tight reference.
//   node packages/simulator/bench/sensitivity.bench.mjs [--sizes=100,1000]
import { compileModel, findSteadyState, steadySensitivities } from '../out/src/index.js';
import { modelParameters, namedParameters } from '../out/src/analysis/analysis-parameters.js';
import { sensitivitySystem } from '../out/src/analysis/sensitivity-equations.js';
import { solve } from '../out/src/solvers/registry.js';
import { modelQuantities } from '../out/src/analysis/analysis-quantities.js';
import { timeCourseSensitivities } from '../out/src/analysis/time-course-sensitivities.js';
import { runScan, scanValues } from '../out/src/analysis/parameter-scan.js';
import { startState } from '../out/src/run/actions.js';
import { initialState } from '../out/src/run/initial-state.js';
import { simulateScenario } from '../out/src/run/simulate.js';
import { format, ms, table, timeRuns } from './harness.mjs';
import { NETWORKS, networkModel } from './network-model.mjs';

const sizes = (process.argv.find(a => a.startsWith('--sizes='))?.slice(8) ?? '100,1000').split(',').map(Number);
const RUNS = { maxRuns: 7, budgetSeconds: 20 };
const STEP = 1e-3;

function steadyNetwork(n) {
    const ir = networkModel(n, 'stiff');
    ir.species[0].supply = { kind: 'number', value: NETWORKS.stiff.parameters.s0 };
    return ir;
}

const steadyRows = [];
for (const n of sizes) {
    const m = compileModel(steadyNetwork(n));
    const y0 = startState(m, [], initialState);
    const solve = timeRuns(() => findSteadyState(m, y0), RUNS);
    const steady = solve.result;
    if (!steady.converged) throw new Error(`network ${n}: no steady state: ${steady.reason}`);
    const quantities = modelQuantities(m).filter(q => m.ir.species.some(s => s.name === q.name));
    const parameters = modelParameters(m);
    const exact = timeRuns(() => steadySensitivities({ model: m, state: steady.state, time: steady.time, quantities, parameters }), RUNS);
    // The floor any method pays: two quantities × parameters arrays (unscaled, scaled) allocated and written once.
    const floor = timeRuns(() => {
        const size = quantities.length * parameters.length;
        const a = new Float64Array(size), b = new Float64Array(size);
        for (let k = 0; k < size; k++) { a[k] = k; b[k] = a[k] * 0.5; }
        return b[size - 1];
    }, RUNS);
    // Naive: perturb each parameter's slot by +0.1 %, solve again from the base steady state.
    const started = performance.now();
    let worst = 0;
    parameters.forEach((p, j) => {
        const saved = m.slots[p.slot];
        m.slots[p.slot] = saved + STEP * (p.value === 0 ? 1 : p.value);
        const moved = findSteadyState(m, steady.state);
        m.slots[p.slot] = saved;
        if (!moved.converged) return;
        if (p.value === 0) return;
        // Compared as response coefficients (of order 1), where a difference means something.
        quantities.forEach((_, i) => {
            const fd = (moved.state[i] - steady.state[i]) / steady.state[i] / STEP;
            worst = Math.max(worst, Math.abs(fd - exact.result.scaled[i][j]));
        });
    });
    const naiveSeconds = (performance.now() - started) / 1000;
    steadyRows.push([n, parameters.length, ms(solve.seconds), ms(exact.seconds), format(exact.seconds / solve.seconds), ms(floor.seconds), ms(naiveSeconds),
        format(naiveSeconds / exact.seconds), format(worst, 2)]);
}
console.log('Steady state: all species × all parameters\n');
console.log(table(['species', 'parameters', 'steady solve ms', 'exact (all) ms', 'exact / solve', 'output floor ms', 'naive FD ms', 'naive / exact', 'max |FD − exact| of coefficients (FD +0.1 %)'], steadyRows));

{
    const m = compileModel(steadyNetwork(100));
    const problem = {
        model: m, name: 'Bench', from: 'Run', at: 'steady',
        vary: [{ target: 'Conv0', property: 'vmax', values: scanValues(1, 10, 100, false) }],
        measure: [{ name: m.ir.species[99].name, unit: 'uM', expression: { kind: 'name', name: m.ir.species[99].name } }]
    };
    const scan = timeRuns(() => runScan(problem), RUNS);
    console.log('\nSteady-state scan, 100 species, 100 points (two sweeps)\n');
    console.log(table(['first ms', 'warm ms', 'failed points', 'folds'], [[ms(scan.firstSeconds), ms(scan.seconds), scan.result.errors.length, scan.result.folds.length]]));
}

const courseRows = [], costRows = [], accuracyRows = [];
const cpu = run => ms(run.cpuSeconds);
for (const n of sizes) {
    const ir = networkModel(n, 'stiff');
    const m = compileModel(ir);
    const wrt = modelParameters(m).filter(p => p.property === 'vmax' || p.property === 'rate').slice(0, 10).map(p => `${p.name}.${p.property}`);
    const of = [m.ir.species[n - 1].name];
    const tolerances = { rtol: 1e-6, atol: 1e-9 };
    // "plain" is the solve a user gets by default (auto); BDF's own plain solve beside it.
    const plain = timeRuns(() => simulateScenario(m, 'Run', tolerances), RUNS);
    const plainBdf = timeRuns(() => simulateScenario(m, 'Run', { ...tolerances, method: 'bdf' }), RUNS);
    const sensitivities = method => timeRuns(() => timeCourseSensitivities(m, { wrt, of }, { ...tolerances, method }), RUNS);
    const rosenbrock = sensitivities('stiff'), bdf = sensitivities('bdf');
    const bdfStateSteps = timeRuns(() => timeCourseSensitivities(m, { wrt, of, sensitivityErrorControl: false }, { ...tolerances, method: 'bdf' }), RUNS);
    const started = performance.now();
    for (const name of wrt) {
        const [target, property] = name.split('.');
        for (const factor of [1 + STEP, 1 - STEP]) {
            // The compiled model's own scenario gets the t = 0 action: no recompilation.
            m.ir.scenarios[0].actions.push({ kind: 'scale', target, property, factor: { kind: 'number', value: factor } });
            simulateScenario(m, 'Run', tolerances);
            m.ir.scenarios[0].actions.pop();
        }
    }
    const naiveSeconds = (performance.now() - started) / 1000;
    const ratio = (run, base) => format(run.cpuSeconds / base.cpuSeconds);
    courseRows.push([n, wrt.length, `${ms(plain.seconds)} (${cpu(plain)})`, `${ms(plainBdf.seconds)} (${cpu(plainBdf)})`,
        `${ms(rosenbrock.seconds)} (${cpu(rosenbrock)})`, ratio(rosenbrock, plain),
        `${ms(bdf.seconds)} (${cpu(bdf)})`, ratio(bdf, plain), ratio(bdf, plainBdf),
        `${ms(bdfStateSteps.seconds)} (${cpu(bdfStateSteps)})`, ratio(bdfStateSteps, plain), ms(naiveSeconds), format(naiveSeconds / bdf.seconds)]);

    // Where the time goes: one solve of the extended problem by each method, its counters.
    const parameters = namedParameters(m, wrt, { state: startState(m, [], initialState), time: 0 });
    const system = sensitivitySystem(m, parameters);
    const problem = {
        rhs: system.rhs, jacobian: system.jacobian, forwardSensitivities: system.forwardSensitivities,
        y0: system.initialState(startState(m, [], initialState)), t0: 0, tEnd: m.ir.scenarios[0].duration
    };
    for (const method of ['stiff', 'bdf']) {
        const { stats } = solve(problem, method, { ...tolerances, keepDenseOutput: false });
        costRows.push([n, method, stats.steps, stats.rejectedSteps, stats.rhsEvaluations, format(stats.rhsEvaluations / stats.steps),
            stats.jacobianEvaluations, stats.factorizations]);
    }
    // Accuracy of both at rtol 1e-6 against the Rosenbrock method at rtol 1e-10: the largest difference of a response coefficient.
    const reference = timeCourseSensitivities(m, { wrt, of }, { rtol: 1e-10, atol: 1e-13, method: 'stiff' }).coefficients;
    const worst = report => Math.max(...report.coefficients.flatMap((rows, i) => rows.flatMap((row, j) => row.map((c, k) =>
        c === null ? 0 : Math.abs(c - reference[i][j][k])))));
    accuracyRows.push([n, format(worst(rosenbrock.result), 2), format(worst(bdf.result), 2), format(worst(bdfStateSteps.result), 2)]);
}
console.log('\nTime course (24 h): sensitivities to 10 parameters, wall ms (CPU ms); ratios of CPU time\n');
console.log(table(['species', 'parameters', 'plain (auto) ms', 'plain bdf ms', 'sens. stiff ms', 'stiff / plain', 'sens. bdf ms', 'bdf / plain',
    'bdf / plain bdf', 'bdf on state steps ms', 'state steps / plain', 'naive central FD ms', 'naive / bdf'], courseRows));
console.log('\nOne solve of the extended system: steps, rejected, right-hand sides (stiff: extended; bdf: the state\'s), Jacobians, factorisations\n');
console.log(table(['species', 'method', 'steps', 'rejected', 'rhs evaluations', 'per step', 'Jacobians', 'factorisations'], costRows));
console.log('\nLargest |coefficient − reference| at rtol 1e-6 (reference: stiff at rtol 1e-10)\n');
console.log(table(['species', 'stiff', 'bdf', 'bdf on state steps'], accuracyRows));
