import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cascade, folderWith } from './run-cli.js';

// X' = s − k·X from 0: X(30 min) = (s/k)(1 − e^(−30k)). Y' = r·(a + 3Y²/(1 + Y²) − Y) is bistable for
// a between 0 and ≈ 0.2: its lower branch ends at a fold, where a(Y) = Y − 3Y²/(1 + Y²) is largest.
const MODEL = `
precursor X { supply 1 uM/min clearance 0.1 /min }
parameter a = 0
parameter r = 1 /min
parameter Y = 0
rate of Y = r * (a + 3 * Y^2 / (1 + Y^2) - Y)
scenario Base { simulate 60 min }
scan Course {
    from Base
    vary X supply from 0.1 uM/min to 10 uM/min in 50 steps log
    vary X clearance from 0.05 /min to 0.5 /min in 2 steps
    measure X
    at 30 min
}
scan Switch {
    from Base
    vary a from 0 to 0.3 in 31 steps
    measure Y
    at steady
}
`;

describe('scans as many-run jobs: cascade scan --workers, cascade sweep of a scan', function () {
    this.timeout(120_000);

    it('scan --workers 1 and 2 print the same bytes; the time course is (s/k)(1 − e^(−30k)) at every point', () => {
        const folder = folderWith({ 'model.cascade': MODEL });
        const [one, two] = ['1', '2'].map(workers => cascade(['scan', 'model.cascade', '--name', 'Course', '--workers', workers, '--format', 'json'], folder));
        assert.equal(one.status, 0, one.stderr);
        assert.equal(two.stdout, one.stdout);
        const r = JSON.parse(one.stdout);
        const [supplies, clearances] = r.vary.map((v: { values: number[] }) => v.values);
        supplies.forEach((s: number, i: number) => clearances.forEach((k: number, j: number) => {
            const expected = s / k * (1 - Math.exp(-30 * k));
            assert.ok(Math.abs(r.measures[0].values[i][j] - expected) < 1e-5 * expected, `X at s = ${s}, k = ${k}: ${r.measures[0].values[i][j]} vs ${expected}`);
        }));
        assert.equal(cascade(['scan', 'model.cascade', '--workers', '0'], folder).status, 2);
    });

    it('sweep run × N then merge gives the bytes of scan --format json, for a time-course grid and for a steady scan over a fold', () => {
        const folder = folderWith({ 'model.cascade': MODEL });
        for (const [name, shards] of [['Course', 3], ['Switch', 2]] as const) {
            for (let i = 0; i < shards; i++) {
                const run = cascade(['sweep', 'run', 'model.cascade', '--name', name, '--shard', `${i}/${shards}`, '--out', name], folder);
                assert.equal(run.status, 0, run.stderr);
            }
            const merged = cascade(['sweep', 'merge', name], folder);
            assert.equal(merged.status, 0, merged.stderr);
            assert.equal(merged.stdout, cascade(['scan', 'model.cascade', '--name', name, '--format', 'json'], folder).stdout, name);
        }
        const { folds, vary } = JSON.parse(cascade(['sweep', 'merge', 'Switch'], folder).stdout);
        // The lower branch's fold: a(Y) = Y − 3Y²/(1 + Y²) is largest where 1 = 6Y/(1 + Y²)².
        let lo = 0.01, hi = 0.5;
        for (let k = 0; k < 100; k++) { const mid = (lo + hi) / 2; if (1 - 6 * mid / (1 + mid * mid) ** 2 > 0) lo = mid; else hi = mid; }
        const fold = lo - 3 * lo * lo / (1 + lo * lo);
        assert.equal(folds.length, 1);
        assert.equal(folds[0].sweep, 'up');
        assert.ok(vary[0].values[folds[0].between[0]] <= fold && fold < vary[0].values[folds[0].between[1]], `fold at a = ${fold}: ${JSON.stringify(folds)}`);
    });

    it('the name says the analysis: a scan\'s shards carry --analysis scan to the cluster; a population\'s analysis on a scan is refused', () => {
        const folder = folderWith({ 'model.cascade': MODEL });
        const submit = cascade(['sweep', 'submit', 'model.cascade', '--name', 'Course', '--slurm', '--shards', '4', '--out', 'slurm', '--no-submit'], folder);
        assert.equal(submit.status, 0, submit.stderr);
        const script = readFileSync(path.join(folder, 'slurm', 'sweep.sbatch'), 'utf8');
        assert.match(script, /sweep run \S+model\.cascade --name Course --analysis scan --out \S+slurm --shard "\$SLURM_ARRAY_TASK_ID\/4"\n/);
        const cases: [string[], RegExp][] = [
            [['sweep', 'run', 'model.cascade', '--name', 'Course', '--analysis', 'sobol', '--shard', '0/1', '--out', 'o'], /no population 'Course' \(the file has: none\)/],
            [['sweep', 'run', 'model.cascade', '--name', 'Course', '--starts', '3', '--shard', '0/1', '--out', 'o'], /--starts and --seed belong to a fit/],
            [['sweep', 'submit', 'model.cascade', '--name', 'Switch', '--slurm', '--shards', '3', '--out', 'o', '--no-submit'], /--shards must be a whole number from 1 to 2 \(the job's runs\)/]
        ];
        for (const [args, message] of cases) {
            const run = cascade(args, folder);
            assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
            assert.match(run.stderr, message);
        }
    });
});
