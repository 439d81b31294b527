// One cold first solve, as the CLI does it: run in a fresh process, it loads the simulator,
// compiles the generated network (compileModel) and solves its first scenario once (auto,
// rtol 1e-6, atol 1e-9). Prints JSON with milliseconds since the process's time origin (its
// start): node's own start-up, then load, compile and solve.
//   node packages/simulator/bench/cold-solve.mjs <kind> <species>
import { networkModel } from './network-model.mjs';

const [kind, species] = process.argv.slice(2);
// The model is built before the clock matters: a user's comes from the parser, not measured here.
const ir = networkModel(Number(species), kind);
const started = performance.now();
const { compileModel } = await import('../out/src/index.js');
const { integrateTrajectory } = await import('../out/src/run/trajectory.js');
const { firstScenario } = await import('./first-scenario.mjs');
const loaded = performance.now();
const m = compileModel(ir);
const compiled = performance.now();
const { scenario, y0, times } = firstScenario(m);
const { stats } = integrateTrajectory(m, y0, scenario.duration, times, [], { method: 'auto', rtol: 1e-6, atol: 1e-9 }, () => {});
const solved = performance.now();
console.log(JSON.stringify({
    startMs: started, loadMs: loaded - started, compileMs: compiled - loaded, solveMs: solved - compiled, totalMs: solved,
    method: stats.method, steps: stats.steps, rhsEvaluations: stats.rhsEvaluations
}));
