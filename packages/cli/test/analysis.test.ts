import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cascade, folderWith } from './run-cli.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

// A* = Km·s/(V − s) = 5·1/(3 − 1) = 2.5 uM, B* = s/k = 10 uM.
const CHAIN = `model Chain
precursor A { supply 1 uM/min }
metabolite B { clearance 0.1 /min }
enzyme E { converts A -> B  vmax 3 uM/min  km 5 uM }
scenario Base {
    simulate 60 min
}
`;

const close = (a: number, b: number, tol: number, what: string) => assert.ok(Math.abs(a - b) <= tol * Math.abs(b) + 1e-12, `${what}: ${a} vs ${b}`);

describe('cascade sensitivity, mca and steady stability', () => {
    it('sensitivity --format json: the issue\'s shape, scaled coefficients in closed form', () => {
        const folder = folderWith({ 'model.cascade': CHAIN });
        const run = cascade(['sensitivity', 'model.cascade', '--of', 'A,B,E.rate', '--wrt', 'E.vmax,E.km,A.supply', '--format', 'json'], folder);
        assert.equal(run.status, 0, run.stderr);
        const r = JSON.parse(run.stdout);
        assert.equal(r.scenario, 'Base');
        assert.deepEqual(r.parameters.map((p: { name: string; property: string; unit: string }) => [p.name, p.property, p.unit]),
            [['E', 'vmax', 'uM/min'], ['E', 'km', 'uM'], ['A', 'supply', 'uM/min']]);
        assert.deepEqual(r.quantities.map((q: { name: string; unit: string }) => [q.name, q.unit]), [['A', 'uM'], ['B', 'uM'], ['E.rate', 'uM/min']]);
        close(r.quantities[0].value, 2.5, 1e-9, 'A');
        // ln A = ln Km + ln s − ln(V − s): ∂/∂ln V = −V/(V − s), ∂/∂ln Km = 1, ∂/∂ln s = 1 + s/(V − s)
        close(r.coefficients[0][0], -1.5, 1e-9, 'A/vmax');
        close(r.coefficients[0][1], 1, 1e-9, 'A/km');
        close(r.coefficients[0][2], 1.5, 1e-9, 'A/supply');
        close(r.coefficients[1][2], 1, 1e-9, 'B/supply');
        assert.equal(r.coefficients[2][0], 0);
    });

    it('sensitivity --format csv and table; unknown names are errors', () => {
        const folder = folderWith({ 'model.cascade': CHAIN });
        const csv = cascade(['sensitivity', 'model.cascade', '--of', 'A', '--wrt', 'E.vmax', '--format', 'csv'], folder);
        const [header, row, ...rest] = csv.stdout.trim().split('\n');
        assert.equal(header, 'quantity,E.vmax');
        assert.deepEqual(rest, []);
        assert.equal(row.split(',')[0], 'A');
        close(Number(row.split(',')[1]), -1.5, 1e-9, 'csv');
        const table = cascade(['sensitivity', 'model.cascade', '--of', 'A', '--wrt', 'E.vmax', '--format', 'table'], folder);
        assert.match(table.stdout, /A\s+-1\.5\n/);
        const bad = cascade(['sensitivity', 'model.cascade', '--of', 'Nope', '--format', 'json'], folder);
        assert.equal(bad.status, 1);
        assert.match(bad.stderr, /'Nope' is no quantity/);
    });

    it('sensitivity --time-course: dX/dk of X\' = s − k·X from X(0) = 0 in closed form', () => {
        const folder = folderWith({ 'model.cascade': `model Fill
precursor X { supply 2 uM/min  clearance 0.5 /min }
scenario Fill {
    simulate 6 min step 2 min
    observe X
}
` });
        const run = cascade(['sensitivity', 'model.cascade', '--time-course', '--wrt', 'X.clearance,X.supply', '--format', 'json', '--rtol', '1e-10', '--atol', '1e-12'], folder);
        assert.equal(run.status, 0, run.stderr);
        const r = JSON.parse(run.stdout);
        assert.deepEqual(r.time, [0, 2, 4, 6]);
        const s = 2, k = 0.5;
        r.time.forEach((t: number, i: number) => {
            const e = Math.exp(-k * t);
            close(r.unscaled[0][0][i], -s / k ** 2 * (1 - e) + s * t * e / k, 1e-7, `dX/dk at ${t}`);
            close(r.unscaled[0][1][i], (1 - e) / k, 1e-7, `dX/ds at ${t}`);
        });
    });

    it('sensitivity --time-course across a dose, with respect to an initial value and the dose: e^(−kt) and e^(−k(t − 3))', () => {
        const folder = folderWith({ 'model.cascade': `model Dosed
parameter D = 1.5 uM
precursor X { initial 4 uM  supply 2 uM/min  clearance 0.5 /min }
scenario Dosed {
    simulate 6 min step 1 min
    at 3 min dose X D
    observe X
}
` });
        const run = cascade(['sensitivity', 'model.cascade', '--time-course', '--wrt', 'X.initial,D', '--format', 'json', '--rtol', '1e-10', '--atol', '1e-12'], folder);
        assert.equal(run.status, 0, run.stderr);
        const r = JSON.parse(run.stdout);
        assert.deepEqual(r.parameters.map((p: { name: string; property: string }) => `${p.name}.${p.property}`), ['X.initial', 'D.value']);
        const k = 0.5;
        r.time.forEach((t: number, i: number) => {
            close(r.unscaled[0][0][i], Math.exp(-k * t), 1e-7, `dX/dX0 at ${t}`);
            close(r.unscaled[0][1][i], t >= 3 ? Math.exp(-k * (t - 3)) : 0, 1e-7, `dX/dD at ${t}`);
        });
    });

    it('mca --format json: matrices with rows and columns; summation theorem', () => {
        const folder = folderWith({ 'model.cascade': CHAIN });
        const run = cascade(['mca', 'model.cascade', '--format', 'json'], folder);
        assert.equal(run.status, 0, run.stderr);
        const r = JSON.parse(run.stdout);
        assert.deepEqual(Object.keys(r), ['scenario', 'elasticities', 'fluxControl', 'concentrationControl']);
        assert.deepEqual(r.fluxControl.columns, ['E', 'A.supply', 'B.clearance']);
        // The supply sets every flux: C^E_supply = 1, the enzyme and the clearance control none of it.
        const e = r.fluxControl.rows.indexOf('E');
        assert.deepEqual(r.fluxControl.values[e].map((v: number) => +v.toFixed(12)), [0, 1, 0]);
        for (const row of r.concentrationControl.values) close(row.reduce((s: number, v: number) => s + v, 0), 0, 0, 'Σ Cˣ');
    });

    it('steady reports stability: eigenvalues −V·Km/(Km + A)² and −k', () => {
        const folder = folderWith({ 'model.cascade': CHAIN });
        const r = JSON.parse(cascade(['steady', 'model.cascade', '--format', 'json'], folder).stdout);
        assert.equal(r.stability.stable, true);
        const lambda = r.stability.eigenvalues.map((e: { re: number }) => e.re).sort((a: number, b: number) => a - b);
        close(lambda[0], -3 * 5 / 7.5 ** 2, 1e-9, 'λ enzyme');
        close(lambda[1], -0.1, 1e-9, 'λ clearance');
        close(r.stability.slowestTimeScale, 10, 1e-9, 'slowest');
    });

    it('scan shows each axis in the unit its range was written in and each measure in its author\'s unit; JSON keeps base units', () => {
        // f = 1 + L/(20 ug/dL + L) scales E's activity: A* = Km·s/(V·f − s) = 5/(3f − 1) uM; B* = s/k = 10 uM, written in nM.
        const folder = folderWith({ 'model.cascade': `model Cortisol
modulator Cort { level 12 ug/dL  increases E activity max 100% ec50 20 ug/dL }
precursor A { supply 1 uM/min }
metabolite B { initial 0 nM  clearance 0.1 /min }
enzyme E { converts A -> B  vmax 3 uM/min  km 5 uM }
scenario Base { simulate 60 min }
scan Dose {
    from Base
    vary Cort level from 0 ug/dL to 40 ug/dL in 5 steps
    measure A, B
}
` });
        const expected = [0, 10, 20, 30, 40].map(level => [level, 5 / (3 * (1 + level / (20 + level)) - 1), 10_000]);
        const csv = cascade(['scan', 'model.cascade', '--format', 'csv'], folder);
        assert.equal(csv.status, 0, csv.stderr);
        const [header, ...rows] = csv.stdout.trim().split('\n');
        assert.equal(header, 'Cort.level (ug/dL),A (uM),B (nM)');
        rows.map(row => row.split(',').map(Number)).forEach((row, i) => row.forEach((v, j) => close(v, expected[i][j], 1e-6, `${header.split(',')[j]} at point ${i}`)));
        const table = cascade(['scan', 'model.cascade', '--format', 'table'], folder).stdout;
        // A* = 1 + 12/(8 + L): a Hill curve of base 2.5 uM, Emax −1.5 uM, n 1, IC50 8 ug/dL — read on the shown axis.
        const hill = /^A: EC50 (\S+) ug\/dL, n (\S+), Emax (\S+) uM$/m.exec(table);
        assert.ok(hill, table);
        [8, 1, -1.5].forEach((v, k) => close(Number(hill[k + 1]), v, 1e-3, ['EC50', 'n', 'Emax'][k]));
        const json = JSON.parse(cascade(['scan', 'model.cascade', '--format', 'json'], folder).stdout);
        assert.deepEqual([json.vary[0].unit, json.vary[0].displayUnit, json.measures.map((m: { unit: string; displayUnit: string }) => [m.unit, m.displayUnit])],
            ['g/L', 'ug/dL', [['uM', 'uM'], ['uM', 'nM']]]);
        // 1 ug/dL is 1e-5 g/L.
        json.vary[0].values.forEach((v: number, i: number) => close(v, expected[i][0] * 1e-5, 1e-9, `level ${i}`));
        close(json.measures[1].values[0], 10, 1e-6, 'B in uM');
        assert.ok(!('display' in json.vary[0]), 'JSON names the shown unit once, as displayUnit');
        const base = cascade(['scan', 'model.cascade', '--format', 'csv', '--units', 'base'], folder).stdout;
        assert.equal(base.split('\n')[0], 'Cort.level (g/L),A (uM),B (uM)');
    });

    it('scan --format json: the issue\'s shape; a Hill fit recovers Kd and n of an occupancy curve', () => {
        const folder = folderWith({ 'model.cascade': `model Dose
precursor L { initial 1 uM }
receptor R { binds L kd 2 uM hill 1.5 }
scenario Base {
    simulate 1 min
}
scan Occupancy {
    from Base
    vary L initial from 0.05 uM to 50 uM in 25 steps log
    measure R.occupancy
    at steady
}
` });
        const run = cascade(['scan', 'model.cascade', '--name', 'Occupancy', '--format', 'json'], folder);
        assert.equal(run.status, 0, run.stderr);
        const r = JSON.parse(run.stdout);
        assert.deepEqual([r.scan, r.at, r.vary[0].name, r.vary[0].property, r.vary[0].unit, r.vary[0].values.length], ['Occupancy', 'steady', 'L', 'initial', 'uM', 25]);
        r.vary[0].values.forEach((l: number, k: number) => close(r.measures[0].values[k], l ** 1.5 / (2 ** 1.5 + l ** 1.5), 1e-7, `occupancy at ${l}`));
        close(r.measures[0].hill.ec50, 2, 1e-5, 'EC50');
        close(r.measures[0].hill.n, 1.5, 1e-5, 'n');
        close(r.measures[0].hill.emax, 1, 1e-5, 'Emax');
        assert.deepEqual([r.folds, r.errors], [[], []]);
        const missing = cascade(['scan', 'model.cascade', '--name', 'Nope'], folder);
        assert.equal(missing.status, 2);
        assert.match(missing.stderr, /no scan 'Nope' \(the file has: Occupancy\)/);
    });

    it('docs/analysis.md\'s serotonin table is what cascade sensitivity computes', () => {
        const doc = readFileSync(`${ROOT}docs/analysis.md`, 'utf8');
        const table = doc.split('<!-- serotonin-sensitivities -->')[1].split('<!-- /serotonin-sensitivities -->')[0];
        const rows = table.trim().split('\n').slice(2).map(line => line.split('|').map(c => c.trim())).map(c => ({ name: c[1], coefficient: c[3] }));
        const run = cascade(['sensitivity', 'examples/serotonin.cascade', '--of', 'Serotonin_ext', '--format', 'json'], ROOT);
        assert.equal(run.status, 0, run.stderr);
        const r = JSON.parse(run.stdout);
        const computed = r.parameters.map((p: { name: string; property: string; substrate?: string }, j: number) =>
            ({ name: `${p.name}.${p.property}${p.substrate ? '.' + p.substrate : ''}`, c: r.coefficients[0][j] as number | null }))
            .filter((x: { c: number | null }) => x.c !== null && Math.abs(x.c) > 1e-9)
            // By magnitude as printed (3 digits), equal ones by name: the order does not hang on round-off.
            .sort((a: { name: string; c: number }, b: { name: string; c: number }) =>
                Math.abs(+b.c.toPrecision(3)) - Math.abs(+a.c.toPrecision(3)) || a.name.localeCompare(b.name))
            .slice(0, rows.length);
        assert.deepEqual(rows, computed.map((x: { name: string; c: number }) => ({ name: x.name, coefficient: x.c.toPrecision(3) })));
    });
});
