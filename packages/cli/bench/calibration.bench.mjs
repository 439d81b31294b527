/**
 * `npm run bench:calibration`: calibration workloads as a table (docs/performance.md#calibration).
 * Rows: a population of the dopamine example (BENCH_SIZE members, default 1,000; each runs
 * the Baseline scenario's 24 h) on the worker pool with 1 and 2 workers (throughput per added
 * core), and the same population through a local single-node Slurm (test/slurm/slurm-cluster.ts)
 * as a job array of BENCH_SHARDS tasks (default 20), merged, against the pool: the engine's overhead
 * per task. Each row is one function in ROWS: a new workload (a fit) is one more entry.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModelFromFile } from '@neurocascade/language';
import { runSweepPool, sweepResult } from '@neurocascade/simulator';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SIZE = Number(process.env.BENCH_SIZE ?? 1000);
const SHARDS = Number(process.env.BENCH_SHARDS ?? 20);
const bin = path.join(ROOT, 'packages/cli/bin/cascade.js');

const folder = mkdtempSync(path.join(tmpdir(), 'cascade-calibration-bench-'));
const model = path.join(folder, 'dopamine.cascade');
copyFileSync(path.join(ROOT, 'examples/dopamine.cascade'), model);
appendFileSync(model, `
population Bench { from Baseline  vary TH vmax lognormal(cv 30%)  vary DAT vmax lognormal(cv 20%)  vary MAOA vmax lognormal(cv 25%)  size ${SIZE}  seed 1  at 24 h }
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
    [`the same through local Slurm (sbatch --array, 2 CPUs), submit → merged`, slurm]
];

const lines = [];
for (const [label, run] of ROWS) {
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
