// `npm run bench:fit`: a 5-parameter fit to 50 data points (fit-problem.mjs), its profile
// likelihoods and the Fisher check; 5 starts (the model's, then a Latin hypercube).
//   node packages/simulator/bench/fit.bench.mjs
import { fisherInformation, fitModel, profileLikelihood } from '../out/src/index.js';
import { format, table } from './harness.mjs';
import { ir, measurements, TRUTH } from './fit-problem.mjs';

const time = f => { const t0 = performance.now(); const result = f(); return { result, ms: performance.now() - t0 }; };
const fit = time(() => fitModel(ir, 'F', { starts: 5, seed: 1 }));
const profiles = time(() => profileLikelihood(ir, fit.result));
const fisher = time(() => fisherInformation(ir, fit.result));
const [load] = (await import('node:os')).loadavg();
console.log(`${measurements.length} data points, ${fit.result.parameters.length} estimates; load average ${load.toFixed(2)}`);
console.log(table(['step', 'time (ms)', 'detail'], [
    ['fit (5 starts)', format(fit.ms), `χ² ${format(fit.result.chi2)}, ${fit.result.starts.map(s => s.iterations ?? 'failed').join('/')} iterations`],
    ['profiles (5)', format(profiles.ms), `${profiles.result.map(p => p.values.length).join('/')} points; identifiable: ${profiles.result.map(p => p.identifiable ? 'yes' : 'no').join('/')}`],
    ['Fisher check', format(fisher.ms), `rank ${fisher.result.rank}, condition ${format(fisher.result.condition)}`]
]));
console.log(table(['estimate', 'true', 'fitted', '95 % interval'], fit.result.parameters.map((p, j) =>
    [p.label, format(Object.values(TRUTH)[j]), format(p.value), `[${profiles.result[j].interval.map(v => format(v)).join(', ')}]`])));
