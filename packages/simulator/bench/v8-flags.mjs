// V8 flags against the cold first solve: the stiff network at 10, 100 and 1,000 species solved by
// cold-solve.mjs in fresh processes under each set of node flags, compiled (compileModel) and read
// from a warm disk cache of compiled models, the configurations interleaved process by process so
// that the machine's load falls on all alike. Medians of wall and CPU ms (CPU: all threads of the
// process during that phase), and the warm solve after 20 more solves in the same process (a
// flag that speeds the first solve must not slow a long scan or fit).
//   node packages/simulator/bench/v8-flags.mjs [processes per cell, default 5]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { coldSolves } from './cold-solves.mjs';
import { format, median, table } from './harness.mjs';

const processes = Number(process.argv[2] ?? 5);
// Node 20's V8 (11.3) has no --max-lazy; a quarter of the interrupt budget tiers hot code up four times sooner.
const FLAGS = [
    [],
    ['--interrupt-budget=16896'],
    ['--always-sparkplug'],
    ['--no-lazy-feedback-allocation'],
    ['--maglev'],
    ['--always-sparkplug', '--no-lazy-feedback-allocation']
];
const SIZES = [10, 100, 1000];
const WARM_RUNS = 20;
const folder = mkdtempSync(join(tmpdir(), 'cascade-v8-flags-'));
const load = () => loadavg()[0].toFixed(1);

console.log(`V8 flags and the cold first solve: median of ${processes} fresh processes per cell, interleaved; load average ${load()} at the start`);
const rows = [];
for (const n of SIZES) {
    const samples = FLAGS.map(() => ({ compiled: [], cached: [] }));
    for (let p = 0; p < processes; p++) {
        FLAGS.forEach((nodeFlags, f) => {
            samples[f].compiled.push(coldSolves('stiff', n, 1, { nodeFlags, warmRuns: WARM_RUNS }));
            // One cache folder per configuration: its first process writes it.
            samples[f].cached.push(coldSolves('stiff', n, 1, { nodeFlags, cacheFolder: join(folder, `${n}-${f}`) }));
        });
    }
    FLAGS.forEach((nodeFlags, f) => {
        const of = (kind, field) => format(median(samples[f][kind].map(r => r[field])), 2);
        rows.push([String(n), nodeFlags.join(' ') || '(none)', of('compiled', 'processMs'), of('compiled', 'compileMs'), of('compiled', 'compileCpuMs'),
            of('compiled', 'solveMs'), of('compiled', 'solveCpuMs'), of('cached', 'processMs'), of('cached', 'compileMs'), of('cached', 'solveMs'),
            of('cached', 'solveCpuMs'), of('compiled', 'warmMs')]);
    });
}
console.log(table(['species', 'node flags', 'process ms', 'compile ms', 'compile CPU ms', 'first solve ms', 'first solve CPU ms',
    'cached: process ms', 'cached: read ms', 'cached: first solve ms', 'cached: first solve CPU ms', 'warm solve ms'], rows));
console.log(`load average ${load()} at the end`);
rmSync(folder, { recursive: true, force: true });
