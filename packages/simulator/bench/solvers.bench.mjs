// Solver benchmark: our rk45 / stiff / auto against SciPy solve_ivp (LSODA, BDF) and CVODE on
// the generated stiff chain network (chain-network.mjs), 24 h with 145 output times, and the
// largest relative difference of each to SciPy's Radau at rtol 1e-10.
// Run after `npx tsc -b packages/simulator`:
//   node packages/simulator/bench/solvers.bench.mjs [sizes…] [--timeout=seconds]
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { solve } from '../out/src/index.js';
import { chainProblem, cSource, pythonSource } from './chain-network.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
const timeoutSeconds = Number(args.find((a) => a.startsWith('--timeout='))?.slice(10) ?? 300);
const T_END = 1440;
const OUTPUTS = 145;
const RTOL = 1e-6;
const ATOL = 1e-9;
/** V8 needs some twenty runs of a solve to settle its optimised code; the last twenty are timed. */
const WARM_RUNS = 41;
const outputTimes = Array.from({ length: OUTPUTS }, (_, k) => (T_END * k) / (OUTPUTS - 1));

const work = mkdtempSync(join(tmpdir(), 'neurocascade-bench-'));
writeFileSync(join(work, 'chain_rhs.py'), pythonSource());
copyFileSync(join(here, 'scipy-runner.py'), join(work, 'scipy-runner.py'));
writeFileSync(join(work, 'chain_rhs.h'), cSource());

function runJson(command, commandArgs) {
    const result = spawnSync(command, commandArgs, { cwd: work, encoding: 'utf8', maxBuffer: 1 << 30, timeout: timeoutSeconds * 1000 });
    if (result.error?.code === 'ETIMEDOUT' || result.signal) return { failed: `timed out after ${timeoutSeconds} s` };
    if (result.status !== 0 && !result.stdout) return { failed: (result.stderr || String(result.error)).trim().split('\n').pop() };
    return JSON.parse(result.stdout);
}

function compileCvode() {
    const result = spawnSync('gcc', ['-O2', '-I', work, '-o', join(work, 'cvode-chain'), join(here, 'cvode-driver.c'),
        '-lsundials_cvode', '-lsundials_nvecserial', '-lsundials_sunmatrixband', '-lsundials_sunlinsolband', '-lm'], { encoding: 'utf8' });
    return result.status === 0 ? undefined : `CVODE skipped: ${result.stderr.trim().split('\n')[0] || 'gcc failed'} (apt-get install -y libsundials-dev)`;
}

/** Largest |a − r| / max(|r|, 1e-6) over every output time and state. */
function maxRelativeDifference(values, reference) {
    let largest = 0;
    for (let i = 0; i < reference.length; i++) {
        largest = Math.max(largest, Math.abs(values[i] - reference[i]) / Math.max(Math.abs(reference[i]), 1e-6));
    }
    return largest;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The first run (JIT cold) and, of the runs after it, the median of the last twenty (JIT warm): wall and CPU time. */
function ours(n, method, options, repeats) {
    const problem = chainProblem(n, T_END);
    const wall = [];
    const cpu = [];
    let solution;
    for (let r = 0; r < repeats; r++) {
        const started = performance.now();
        const cpuStarted = process.cpuUsage();
        try {
            solution = solve(problem, method, { rtol: RTOL, atol: ATOL, outputTimes, keepDenseOutput: false, ...options });
        } catch (error) {
            return { failed: error.message };
        }
        const used = process.cpuUsage(cpuStarted);
        wall.push((performance.now() - started) / 1000);
        cpu.push((used.user + used.system) / 1e6);
    }
    const warm = (xs) => median(xs.length > 1 ? xs.slice(Math.max(1, xs.length - 20)) : xs);
    const { stats } = solution;
    const values = new Float64Array(n * OUTPUTS);
    solution.values.forEach((y, k) => values.set(y, k * n));
    return {
        seconds: warm(wall), cpuSeconds: warm(cpu), firstCpuSeconds: repeats > 1 ? cpu[0] : undefined,
        nfev: stats.rhsEvaluations, njev: stats.jacobianEvaluations, nlu: stats.factorizations, steps: stats.steps, values
    };
}

const format = (x, digits = 3) => (x === undefined ? '' : Number(x.toPrecision(digits)).toString());
const rows = [];
const cvodeNote = compileCvode();
for (const n of sizes.length ? sizes : [12, 120, 1200]) {
    console.error(`n = ${n}: reference (Radau, rtol 1e-10)…`);
    const reference = runJson('python3', ['scipy-runner.py', n, 'Radau', 1e-10, 1e-13, T_END, OUTPUTS, 'sparse']);
    const runs = [
        ['ours rk45', () => (n > 200 ? { failed: 'skipped: explicit on a stiff problem (~400k steps)' } : ours(n, 'rk45', { maxSteps: 2e6 }, 1))],
        ['ours stiff (RODAS4)', () => ours(n, 'stiff', {}, WARM_RUNS)],
        ['ours auto', () => ours(n, 'auto', {}, WARM_RUNS)],
        ['ours stiff, rtol 1e-8', () => ours(n, 'stiff', { rtol: 1e-8, atol: 1e-11 }, WARM_RUNS)],
        ['CVODE BDF + band', () => (cvodeNote ? { failed: cvodeNote } : runJson(join(work, 'cvode-chain'), [n, RTOL, ATOL, T_END, OUTPUTS]))],
        ['SciPy LSODA', () => runJson('python3', ['scipy-runner.py', n, 'LSODA', RTOL, ATOL, T_END, OUTPUTS])],
        ['SciPy BDF', () => runJson('python3', ['scipy-runner.py', n, 'BDF', RTOL, ATOL, T_END, OUTPUTS])]
    ];
    for (const [name, run] of runs) {
        console.error(`n = ${n}: ${name}…`);
        const result = run();
        const difference = result.values && reference.values ? maxRelativeDifference(result.values, reference.values) : undefined;
        const ms = (seconds) => (seconds === undefined ? '' : format(seconds * 1000));
        rows.push([n, name, result.failed ?? ms(result.cpuSeconds), ms(result.firstCpuSeconds), ms(result.seconds), format(result.nfev, 9), format(result.steps, 9),
            format(result.njev, 9), format(result.nlu, 9), format(difference, 2)]);
    }
}

const header = ['states', 'solver', 'CPU ms', 'first run CPU ms', 'wall ms', 'rhs evals', 'steps', 'jac evals', 'LU', 'max rel diff vs Radau 1e-10'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
console.log(`Stiff chain network, rtol ${RTOL}, atol ${ATOL}, ${T_END} min, ${OUTPUTS} output times`);
console.log("Ours: 'first run' has the JIT cold; 'CPU ms' is the median of runs 22–41 (warm, as in an editor re-running a model); rk45 one run.");
console.log("CPU time is the process's own (all threads), robust to a loaded machine; wall time is the same runs'.");
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const row of rows) console.log(line(row));
if (cvodeNote) console.log(cvodeNote);
console.log('rhs evals include those spent on difference-quotient Jacobians (SciPy, CVODE); ours use the analytic Jacobian.');
rmSync(work, { recursive: true, force: true });
