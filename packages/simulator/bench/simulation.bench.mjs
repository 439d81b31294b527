// `npm run bench:sim`: every example model (first scenario: its duration, output times and
// t = 0 actions) and generated networks of 10, 100 and 1,000 species (stiff and non-stiff),
// all through the model compiler, solved by our rk45 / stiff / auto, by SciPy's solve_ivp
// (LSODA, BDF) and by CVODE (BDF + KLU) on the same equations printed to Python and C from the
// compiled terms (model-sources.mjs), at rtol 1e-6, atol 1e-9; each compared with SciPy's
// Radau at rtol 1e-10, atol 1e-14 (with the analytic Jacobian), and ours again at rtol 1e-8.
// The stiff networks are also solved cold, as the CLI does: a fresh process per solve that loads
// the simulator, compiles and solves once (cold-solve.mjs), against CVODE in fresh processes.
// --cold: only that table (ours auto warm and CVODE, no SciPy, no reference).
//   node packages/simulator/bench/simulation.bench.mjs [--timeout=seconds] [--only=text] [--cold]
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModelFromFile } from '@neurocascade/language';
import { compileModel } from '../out/src/index.js';
import { integrateTrajectory } from '../out/src/run/trajectory.js';
import { coldCvode, coldSolves } from './cold-solves.mjs';
import { firstScenario } from './first-scenario.mjs';
import { compileCvode, format, maxRelativeDifference, ms, runCvode, runScipy, table, timeRuns, workFolder } from './harness.mjs';
import { cHeader, modelEquations, pythonModule } from './model-sources.mjs';
import { NETWORKS, networkModel } from './network-model.mjs';

const args = process.argv.slice(2);
const timeoutSeconds = Number(args.find(a => a.startsWith('--timeout='))?.slice(10) ?? 120);
const only = args.find(a => a.startsWith('--only='))?.slice(7);
const coldOnly = args.includes('--cold');
const RTOL = 1e-6, ATOL = 1e-9;
const ACCURATE = { rtol: 1e-8, atol: 1e-12 };
const REFERENCE = { rtol: 1e-10, atol: 1e-14 };
/** Relative differences are taken against max(|reference|, FLOOR) µM. */
const FLOOR = 1e-6;
/**
 * Ours: the first run, then more until 301 runs or 4 s of wall time. A millisecond solve needs
 * a few hundred runs before V8 has optimised all of it: at 61, half the "warm" runs of the
 * first model were still partly unoptimised (auto 1.0 ms against 0.6 ms for the rtol 1e-8 run after it).
 */
const OUR_RUNS = { maxRuns: 301, budgetSeconds: 4 };
/** Runs of SciPy (up to 100 states; one above) and of CVODE, in one process each. */
const SCIPY_REPEATS = 5, CVODE_REPEATS = 11;
/** Enough for every non-stiff case; a stiff example stops there rather than take a minute. */
const RK45_MAX_STEPS = 300_000;
const TARGETS = { cvodeRatio: 3, lsodaSpeedup: 10, accuracy: 1e-5, coldCvodeRatio: 3, warmCvodeRatio: 1.5 };
/** Fresh processes per cold measurement (ours and CVODE), their median reported. */
const COLD_PROCESSES = 5;

const examples = resolve(dirname(fileURLToPath(import.meta.url)), '../../../examples');
const cases = [
    ...readdirSync(examples).filter(f => f.endsWith('.cascade')).sort().map(file => ({
        label: file.replace(/\.cascade$/, ''),
        load: async () => {
            const { model, diagnostics } = await loadModelFromFile(join(examples, file));
            if (!model) throw new Error(`${file}: ${diagnostics.map(d => d.message).join('; ')}`);
            return model;
        }
    })),
    ...Object.keys(NETWORKS).flatMap(kind => [10, 100, 1000].map(n => ({ label: `${kind} network`, n, load: async () => networkModel(n, kind) })))
].filter(c => !only || `${c.label} ${c.n ?? ''}`.includes(only)).filter(c => !coldOnly || c.label === 'stiff network');

function ours(m, start, method, options) {
    const { scenario, y0, times } = start;
    // Each sample is copied whole and flattened after timing, as SciPy's runner keeps solve_ivp's columns.
    const run = () => {
        const samples = [];
        const { stats } = integrateTrajectory(m, y0, scenario.duration, times, [], { method, ...options }, (_t, y) => samples.push(y.slice()));
        return { stats, samples };
    };
    try {
        const timing = timeRuns(run, OUR_RUNS);
        const { stats, samples } = timing.result;
        return { ...timing, nfev: stats.rhsEvaluations, steps: stats.steps, values: samples.flatMap(y => [...y]), used: stats.method };
    } catch (error) {
        const where = Number.isFinite(error.time) ? ` at t = ${+error.time.toPrecision(4)} min` : '';
        return { failed: error.reason === 'max-steps' ? `stopped: ${options.maxSteps} steps${where}` : `failed: ${error.message}` };
    }
}

const work = workFolder();
const rows = [];
const verdicts = [];
const coldRows = [];
const coldVerdicts = [];
for (const [k, c] of cases.entries()) {
    const ir = await c.load();
    const compileStarted = performance.now();
    const m = compileModel(ir);
    const compileMs = performance.now() - compileStarted;
    const start = firstScenario(m);
    const n = m.stateNames.length;
    const label = `${c.label} (${start.scenario.name}, ${+(start.scenario.duration / 60).toPrecision(3)} h)`;
    const stiff = c.label.startsWith('stiff');
    const note = what => console.error(`${label}, ${n} states: ${what}…`);
    const equations = modelEquations(m);
    const problem = { y0: start.y0, times: start.times, breaks: start.breaks };
    const module = `case_${k}`;
    writeFileSync(join(work, `${module}.py`), pythonModule(equations, m.slots, problem));
    writeFileSync(join(work, `${module}.h`), cHeader(equations, m.slots, problem));
    note('compiling the C right-hand side');
    const cvodeNote = compileCvode(work, join(work, `${module}.h`), `cvode_${k}`);
    const repeats = n <= 100 ? SCIPY_REPEATS : 1;
    const scipy = (method, jacobian, tolerances = { rtol: RTOL, atol: ATOL }, times = repeats) =>
        () => runScipy(work, module, method, { ...tolerances, jacobian, repeats: times, timeoutSeconds });
    note('reference (Radau, rtol 1e-10)');
    const reference = coldOnly ? { failed: 'skipped (--cold)' } : scipy('Radau', 'analytic', REFERENCE, 1)();
    // auto first: its first run is the model's first solve after compiling, as in the editor.
    const runs = [
        ['ours auto', () => ours(m, start, 'auto', { rtol: RTOL, atol: ATOL })],
        ['ours stiff', () => ours(m, start, 'stiff', { rtol: RTOL, atol: ATOL })],
        ['ours rk45', () => (stiff && n > 10 ? { failed: 'skipped: explicit method on a stiff problem (~290k steps)' }
            : ours(m, start, 'rk45', { rtol: RTOL, atol: ATOL, maxSteps: RK45_MAX_STEPS }))],
        ['ours auto, rtol 1e-8', () => ours(m, start, 'auto', ACCURATE)],
        ['CVODE BDF + KLU', () => (cvodeNote ? { failed: cvodeNote } : runCvode(work, `cvode_${k}`, { rtol: RTOL, atol: ATOL, repeats: CVODE_REPEATS, timeoutSeconds }))],
        ['SciPy LSODA', scipy('LSODA', 'none')],
        ['SciPy BDF (sparse)', scipy('BDF', 'sparsity')]
    ].filter(([name]) => !coldOnly || name === 'ours auto' || name.startsWith('CVODE'));
    const results = new Map();
    for (const [name, run] of runs) {
        note(name);
        const result = run();
        result.difference = result.values && reference.values ? maxRelativeDifference(result.values, reference.values, FLOOR) : undefined;
        results.set(name, result);
    }
    const cvode = results.get('CVODE BDF + KLU'), lsoda = results.get('SciPy LSODA'), auto = results.get('ours auto');
    if (c.label === 'stiff network') {
        note(`${COLD_PROCESSES} cold solves in fresh processes, ours and CVODE`);
        const cold = coldSolves('stiff', c.n, COLD_PROCESSES);
        note(`${COLD_PROCESSES} cold solves in fresh processes with the disk cache of compiled models warm`);
        const cached = coldSolves('stiff', c.n, COLD_PROCESSES, { cacheFolder: join(work, `compiled-models-${k}`) });
        const cvodeCold = cvodeNote ? { failed: cvodeNote } : coldCvode(work, `cvode_${k}`, { rtol: RTOL, atol: ATOL }, COLD_PROCESSES);
        const ourCold = cold.loadMs + cold.compileMs + cold.solveMs, cachedCold = cached.loadMs + cached.compileMs + cached.solveMs;
        const ratio = (us, them) => (them === undefined ? '' : format(us / them, 2));
        const coldRow = (r, compiled) => [label, n, compiled, format(r.processMs), format(r.startMs), format(r.loadMs), format(r.compileMs), format(r.solveMs),
            `${r.method}, ${r.steps}`, cvodeCold.failed ?? format(cvodeCold.processMs), format(cvodeCold.solveMs),
            ratio(r.loadMs + r.compileMs + r.solveMs, cvodeCold.solveMs), ratio(r.processMs, cvodeCold.processMs)];
        coldRows.push([...coldRow(cold, 'compileModel'), ms(auto.seconds), ms(cvode.seconds), ratio(auto.seconds, cvode.seconds)]);
        coldRows.push([...coldRow(cached, 'disk cache'), '', '', '']);
        const verdict = (ok, text) => `${ok ? 'met' : 'NOT met'}: ${text}`;
        coldVerdicts.push(`${n} species: ` + (cvodeCold.failed || cvode.failed || auto.failed ? `n/a (${cvodeCold.failed ?? cvode.failed ?? auto.failed})` : [
            verdict(ourCold <= TARGETS.coldCvodeRatio * cvodeCold.solveMs, `cold ${format(ourCold / cvodeCold.solveMs, 2)}× CVODE (load + compile + first solve against CVODE's first solve)`),
            verdict(cachedCold <= TARGETS.coldCvodeRatio * cvodeCold.solveMs, `cold with the disk cache warm ${format(cachedCold / cvodeCold.solveMs, 2)}× CVODE`),
            verdict(auto.seconds <= TARGETS.warmCvodeRatio * cvode.seconds, `warm ${format(auto.seconds / cvode.seconds, 2)}× CVODE`)
        ].join('; ')));
    }
    if (coldOnly) continue;
    for (const [name, r] of results) {
        const isOurs = name.startsWith('ours');
        const versus = (other, f) => (isOurs && !r.failed && !other.failed ? format(f(other.cpuSeconds, r.cpuSeconds), 2) : '');
        rows.push([label, n, name + (r.used && r.used !== name.split(/[ ,]/)[1] ? ` [${r.used}]` : ''),
            r.failed ?? ms(r.cpuSeconds), ms(r.firstCpuSeconds), ms(r.seconds), r.runs ?? '',
            format(r.nfev, 9), format(r.njev, 9), format(r.steps, 9), format(r.difference, 2),
            versus(cvode, (them, us) => us / them), versus(lsoda, (them, us) => them / us),
            name === 'ours auto' ? format(compileMs) : '']);
    }
    const accuracy = results.get('ours auto, rtol 1e-8').difference;
    const verdict = (ok, text) => `${ok ? 'met' : 'NOT met'}: ${text}`;
    verdicts.push(`${label}, ${n} states: ` + [
        cvode.failed || auto.failed ? `CVODE ratio n/a (${cvode.failed ?? auto.failed})`
            : verdict(auto.cpuSeconds <= TARGETS.cvodeRatio * cvode.cpuSeconds, `auto ${format(auto.cpuSeconds / cvode.cpuSeconds, 2)}× CVODE`),
        lsoda.failed ? `${lsoda.failed.startsWith('timed out') ? 'met' : 'n/a'}: LSODA ${lsoda.failed} (wall), auto took ${ms(auto.cpuSeconds)} ms`
            : verdict(lsoda.cpuSeconds >= TARGETS.lsodaSpeedup * auto.cpuSeconds, `auto ${format(lsoda.cpuSeconds / auto.cpuSeconds, 2)}× faster than LSODA`),
        accuracy === undefined ? 'accuracy n/a' : verdict(accuracy <= TARGETS.accuracy, `rtol 1e-8 within ${format(accuracy, 2)} of Radau`)
    ].join('; '));
}

if (!coldOnly) {
    console.log(`Simulation benchmark: rtol ${RTOL}, atol ${ATOL}, the scenario's output times; reference SciPy Radau rtol ${REFERENCE.rtol}, atol ${REFERENCE.atol} (analytic Jacobian).`);
    console.log(table(['model (scenario, duration)', 'states', 'solver [method used]', 'CPU ms', 'first run CPU ms', 'wall ms', 'runs', 'rhs evals', 'jac evals', 'steps',
        `max rel diff vs Radau (floor ${FLOOR})`, 'CPU ÷ CVODE', 'LSODA ÷ CPU', 'compile ms'], rows));
    console.log(`CPU ms: process CPU time (all threads) of one solve, the median of warm runs. Ours: the later half of the runs after the first`);
    console.log(`(up to ${OUR_RUNS.maxRuns} runs or ${OUR_RUNS.budgetSeconds} s); SciPy: the runs after the first of ${SCIPY_REPEATS} up to 100 states, else one run; CVODE: those after the first of ${CVODE_REPEATS}.`);
    console.log("'first run': the cold one (ours auto: the model's first solve after compiling). Wall ms: the same runs' wall time.");
    console.log('Ours and CVODE use the analytic Jacobian; SciPy LSODA differences the dense Jacobian, BDF the sparse one (jac_sparsity).');
    console.log(`Targets: ours (auto) within ${TARGETS.cvodeRatio}× of CVODE, ${TARGETS.lsodaSpeedup}× faster than LSODA, within ${TARGETS.accuracy} of Radau at rtol 1e-8.`);
    for (const v of verdicts) console.log(`- ${v}`);
}
if (coldRows.length > 0) {
    console.log(`\nCold first solve (a fresh process each, median of ${COLD_PROCESSES}), auto, rtol ${RTOL}, atol ${ATOL}; wall ms.`);
    console.log(table(['model (scenario, duration)', 'states', 'compiled by', 'ours process ms', 'node start', 'load', 'compile', 'first solve', 'method, steps',
        'CVODE process ms', 'CVODE first solve', 'cold ÷ CVODE', 'process ÷ CVODE process', 'ours warm', 'CVODE warm', 'warm ÷ CVODE'], coldRows));
    console.log('ours process ms: spawn to exit of cold-solve.mjs; node start: from the process origin until the benchmark script starts loading');
    console.log('the simulator (the generated model is built in it); load: importing the simulator; compile: compileModel, or with the disk cache');
    console.log('(a fresh process after one that wrote it: a second run of the same model) reading it from there; first solve: integrateTrajectory.');
    console.log("cold ÷ CVODE: (load + compile + first solve) against CVODE's first solve in a fresh process; CVODE process ms: its spawn to exit");
    console.log(`(printing every sample as JSON included). Warm: in this process, the median wall time of ours auto's warm runs (as in the table`);
    console.log(`of all solvers) and of CVODE's runs after the first of ${CVODE_REPEATS}.`);
    console.log(`Targets: cold within ${TARGETS.coldCvodeRatio}× of CVODE, warm within ${TARGETS.warmCvodeRatio}×.`);
    for (const v of coldVerdicts) console.log(`- ${v}`);
}
rmSync(work, { recursive: true, force: true });
