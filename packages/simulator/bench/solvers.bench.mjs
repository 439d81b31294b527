// Solver benchmark: our rk45 / stiff / auto against SciPy solve_ivp (LSODA, BDF) and CVODE on
// the hand-written stiff chain network (chain-network.mjs), 24 h with 145 output times, and the
// largest relative difference of each to SciPy's Radau at rtol 1e-10. The solvers alone: for
// the same network through the model compiler (and the examples) see simulation.bench.mjs.
// Run after `npx tsc -b packages/simulator`:
//   node packages/simulator/bench/solvers.bench.mjs [sizes…] [--timeout=seconds]
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { solve } from '../out/src/index.js';
import { chainProblem, cSource, pythonSource } from './chain-network.mjs';
import { compileCvode, format, maxRelativeDifference, ms, runCvode, runScipy, table, timeRuns, workFolder } from './harness.mjs';

const args = process.argv.slice(2);
const sizes = args.filter(a => /^\d+$/.test(a)).map(Number);
const timeoutSeconds = Number(args.find(a => a.startsWith('--timeout='))?.slice(10) ?? 300);
const T_END = 1440;
const OUTPUTS = 145;
const RTOL = 1e-6;
const ATOL = 1e-9;
/** V8 needs some twenty runs of a solve to settle its optimised code; the last twenty are timed. */
const WARM_RUNS = 41;
const outputTimes = Array.from({ length: OUTPUTS }, (_, k) => (T_END * k) / (OUTPUTS - 1));

const work = workFolder();

function ours(n, method, options, repeats) {
    const problem = chainProblem(n, T_END);
    let timing;
    try {
        timing = timeRuns(() => solve(problem, method, { rtol: RTOL, atol: ATOL, outputTimes, keepDenseOutput: false, ...options }),
            { maxRuns: repeats, budgetSeconds: Infinity });
    } catch (error) {
        return { failed: error.message };
    }
    const { stats, values } = timing.result;
    return {
        ...timing, firstCpuSeconds: repeats > 1 ? timing.firstCpuSeconds : undefined,
        nfev: stats.rhsEvaluations, njev: stats.jacobianEvaluations, nlu: stats.factorizations, steps: stats.steps,
        values: values.flatMap(y => [...y])
    };
}

const rows = [];
let cvodeNote;
for (const n of sizes.length ? sizes : [12, 120, 1200]) {
    const module = `chain_${n}`;
    writeFileSync(join(work, `${module}.py`), pythonSource(n, outputTimes));
    writeFileSync(join(work, `${module}.h`), cSource(n, outputTimes));
    cvodeNote = compileCvode(work, join(work, `${module}.h`), `cvode_${n}`);
    const scipy = (method, rtol, atol, jacobian) => () => runScipy(work, module, method, { rtol, atol, jacobian, timeoutSeconds });
    console.error(`n = ${n}: reference (Radau, rtol 1e-10)…`);
    const reference = scipy('Radau', 1e-10, 1e-13, 'sparsity')();
    const runs = [
        ['ours rk45', () => (n > 200 ? { failed: 'skipped: explicit on a stiff problem (~400k steps)' } : ours(n, 'rk45', { maxSteps: 2e6 }, 1))],
        ['ours stiff (RODAS5P)', () => ours(n, 'stiff', {}, WARM_RUNS)],
        ['ours auto', () => ours(n, 'auto', {}, WARM_RUNS)],
        ['ours stiff, rtol 1e-8', () => ours(n, 'stiff', { rtol: 1e-8, atol: 1e-11 }, WARM_RUNS)],
        ['CVODE BDF + band', () => (cvodeNote ? { failed: cvodeNote } : runCvode(work, `cvode_${n}`, { rtol: RTOL, atol: ATOL, timeoutSeconds }))],
        ['SciPy LSODA', scipy('LSODA', RTOL, ATOL, 'none')],
        ['SciPy BDF', scipy('BDF', RTOL, ATOL, 'none')]
    ];
    for (const [name, run] of runs) {
        console.error(`n = ${n}: ${name}…`);
        const result = run();
        const difference = result.values && reference.values ? maxRelativeDifference(result.values, reference.values, 1e-6) : undefined;
        rows.push([n, name, result.failed ?? ms(result.cpuSeconds), ms(result.firstCpuSeconds), ms(result.seconds), format(result.nfev, 9), format(result.steps, 9),
            format(result.njev, 9), format(result.nlu, 9), format(difference, 2)]);
    }
}

console.log(`Stiff chain network, rtol ${RTOL}, atol ${ATOL}, ${T_END} min, ${OUTPUTS} output times`);
console.log("Ours: 'first run' has the JIT cold; 'CPU ms' is the median of runs 22–41 (warm, as in an editor re-running a model); rk45 one run.");
console.log("CPU time is the process's own (all threads), robust to a loaded machine; wall time is the same runs'.");
console.log(table(['states', 'solver', 'CPU ms', 'first run CPU ms', 'wall ms', 'rhs evals', 'steps', 'jac evals', 'LU', 'max rel diff vs Radau 1e-10'], rows));
if (cvodeNote) console.log(cvodeNote);
console.log('rhs evals include those spent on difference-quotient Jacobians (SciPy, CVODE); ours use the analytic Jacobian.');
rmSync(work, { recursive: true, force: true });
