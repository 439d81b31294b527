// Cold first solves: cold-solve.mjs in fresh processes, and CVODE's driver in fresh processes
// on the same network, each timed from spawn to exit.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, runCvode } from './harness.mjs';

const script = join(dirname(fileURLToPath(import.meta.url)), 'cold-solve.mjs');

const timed = run => {
    const started = performance.now();
    const result = run();
    return { ...result, processMs: performance.now() - started };
};

/**
 * Medians over `processes` fresh node processes of cold-solve.mjs (run with `nodeFlags`): process
 * wall and its phases, in ms. With `cacheFolder`, through the disk cache there, warmed by one
 * process first (a user's second run of the same model): every measured process must read the
 * model from it. With `warmRuns`, each process solves that many times more (warmMs).
 */
export function coldSolves(kind, species, processes, { cacheFolder, nodeFlags = [], warmRuns = 0 } = {}) {
    const solve = () => {
        const args = [...nodeFlags, script, kind, String(species), ...(cacheFolder ? [cacheFolder] : []), ...(warmRuns ? [`--warm=${warmRuns}`] : [])];
        const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
        if (child.status !== 0) throw new Error(`cold solve of the ${kind} network of ${species} species failed: ${child.stderr.trim().split('\n').pop()}`);
        return JSON.parse(child.stdout);
    };
    if (cacheFolder) solve();
    const runs = Array.from({ length: processes }, () => timed(solve));
    if (cacheFolder && runs.some(r => r.cache !== 'read')) throw new Error(`the ${species}-species network was not read from the disk cache in every process`);
    const fields = ['processMs', 'startMs', 'loadMs', 'compileMs', 'solveMs', 'totalMs', 'compileCpuMs', 'solveCpuMs', 'warmMs'];
    return { ...Object.fromEntries(fields.map(f => [f, median(runs.map(r => r[f]))])), method: runs[0].method, steps: runs[0].steps };
}

/** Medians over `processes` fresh processes of the CVODE driver (one solve each): process wall and its solve, in ms. */
export function coldCvode(work, name, tolerances, processes) {
    const runs = Array.from({ length: processes }, () => timed(() => runCvode(work, name, { ...tolerances, repeats: 1, timeoutSeconds: 120 })));
    const failed = runs.find(r => r.failed);
    if (failed) return { failed: failed.failed };
    return { processMs: median(runs.map(r => r.processMs)), solveMs: median(runs.map(r => r.firstSeconds * 1000)) };
}
