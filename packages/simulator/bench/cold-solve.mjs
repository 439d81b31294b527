// One cold first solve, as the CLI does it: run in a fresh process, it loads the simulator,
// compiles the generated network (compileModel) and solves its first scenario once (auto,
// rtol 1e-6, atol 1e-9). Prints JSON with milliseconds since the process's time origin (its
// start): node's own start-up, then load, compile and solve (and the CPU ms, all threads, of the last two). With a cache folder, the model is
// compiled through the disk cache of compiled models there (CompiledModelCache), as the CLI does:
// read when a process before wrote it ("cache": "read"), else compiled and written after the solve.
// --warm=K: K more solves after the first, their median (the later half) as warmMs.
//   node packages/simulator/bench/cold-solve.mjs <kind> <species> [cache folder] [--warm=K]
import { readdirSync } from 'node:fs';
import { networkModel } from './network-model.mjs';

const [kind, species, cacheFolder] = process.argv.slice(2).filter(a => !a.startsWith('--'));
const warmRuns = Number(process.argv.find(a => a.startsWith('--warm='))?.slice('--warm='.length) ?? 0);
const cacheFiles = () => { try { return readdirSync(cacheFolder).length; } catch { return 0; } };
// The model is built before the clock matters: a user's comes from the parser, not measured here.
const ir = networkModel(Number(species), kind);
const filesBefore = cacheFiles();
const cpuMs = () => { const { user, system } = process.cpuUsage(); return (user + system) / 1000; };
const started = performance.now();
const { compileModel, CompiledModelCache } = await import('../out/src/index.js');
const { integrateTrajectory } = await import('../out/src/run/trajectory.js');
const { firstScenario } = await import('./first-scenario.mjs');
const loaded = performance.now();
const cache = cacheFolder === undefined ? undefined : new CompiledModelCache(cacheFolder);
const cpuLoaded = cpuMs();
const m = cache ? cache.compile(ir) : compileModel(ir);
const compiled = performance.now(), cpuCompiled = cpuMs();
const { scenario, y0, times } = firstScenario(m);
const solveOnce = () => integrateTrajectory(m, y0.slice(), scenario.duration, times, [], { method: 'auto', rtol: 1e-6, atol: 1e-9 }, () => {});
const { stats } = solveOnce();
const solved = performance.now(), cpuSolved = cpuMs();
const warm = Array.from({ length: warmRuns }, () => {
    const start = performance.now();
    solveOnce();
    return performance.now() - start;
}).slice(warmRuns >> 1).sort((a, b) => a - b);
await cache?.settled();
console.log(JSON.stringify({
    cache: cache ? (cacheFiles() > filesBefore ? 'written' : 'read') : 'none',
    startMs: started, loadMs: loaded - started, compileMs: compiled - loaded, solveMs: solved - compiled, totalMs: solved,
    compileCpuMs: cpuCompiled - cpuLoaded, solveCpuMs: cpuSolved - cpuCompiled, warmMs: warm[warm.length >> 1],
    method: stats.method, steps: stats.steps, rhsEvaluations: stats.rhsEvaluations
}));
