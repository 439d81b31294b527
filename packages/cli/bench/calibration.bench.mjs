/**
 * `npm run bench:calibration`: calibration workloads as a table (docs/performance.md#calibration).
 * Rows: a population of the dopamine example (BENCH_SIZE members, default 1,000; each runs
 * the Baseline scenario's 24 h) on the worker pool with 1 and 2 workers (throughput per added
 * core), and the same population through a local single-node Slurm (test/slurm/slurm-cluster.ts)
 * as a job array of BENCH_SHARDS tasks (default 20), merged, against the pool: the engine's overhead
 * per task. Then a 100-point time-course scan of the same model (TH vmax over two decades, DA_ext
 * at 24 h) and an 8-start fit (the 5-parameter, 50-point problem of the simulator's fit bench,
 * its profiles and Fisher check included) with 1 and 2 workers: their runs (points, starts, profile sides) on
 * the pool. Each row is one function in ROWS.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModelFromFile } from '@neurocascade/language';
import { analyseFitOnPool, runSweepPool, sweepResult } from '@neurocascade/simulator';
import { ir as fitProblem } from '../../simulator/bench/fit-problem.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SIZE = Number(process.env.BENCH_SIZE ?? 1000);
const SHARDS = Number(process.env.BENCH_SHARDS ?? 20);
const bin = path.join(ROOT, 'packages/cli/bin/cascade.js');

const folder = mkdtempSync(path.join(tmpdir(), 'cascade-calibration-bench-'));
const model = path.join(folder, 'dopamine.cascade');
copyFileSync(path.join(ROOT, 'examples/dopamine.cascade'), model);
appendFileSync(model, `
population Bench { from Baseline  vary TH vmax lognormal(cv 30%)  vary DAT vmax lognormal(cv 20%)  vary MAOA vmax lognormal(cv 25%)  size ${SIZE}  seed 1  at 24 h }
scan BenchScan { from Baseline  vary TH vmax from 0.3 mM/min to 30 mM/min in 100 steps log  measure DA_ext  at 24 h }
`);
const loaded = await loadModelFromFile(model);
if (!loaded.model) throw new Error(`the benchmark model has errors: ${loaded.diagnostics.map(d => d.message).join('; ')}`);
const ir = loaded.model;
const job = { method: 'population', population: 'Bench' };

const seconds = start => (performance.now() - start) / 1000;
const results = {};

/** CPU seconds of this process, its worker threads included. */
const cpuSeconds = () => { const { user, system } = process.cpuUsage(); return (user + system) / 1e6; };

async function pool(workers) {
    const start = performance.now(), cpu = cpuSeconds();
    const { plan, outcomes } = await runSweepPool(ir, job, { workers });
    const wall = seconds(start), used = cpuSeconds() - cpu;
    const failed = outcomes.filter(o => !o.values).length;
    results[`pool${workers}`] = { wall, used, json: JSON.stringify(sweepResult(plan, outcomes), null, 2) + '\n' };
    return { wall, note: `${failed} failed; ${(SIZE / wall).toFixed(1)} members/s; ${used.toFixed(1)} CPU s (${(used / wall).toFixed(2)} cores busy)` };
}

/** A row with more workers against the same row with one: the speed-up of the wall time and whether the results are the same. */
const versusOne = (one, more) => (one ? `; ${(one.wall / more.wall).toFixed(2)}× the 1-worker speed; ${one.json === more.json ? 'the same JSON' : 'JSON DIFFERS'}` : '');

async function scan(workers) {
    const start = performance.now(), cpu = cpuSeconds();
    const { plan, outcomes } = await runSweepPool(ir, { method: 'scan', scan: 'BenchScan' }, { workers });
    const wall = seconds(start), used = cpuSeconds() - cpu;
    const result = sweepResult(plan, outcomes);
    results[`scan${workers}`] = { wall, used, json: JSON.stringify(result) };
    return { wall, note: `${result.errors.length} failed; ${used.toFixed(1)} CPU s (${(used / wall).toFixed(2)} cores busy)${workers > 1 ? versusOne(results.scan1, results[`scan${workers}`]) : ''}` };
}

async function fit(workers) {
    const start = performance.now(), cpu = cpuSeconds();
    let starts;
    const analysis = await analyseFitOnPool(fitProblem, 'F', { starts: 8, seed: 1, workers, onProgress: p => { if (p >= 0.5) starts ??= seconds(start); } });
    const wall = seconds(start), used = cpuSeconds() - cpu;
    results[`fit${workers}`] = { wall, used, json: JSON.stringify(analysis) };
    return { wall, note: `the 8 starts ${starts.toFixed(1)} s, then the 10 sides of the 5 profiles; ${used.toFixed(1)} CPU s${workers > 1 ? versusOne(results.fit1, results[`fit${workers}`]) : ''}` };
}

async function slurm() {
    const { startSlurm } = await import(path.join(ROOT, 'test/out/slurm/slurm-cluster.js'));
    const cluster = await startSlurm();
    try {
        const cli = args => spawnSync(process.execPath, [bin, ...args], { cwd: folder, env: cluster.env, encoding: 'utf8', timeout: 3_600_000 });
        const start = performance.now();
        const submitted = cli(['sweep', 'submit', model, '--name', 'Bench', '--slurm', '--shards', String(SHARDS), '--out', 'shards']);
        if (submitted.status !== 0) throw new Error(submitted.stderr);
        while (cli(['sweep', 'status', 'shards']).status !== 0) await new Promise(resolve => setTimeout(resolve, 500));
        const merged = cli(['sweep', 'merge', 'shards', '-o', 'merged.json']);
        if (merged.status !== 0) throw new Error(merged.stderr);
        const wall = seconds(start);
        const same = readFileSync(path.join(folder, 'merged.json'), 'utf8') === results.pool2?.json;
        // Two tasks run at once on the two CPUs, so each task's own cost adds half of it to the wall time.
        const overhead = results.pool2 ? (wall - results.pool2.wall) * 2 / SHARDS : Number.NaN;
        return { wall, note: `${SHARDS} tasks, ${overhead.toFixed(2)} s overhead per task against the 2-worker pool; merged ${same ? '=' : '≠'} pool's JSON` };
    } finally {
        await cluster.stop();
    }
}

const ROWS = [
    [`population of ${SIZE} (dopamine, 24 h each), pool, 1 worker`, () => pool(1)],
    [`population of ${SIZE} (dopamine, 24 h each), pool, 2 workers`, () => pool(2)],
    [`the same through local Slurm (sbatch --array, 2 CPUs), submit → merged`, slurm],
    ['scan of 100 points (dopamine, TH vmax, DA_ext at 24 h), pool, 1 worker', () => scan(1)],
    ['scan of 100 points, pool, 2 workers', () => scan(2)],
    ['fit, 5 estimates, 50 points, 8 starts + profiles, pool, 1 worker', () => fit(1)],
    ['fit, 8 starts + profiles, pool, 2 workers', () => fit(2)]
];

const lines = [];
// BENCH_ONLY=scan,fit runs only the rows whose label starts with one of these words.
const only = process.env.BENCH_ONLY?.split(',');
for (const [label, run] of ROWS.filter(([label]) => !only || only.some(word => label.startsWith(word)))) {
    const before = loadavg()[0];
    const { wall, note } = await run();
    lines.push([label, wall.toFixed(1), before.toFixed(1), note]);
}
if (results.pool1 && results.pool2) {
    const perCore = results.pool1.wall / results.pool2.wall - 1;
    lines.push(['throughput added by the 2nd core / the 1st', perCore.toFixed(2), '',
        `CPU s per member, 2 workers / 1: ${(results.pool2.used / results.pool1.used).toFixed(2)}; ${results.pool1.json === results.pool2.json ? '1 and 2 workers: the same JSON' : '1 and 2 workers DIFFER'}`]);
}
const widths = [0, 1, 2, 3].map(i => Math.max(...lines.map(l => l[i].length), ['workload', 'seconds', 'load', 'notes'][i].length));
const row = cells => cells.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
console.log(`${cpus().length} cores; load = 1-minute load average before the row`);
console.log(row(['workload', 'seconds', 'load', 'notes']));
console.log(row(widths.map(w => '─'.repeat(w))));
for (const l of lines) console.log(row(l));
rmSync(folder, { recursive: true, force: true });
