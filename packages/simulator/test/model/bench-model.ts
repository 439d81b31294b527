/**
 * Benchmark (not a test): compile time, right-hand-side and Jacobian evaluation cost and a
 * scenario run on generated synthesis chains of 10, 100 and 1,000 species.
 * Run: node packages/simulator/out/test/model/bench-model.js
 */
import { compileModel } from '../../src/model/compiled-model.js';
import { simulateScenario } from '../../src/run/simulate.js';
import { chainModel } from './helpers/chain-model.js';

/** Best of `rounds` averages over `repeat` calls, in ms: warm-up and other load excluded as far as possible. */
function time(f: () => void, repeat = 1, rounds = 5): number {
    let best = Infinity;
    for (let r = 0; r < rounds; r++) {
        const start = performance.now();
        for (let k = 0; k < repeat; k++) f();
        best = Math.min(best, (performance.now() - start) / repeat);
    }
    return best;
}

const header = ['species', 'compile ms', 'rhs µs', 'jacobian µs', 'nnz', 'first run ms', 'run ms', 'steps', 'rhs evals'];
const rows: string[][] = [header];
for (const n of [10, 100, 1000]) {
    const ir = chainModel(n);
    let m = compileModel(ir);
    const compileMs = time(() => { m = compileModel(ir); }, 1, n < 1000 ? 10 : 4);
    const y = new Float64Array(m.stateNames.length).fill(1), f = new Float64Array(y.length);
    const values = new Float64Array(m.jacobian.pattern.colIndex.length);
    const calls = Math.max(20, 200_000 / n);
    const run = () => simulateScenario(m, 'Day', { rtol: 1e-6, atol: 1e-9 });
    let result = run();
    const firstMs = result.stats.wallMs;
    const rhsUs = 1000 * time(() => m.rhs(0, y, f), calls);
    const jacUs = 1000 * time(() => m.jacobian.evaluate(0, y, values), calls);
    const runMs = time(() => { result = run(); }, 1, 3);
    rows.push([n, compileMs, rhsUs, jacUs, values.length, firstMs, runMs, result.stats.steps, result.stats.rhsEvaluations]
        .map(v => (Number.isInteger(v) ? String(v) : v.toFixed(2))));
}
const widths = header.map((_, c) => Math.max(...rows.map(r => r[c].length)));
for (const r of rows) console.log(r.map((v, c) => v.padStart(widths[c])).join('  '));
