import assert from 'node:assert/strict';
import { fitHill } from '../../src/analysis/hill-fit.js';
import { runDeclaredScan, runScan, scanResult, scanValues } from '../../src/analysis/parameter-scan.js';
import { runSweep, runSweepPool, shardRange } from '../../src/analysis/population/sweep-run.js';
import type { ModelIR, Scan } from '../../src/ir.js';
import { compileModel } from '../../src/model/compiled-model.js';
import { model, observe } from '../model/helpers/ir-builder.js';
import { close } from '../model/helpers/numeric.js';

/** The lower fold of X' = a + 3X²/(1 + X²) − X: a(X) = X − 3X²/(1 + X²) has its maximum where 1 = 6X/(1 + X²)². */
function lowerFold(): number {
    let lo = 0.01, hi = 0.5;
    for (let k = 0; k < 100; k++) { const mid = (lo + hi) / 2; if (1 - 6 * mid / (1 + mid * mid) ** 2 > 0) lo = mid; else hi = mid; }
    return lo - 3 * lo * lo / (1 + lo * lo);
}

const withScan = (ir: ModelIR, scan: Scan): ModelIR => ({ ...ir, scans: [scan] });

describe('parameter scans', () => {
    it('grid values: linear and log spacing; a log scan from 0 is refused', () => {
        assert.deepEqual(scanValues(0, 40, 5, false), [0, 10, 20, 30, 40]);
        scanValues(0.1, 10, 3, true).forEach((v, k) => close(v, [0.1, 1, 10][k], 1e-12));
        assert.throws(() => scanValues(0, 40, 25, true), /log scan needs values above 0/);
    });

    it('dose–response of receptor occupancy: the Hill fit returns Kd, the Hill coefficient and Emax = 1', () => {
        const kd = 2, hill = 1.5;
        const ir = model().species('L', { initial: 1, fixed: true }).species('X', { supply: 1, clearance: 1 })
            .receptor('R', 'L', { kd, hill }).scenario('Base', 1).build();
        const result = runScan({
            model: compileModel(ir), name: 'Dose', from: 'Base', at: 'steady',
            vary: [{ target: 'L', property: 'initial', values: scanValues(0.05, 50, 25, true) }],
            measure: [observe('R.occupancy', '1')]
        });
        assert.deepEqual(result.errors, []);
        const values = result.measures[0].values as number[];
        result.vary[0].values.forEach((l, k) => close(values[k], l ** hill / (kd ** hill + l ** hill), 1e-9));
        const fit = result.measures[0].hill!;
        close(fit.ec50, kd, 1e-6);
        close(fit.n, hill, 1e-6);
        close(fit.emax, 1, 1e-6);
        close(fit.base, 0, 0, 1e-7);
        assert.deepEqual(result.folds, []);
    });

    it('an inhibition fits a negative Emax (IC50)', () => {
        const x = scanValues(0.01, 100, 30, true);
        const fit = fitHill(x, x.map(v => 5 - 4 * v / (3 + v)))!;
        close(fit.ec50, 3, 1e-6);
        close(fit.emax, -4, 1e-6);
        close(fit.n, 1, 1e-6);
    });

    it('bistability: the upward sweep jumps where X\' = a + 3X²/(1 + X²) − X loses its lower branch (a fold)', () => {
        const ir = model().parameter('a', 0).parameter('X', 0)
            .rateRule('X', 'a + 3 * X^2 / (1 + X^2) - X').scenario('Base', 1).build();
        const values = scanValues(0, 0.3, 31, false);
        const result = runScan({
            model: compileModel(ir), name: 'Switch', from: 'Base', at: 'steady',
            vary: [{ target: 'a', property: 'value', values }], measure: [observe('X', '1')]
        });
        assert.equal(result.folds.length, 1);
        const [fold] = result.folds;
        const aFold = lowerFold();
        assert.equal(fold.sweep, 'up');
        assert.ok(values[fold.between[0]] <= aFold && aFold < values[fold.between[1]], `fold at a = ${aFold} between ${values[fold.between[0]]} and ${values[fold.between[1]]}`);
        const x = result.measures[0].values as number[];
        assert.ok(x[0] < 0.01 && x[30] > 2.5, `low branch ${x[0]}, high branch ${x[30]}`);
    });

    it('2-D: values[i][j] belongs to the i-th value of the first axis and the j-th of the second; at a time T', () => {
        const ir = model().species('X', { supply: 1, clearance: 0.5 }).scenario('Base', 1).build();
        const s = [1, 2], k = [0.5, 1, 2];
        const result = runScan({
            model: compileModel(ir), name: 'Grid', from: 'Base', at: 3,
            vary: [{ target: 'X', property: 'supply', values: s }, { target: 'X', property: 'clearance', values: k }],
            measure: [observe('X')]
        });
        assert.deepEqual(result.at, { value: 3, unit: 'min' });
        const grid = result.measures[0].values as number[][];
        s.forEach((si, i) => k.forEach((kj, j) => close(grid[i][j], si / kj * (1 - Math.exp(-kj * 3)), 1e-5)));
        assert.equal(result.measures[0].hill, undefined);
    });

    it('a point without a steady state is reported on its own; the others return', () => {
        const ir = model().species('X', { supply: 1, clearance: 0.5 }).scenario('Base', 1).build();
        const result = runScan({
            model: compileModel(ir), name: 'Off', from: 'Base', at: 'steady',
            vary: [{ target: 'X', property: 'clearance', values: [0, 0.5, 1] }], measure: [observe('X')]
        });
        assert.deepEqual((result.measures[0].values as (number | null)[]).map(v => v === null ? null : +v.toFixed(9)), [null, 2, 1]);
        assert.equal(result.errors.length, 1);
        assert.deepEqual(result.errors[0].at, [0]);
        assert.match(result.errors[0].message, /no steady state: X grows without bound/);
    });

    it('a scan is runs by index: the pool with 1 or 2 workers and any shards give the thread\'s result; a steady 1-D scan still finds its fold', async function () {
        this.timeout(60_000);
        const bistable = withScan(model().parameter('a', 0).parameter('X', 0).rateRule('X', 'a + 3 * X^2 / (1 + X^2) - X').scenario('Base', 1).build(), {
            name: 'Switch', from: 'Base', at: 'steady', measure: [observe('X', '1')], vary: [{ target: 'a', property: 'value', from: 0, to: 0.3, count: 31, log: false }]
        });
        const s = { target: 'X', property: 'supply', from: 1, to: 2, count: 2, log: false };
        const k = { target: 'X', property: 'clearance', from: 0.5, to: 2, count: 7, log: false };
        const chain = model().species('X', { supply: 1, clearance: 0.5 }).scenario('Base', 1).build();
        const timed = withScan(chain, { name: 'Grid', from: 'Base', at: 3, measure: [observe('X')], vary: [s, k] });
        const steady = withScan(chain, { name: 'Grid', from: 'Base', at: 'steady', measure: [observe('X')], vary: [s, k] });
        // What one run is: the two sweeps of a 1-D steady scan, a continued row of a 2-D one, a point at a time.
        for (const [ir, unit, runs] of [[bistable, 'sweep', 2], [steady, 'row', 2], [timed, 'point', 14]] as const) {
            const job = { method: 'scan', scan: ir.scans![0].name } as const;
            const inThread = JSON.stringify(runDeclaredScan(ir));
            const one = await runSweepPool(ir, job, { workers: 1 }), two = await runSweepPool(ir, job, { workers: 2 });
            assert.deepEqual([one.plan.unit, one.plan.runs], [unit, runs]);
            assert.equal(JSON.stringify(scanResult(one.plan, one.outcomes)), inThread, `${unit}: 1 worker`);
            assert.equal(JSON.stringify(scanResult(two.plan, two.outcomes)), inThread, `${unit}: 2 workers`);
            const shards = [0, 1, 2].flatMap(i => runSweep(ir, job, { indices: shardRange(runs, i, 3) }).outcomes);
            assert.equal(JSON.stringify(scanResult(one.plan, shards)), inThread, `${unit}: 3 shards`);
        }
        const pooled = await runSweepPool(bistable, { method: 'scan', scan: 'Switch' }, { workers: 2 });
        const switched = scanResult(pooled.plan, pooled.outcomes);
        const grid = scanValues(0, 0.3, 31, false);
        assert.equal(switched.folds.length, 1);
        assert.equal(switched.folds[0].sweep, 'up');
        assert.ok(grid[switched.folds[0].between[0]] <= lowerFold() && lowerFold() < grid[switched.folds[0].between[1]]);
        const [timedResult, steadyResult] = [timed, steady].map(ir => runDeclaredScan(ir).measures[0].values as number[][]);
        scanValues(1, 2, 2, false).forEach((si, i) => scanValues(0.5, 2, 7, false).forEach((kj, j) => {
            close(timedResult[i][j], si / kj * (1 - Math.exp(-kj * 3)), 1e-5);
            close(steadyResult[i][j], si / kj, 1e-6);
        }));
    });
});
