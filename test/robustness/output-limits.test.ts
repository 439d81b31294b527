import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadModelFromText } from '@neurocascade/language';
import { simulateScenario } from '@neurocascade/simulator';
import { cascade } from './cli.js';

async function modelOf(text: string) {
    const loaded = await loadModelFromText(text);
    assert.ok(loaded.model, JSON.stringify(loaded.diagnostics));
    return loaded.model;
}

describe('output limits', function () {
    this.timeout(180_000);

    it('refuses 40 series × 1,000,000 points before simulating (it ran 114 s to 2.8 GB, then failed)', () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'cascade-limits-'));
        try {
            const species = Array.from({ length: 40 }, (_, i) => `precursor S${i} { initial 1 uM  clearance 0.1 /min }`).join('\n');
            writeFileSync(path.join(folder, 'wide.cascade'), `${species}\nscenario Long {\n    simulate 1000 min step 0.001 min\n}\n`);
            const started = performance.now();
            const run = cascade(['simulate', 'wide.cascade', '--out', 'wide.csv'], folder);
            assert.ok(performance.now() - started < 20_000, 'refused at once');
            assert.notEqual(run.status, 0);
            assert.match(run.stderr, /40 series × 1000001 output points are more than 10,000,000 values: use a larger step or observe fewer series/);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });

    it('finds the sample times of each event interval by search: 3,000 timed doses cost little more than none', async () => {
        const base = 'precursor A { initial 1 uM  clearance 0.1 /min }\n';
        const doses = Array.from({ length: 3000 }, (_, i) => `    at ${(0.1 * (i + 1)).toFixed(1)} min set A 1 uM`).join('\n');
        const plain = await modelOf(`${base}scenario S {\n    simulate 400 min step 0.001 min\n}\n`);
        const dosed = await modelOf(`${base}scenario S {\n    simulate 400 min step 0.001 min\n${doses}\n}\n`);
        const timed = (model: typeof plain) => {
            const started = performance.now();
            const result = simulateScenario(model);
            return { ms: performance.now() - started, result };
        };
        const without = timed(plain);
        const withDoses = timed(dosed);
        assert.equal(withDoses.result.time.length, 400_001);
        // Each dose resets A to 1 µM: just before the next it has decayed for 0.1 min, exp(-0.01).
        const k = withDoses.result.time.indexOf(150.099);
        assert.ok(Math.abs(withDoses.result.series[0].values[k] - Math.exp(-0.1 * 0.099)) < 1e-5);
        // A filter per interval made this 3,000 × 400,000 comparisons (8.6 times the undosed run for 1 M points).
        assert.ok(withDoses.ms < 4 * without.ms + 2000, `${withDoses.ms.toFixed(0)} ms with doses, ${without.ms.toFixed(0)} ms without`);
    });

    it('streams a CSV and a JSON result to --out with the same values as the run', () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'cascade-limits-'));
        try {
            writeFileSync(path.join(folder, 'm.cascade'), 'precursor A { initial 2 uM  clearance 0.5 /min }\nscenario S {\n    simulate 200 min step 0.001 min\n}\n');
            assert.equal(cascade(['simulate', 'm.cascade', '--out', 'm.csv'], folder).status, 0);
            assert.equal(cascade(['simulate', 'm.cascade', '--format', 'json', '--out', 'm.json'], folder).status, 0);
            const rows = readFileSync(path.join(folder, 'm.csv'), 'utf8').trimEnd().split('\n');
            assert.equal(rows.length, 200_002);
            const json = JSON.parse(readFileSync(path.join(folder, 'm.json'), 'utf8')) as { time: number[]; series: { values: number[] }[] };
            assert.equal(json.time.length, 200_001);
            // A(t) = 2·exp(-0.5 t), the analytic solution, at t = 3 min in both files.
            const [t, a] = rows[3001].split(',').map(Number);
            assert.equal(t, 3);
            assert.ok(Math.abs(a - 2 * Math.exp(-1.5)) < 1e-5);
            assert.equal(json.series[0].values[3000], a);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });
});
