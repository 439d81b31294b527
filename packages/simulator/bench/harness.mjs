// What the solver benchmarks share: running SciPy and CVODE as child processes that print
// JSON, timing our own runs cold and warm, comparing to a reference, and printing a table.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** A scratch folder holding the SciPy runner; generated modules and drivers go next to it. */
export function workFolder() {
    const work = mkdtempSync(join(tmpdir(), 'neurocascade-bench-'));
    copyFileSync(join(here, 'scipy-runner.py'), join(work, 'scipy-runner.py'));
    return work;
}

/** Runs a command printing one JSON object; a timeout or a crash becomes `{ failed }`. */
export function runJson(work, command, args, timeoutSeconds) {
    const result = spawnSync(command, args.map(String), { cwd: work, encoding: 'utf8', maxBuffer: 1 << 30, timeout: timeoutSeconds * 1000 });
    if (result.error?.code === 'ETIMEDOUT' || result.signal) return { failed: `timed out after ${timeoutSeconds} s` };
    if (result.status !== 0 && !result.stdout) return { failed: (result.stderr || String(result.error)).trim().split('\n').pop() };
    const parsed = JSON.parse(result.stdout);
    return parsed.status < 0 ? { ...parsed, failed: `failed: ${parsed.message ?? `status ${parsed.status}`}` } : parsed;
}

/**
 * SciPy's solve_ivp on the module `<name>.py` in `work`; `jacobian` is 'none', 'sparsity' or
 * 'analytic' (see scipy-runner.py).
 */
export function runScipy(work, name, method, { rtol, atol, jacobian = 'none', repeats = 1, timeoutSeconds }) {
    return runJson(work, 'python3', ['scipy-runner.py', name, method, rtol, atol, jacobian, repeats], timeoutSeconds);
}

/** Compiles cvode-driver.c against `header` (copied to problem.h) into `work/<name>`; returns an error note or undefined. */
export function compileCvode(work, header, name) {
    const folder = mkdtempSync(join(work, `${name}-`));
    copyFileSync(header, join(folder, 'problem.h'));
    const result = spawnSync('gcc', ['-O2', '-I', folder, '-I', '/usr/include/suitesparse', '-o', join(work, name), join(here, 'cvode-driver.c'),
        '-lsundials_cvode', '-lsundials_nvecserial', '-lsundials_sunmatrixband', '-lsundials_sunlinsolband',
        '-lsundials_sunmatrixsparse', '-lsundials_sunlinsolklu', '-lklu', '-lm'], { encoding: 'utf8' });
    if (result.status === 0) return undefined;
    const reason = result.stderr.split('\n').find(l => l.includes('error')) ?? 'gcc failed';
    return `CVODE skipped: ${reason.trim()} (apt-get install -y gcc libsundials-dev)`;
}

/** CVODE with the driver compiled by `compileCvode`. */
export function runCvode(work, name, { rtol, atol, repeats = 1, timeoutSeconds }) {
    return runJson(work, join(work, name), [rtol, atol, repeats], timeoutSeconds);
}

/** Largest |a − r| / max(|r|, floor) over every output time and component. */
export function maxRelativeDifference(values, reference, floor) {
    if (values.length !== reference.length) return Infinity;
    let largest = 0;
    for (let i = 0; i < reference.length; i++) {
        largest = Math.max(largest, Math.abs(values[i] - reference[i]) / Math.max(Math.abs(reference[i]), floor));
    }
    return largest;
}

export const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Times `run` cold (its first call) and warm: after the first, calls go on until `maxRuns`
 * or `budgetSeconds` of wall time; warm is the median over the second half of those calls
 * (V8 has optimised the code by then). Wall and process CPU time (all threads), in seconds.
 */
export function timeRuns(run, { maxRuns, budgetSeconds }) {
    const wall = [], cpu = [];
    let result;
    const started = performance.now();
    do {
        const wallStarted = performance.now(), cpuStarted = process.cpuUsage();
        result = run();
        const used = process.cpuUsage(cpuStarted);
        wall.push((performance.now() - wallStarted) / 1000);
        cpu.push((used.user + used.system) / 1e6);
    } while (wall.length < maxRuns && (performance.now() - started) / 1000 < budgetSeconds);
    const warm = xs => median(xs.length > 1 ? xs.slice(1 + Math.floor((xs.length - 1) / 2)) : xs);
    return { result, runs: wall.length, seconds: warm(wall), cpuSeconds: warm(cpu), firstSeconds: wall[0], firstCpuSeconds: cpu[0] };
}

/** x to `digits` significant digits ('' for undefined). */
export const format = (x, digits = 3) => (x === undefined || x === null ? '' : Number(x.toPrecision(digits)).toString());

/** Milliseconds from seconds. */
export const ms = seconds => (seconds === undefined ? '' : format(seconds * 1000));

/** A Markdown table. */
export function table(header, rows) {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => String(r[i]).length)));
    const line = cells => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
    return [line(header), line(widths.map(w => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
