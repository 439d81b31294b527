import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cascade, folderWith } from './run-cli.js';

/** Standard normal numbers from a seeded linear congruential generator (Box–Muller): the noise is the same every run. */
function gaussian(seed: number): () => number {
    let s = seed >>> 0;
    const uniform = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

// Occupancy at steady state is analytic: L^n/(Kd^n + L^n). The model is written with Kd 50 nM and
// n 1; the data come from Kd 12 nM and n 1.4 with 5 % noise.
const LEVELS_NM = [1, 3, 10, 30, 100, 300];
const scenarios = LEVELS_NM.map((level, k) => `scenario L${k} { simulate 10 min  set Ligand ${level} nM }`).join('\n');
const MODEL = `model Binding
transmitter Ligand { initial 10 nM  fixed }
receptor D2 { binds Ligand  kd 50 nM  hill 1 }
${scenarios}
data Occupancy from "occupancy.csv"
fit Binding {
    data Occupancy
    estimate D2 kd in [0.1 nM, 1 uM] log
    estimate D2 hill in [0.3, 4]
}
`;

function occupancyCsv(): string {
    const noise = gaussian(5);
    const rows = LEVELS_NM.map((level, k) => {
        const occupancy = level ** 1.4 / (12 ** 1.4 + level ** 1.4);
        return `L${k},D2.occupancy,steady,${occupancy * (1 + 0.05 * noise())},,${0.05 * occupancy}`;
    });
    return ['scenario,quantity,time,value,unit,sd', ...rows].join('\n') + '\n';
}

describe('cascade fit', function () {
    this.timeout(120_000);

    it('--format json: the issue\'s shape; Kd and n recovered from 5 % noise within their 95 % profile intervals', () => {
        const folder = folderWith({ 'model.cascade': MODEL, 'occupancy.csv': occupancyCsv() });
        const run = cascade(['fit', 'model.cascade', '--format', 'json', '--starts', '3'], folder);
        assert.equal(run.status, 0, run.stderr);
        const r = JSON.parse(run.stdout);
        assert.equal(r.fit, 'Binding');
        for (const key of ['objective', 'aic', 'bic', 'chi2']) assert.equal(typeof r[key], 'number', key);
        assert.deepEqual(r.parameters.map((p: { name: string; property: string; unit: string }) => [p.name, p.property, p.unit]), [['D2', 'kd', 'uM'], ['D2', 'hill', '1']]);
        const truth = [0.012, 1.4];
        r.parameters.forEach((p: { value: number; interval: [number, number]; identifiable: boolean }, j: number) => {
            assert.ok(p.identifiable);
            assert.ok(p.interval[0] <= truth[j] && truth[j] <= p.interval[1], `${truth[j]} within [${p.interval}]`);
            assert.ok(p.interval[0] < p.value && p.value < p.interval[1]);
        });
        assert.equal(r.residuals.length, 6);
        const [first] = r.residuals;
        assert.deepEqual(Object.keys(first).slice(0, 5), ['scenario', 'quantity', 'time', 'value', 'fitted']);
        assert.deepEqual([first.scenario, first.quantity, first.time], ['L0', 'D2.occupancy', 'steady']);
        // The fitted occupancy is the analytic one at the fitted Kd and n.
        const [kd, n] = r.parameters.map((p: { value: number }) => p.value);
        r.residuals.forEach((x: { fitted: number }, k: number) => {
            const level = LEVELS_NM[k] / 1000;
            assert.ok(Math.abs(x.fitted - level ** n / (kd ** n + level ** n)) < 1e-8);
        });
    });

    it('--workers 1 and 2, and sweep run × N then merge, print the same JSON; a merge after the model changed is refused', () => {
        const folder = folderWith({ 'model.cascade': MODEL, 'occupancy.csv': occupancyCsv() });
        const [one, two] = ['1', '2'].map(workers => cascade(['fit', 'model.cascade', '--format', 'json', '--starts', '4', '--seed', '2', '--workers', workers], folder));
        assert.equal(one.status, 0, one.stderr);
        assert.equal(two.stdout, one.stdout);
        assert.equal(JSON.parse(one.stdout).starts.length, 4);
        for (const i of [0, 1, 2]) {
            const run = cascade(['sweep', 'run', 'model.cascade', '--name', 'Binding', '--starts', '4', '--seed', '2', '--shard', `${i}/3`, '--out', 'shards'], folder);
            assert.equal(run.status, 0, run.stderr);
        }
        const merged = cascade(['sweep', 'merge', 'shards'], folder);
        assert.equal(merged.status, 0, merged.stderr);
        assert.equal(merged.stdout, one.stdout);
        writeFileSync(path.join(folder, 'model.cascade'), MODEL.replace('hill 1 }', 'hill 1.1 }'));
        const changed = cascade(['sweep', 'merge', 'shards'], folder);
        assert.equal(changed.status, 2);
        assert.match(changed.stderr, /model\.cascade has changed since shards of job [0-9a-f]{16} ran/);
    });

    it('table output; an unknown fit is a usage error; a model whose data file is broken is refused with the CSV line', () => {
        const folder = folderWith({ 'model.cascade': MODEL, 'occupancy.csv': occupancyCsv() });
        const table = cascade(['fit', 'model.cascade', '--format', 'table', '--starts', '1'], folder);
        assert.equal(table.status, 0, table.stderr);
        assert.match(table.stdout, /Fit Binding: χ² .* over 6 measurements/);
        assert.match(table.stdout, /D2\.kd\s+\S+\s+nM\s+\[/);
        assert.match(table.stdout, /Fisher information: rank 2 of 2/);
        const missing = cascade(['fit', 'model.cascade', '--name', 'Nope'], folder);
        assert.equal(missing.status, 2);
        assert.match(missing.stderr, /no fit 'Nope' \(the file has: Binding\)/);
        const broken = folderWith({ 'model.cascade': MODEL, 'occupancy.csv': 'scenario,quantity,time,value,unit,sd\nL0,D2.occupancy,steady,abc,,0.1\n' });
        const refused = cascade(['fit', 'model.cascade'], broken);
        assert.equal(refused.status, 2);
        assert.match(refused.stderr, /occupancy\.csv: line 2, column 24: the value 'abc' is not a number/);
    });

    it('--write puts the fitted values into the model, in the units written; the next fit starts there', () => {
        const folder = folderWith({ 'model.cascade': MODEL, 'occupancy.csv': occupancyCsv() });
        const run = cascade(['fit', 'model.cascade', '--format', 'json', '--starts', '2', '--write'], folder);
        assert.equal(run.status, 0, run.stderr);
        const [kd, n] = JSON.parse(run.stdout).parameters.map((p: { value: number }) => p.value);
        const text = readFileSync(path.join(folder, 'model.cascade'), 'utf8');
        const written = /receptor D2 \{ binds Ligand {2}kd (\S+) nM {2}hill (\S+) \}/.exec(text);
        assert.ok(written, text);
        assert.ok(Math.abs(Number(written[1]) / (kd * 1000) - 1) < 1e-3 && Math.abs(Number(written[2]) / n - 1) < 1e-3, `${written[0]} for ${kd} uM, ${n}`);
        assert.match(run.stderr, /model\.cascade:3: D2\.kd = \S+ nM/);
        assert.equal(text.replace(written[0], ''), MODEL.replace('receptor D2 { binds Ligand  kd 50 nM  hill 1 }', ''));
        const again = cascade(['fit', 'model.cascade', '--format', 'json', '--starts', '1'], folder);
        const next = JSON.parse(again.stdout);
        assert.deepEqual(next.starts[0].from, [Number(written[1]) / 1000, Number(written[2])]);
    });

    it('fits a time course across doses: a clearance recovered from a dosed scenario with 5 % noise, within its profile interval', () => {
        // Bolus doses of 10 uM at 0, 60 and 120 min, first-order elimination: D(t) = Σ 10·e^(−k(t − tᵢ)) over the doses before t.
        const doses = [0, 60, 120];
        const level = (k: number, t: number) => doses.filter(d => d <= t).reduce((sum, d) => sum + 10 * Math.exp(-k * (t - d)), 0);
        const times = [10, 30, 50, 70, 90, 110, 130, 150, 170];
        const noise = gaussian(17);
        const rows = times.map(t => `Dosed,Drug,${t} min,${level(0.02, t) * (1 + 0.05 * noise())},uM,${0.05 * level(0.02, t)}`);
        const model = `model Dosing
precursor Drug { initial 0 uM  clearance 0.05 /min }
scenario Dosed { simulate 180 min  every 60 min times 3 dose Drug 10 uM }
data Levels from "levels.csv"
fit Elimination {
    data Levels
    estimate Drug clearance in [0.001 /min, 1 /min] log
}
`;
        const folder = folderWith({ 'model.cascade': model, 'levels.csv': ['scenario,quantity,time,value,unit,sd', ...rows].join('\n') + '\n' });
        const run = cascade(['fit', 'model.cascade', '--format', 'json', '--starts', '2'], folder);
        assert.equal(run.status, 0, run.stderr);
        const r = JSON.parse(run.stdout);
        const [clearance] = r.parameters;
        assert.ok(clearance.identifiable);
        assert.ok(clearance.interval[0] <= 0.02 && 0.02 <= clearance.interval[1], `0.02 /min within [${clearance.interval}]`);
        // The fitted values are the superposed doses' analytic levels at the fitted clearance.
        r.residuals.forEach((x: { time: number; fitted: number }) => assert.ok(Math.abs(x.fitted - level(clearance.value, x.time)) < 1e-4 * level(clearance.value, x.time), `at ${x.time} min`));
    });
});
