import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { CancellationTokenSource } from 'vscode-languageserver';
import { SimulationError } from '@neurocascade/simulator';
import { createCascadeServices } from '../../src/cascade-module.js';
import { CascadeSimulations } from '../../src/simulation/cascade-simulations.js';
import { IN_THREAD_MS } from '../../src/simulation/simulation-tasks.js';

// X' = s − 0.1·X from 0: X(t) = 10 s (1 − e^(−t/10)); Total = X + Y at steady = 10 sX + 2 sY.
const MODEL = `precursor X { supply 1 uM/min clearance 0.1 /min }
precursor Y { supply 2 uM/min clearance 0.5 /min }
rule Total = X + Y
scenario Base { simulate 60 min step 10 min observe X, Y }
population P { from Base vary X supply lognormal(cv 30%) vary Y clearance normal(sd 10%) truncated size 200 seed 7 }
population S { from Base vary X supply uniform(from 0.5 uM/min to 1.5 uM/min) vary Y supply uniform(from 1 uM/min to 3 uM/min) size 500 measure Total at steady }
population Big { from Base vary X supply lognormal(cv 30%) size 200000 seed 3 }
population Many { from Base vary X supply lognormal(cv 30%) vary Y clearance normal(sd 10%) truncated size 100000 seed 5 }
scan Grid { from Base vary X supply from 0.5 uM/min to 1.5 uM/min in 400 steps vary X clearance from 0.05 /min to 0.5 /min in 250 steps measure X at 30 min }
`;

/** `cascade <command> … --format json` on the model, as a user runs it. */
function cli(args: string[]): unknown {
    const bin = fileURLToPath(new URL('../../../../cli/bin/cascade.js', import.meta.url));
    const folder = mkdtempSync(path.join(tmpdir(), 'cascade-population-'));
    try {
        writeFileSync(path.join(folder, 'model.cascade'), MODEL);
        return JSON.parse(execFileSync(process.execPath, [bin, ...args, path.join(folder, 'model.cascade'), '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 26 }));
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
}

describe('population requests', function () {
    this.timeout(60000);
    const { shared, Cascade } = createCascadeServices(EmptyFileSystem);
    const simulations = new CascadeSimulations(shared);
    let uri: string;
    after(() => simulations.dispose());
    before(async () => {
        uri = (await parseHelper(Cascade)(MODEL, { documentUri: 'file:///population.cascade', validation: true })).uri.toString();
    });

    it('outlines the populations with their lines (where ▶ Population goes)', async () => {
        const outline = await simulations.outline(uri);
        assert.deepEqual(outline.populations.map(p => [p.name, p.line]), [['P', 4], ['S', 5], ['Big', 6], ['Many', 7]]);
    });

    it('runs a population in a worker: the bands `cascade population --format json` prints, reporting progress', async () => {
        const fractions: number[] = [];
        const { uri: resultUri, elapsedMs, threads, ...result } = await simulations.runPopulation({ uri, population: 'P' }, { onProgress: f => fractions.push(f) });
        assert.equal(resultUri, uri);
        // 200 members take less than the pool's start: they run in the worker's own thread.
        assert.equal(threads, 1);
        assert.ok(elapsedMs >= 0);
        assert.deepEqual(JSON.parse(JSON.stringify(result)), cli(['population', '--name', 'P']));
        // The pool passes progress on at most every so often: some fractions, rising, within (0, 1].
        assert.ok(fractions.length > 0 && fractions.every((f, i) => f > 0 && f <= 1 && (i === 0 || f >= fractions[i - 1])), `progress ${fractions.join(' ')}`);
        // The median supply is the base (a lognormal's median is its base value): X(60) ≈ 10 (1 − e^(−6)).
        const median = result.quantities[0].percentiles['50'].at(-1)!;
        assert.ok(Math.abs(median / (10 * (1 - Math.exp(-6))) - 1) < 0.05, `median X at 60 min: ${median}`);
    });

    it('computes Sobol indices in a worker: those of `cascade sobol --format json`', async () => {
        const { uri: _uri, elapsedMs: _elapsed, threads: _threads, ...result } = await simulations.runSobol({ uri, population: 'S' });
        assert.deepEqual(JSON.parse(JSON.stringify(result)), cli(['sobol', '--name', 'S']));
    });

    it('returns the first members\' own values on request, those of `cascade population --members`, beside the same bands', async () => {
        const { uri: _uri, elapsedMs: _elapsed, threads: _threads, members, ...bands } = await simulations.runPopulation({ uri, population: 'P', members: 5 });
        const { members: all, ...printed } = cli(['population', '--name', 'P', '--members']) as { members: unknown[] };
        assert.deepEqual(JSON.parse(JSON.stringify(bands)), printed);
        assert.deepEqual(JSON.parse(JSON.stringify(members)), all.slice(0, 5));
    });

    it('computes Morris elementary effects in a worker: those of `cascade morris --format json`, with each quantity\'s unit', async () => {
        const { uri: _uri, elapsedMs: _elapsed, threads: _threads, quantities, ...result } = await simulations.runMorris({ uri, population: 'S' });
        assert.deepEqual(JSON.parse(JSON.stringify(result)), cli(['morris', '--name', 'S']));
        assert.deepEqual(quantities, [{ name: 'Total', unit: 'uM' }]);
        // Total = 10 sX + 2 sY at steady, linear in uniform factors: EE = slope × (B − A), the same on every trajectory.
        const effect = (parameter: string) => result.effects.find(e => e.parameter === parameter)!;
        assert.ok(Math.abs(effect('X.supply').muStar! - 10) < 1e-6 && Math.abs(effect('Y.supply').muStar! - 4) < 1e-6, JSON.stringify(result.effects));
        assert.ok(effect('X.supply').sigma! < 1e-6 && effect('Y.supply').sigma! < 1e-6);
    });

    it('spreads a population that takes longer than IN_THREAD_MS over every core, with the bands of cascade population', async () => {
        const fractions: number[] = [];
        const { uri: _uri, elapsedMs, threads, ...result } = await simulations.runPopulation({ uri, population: 'Many' }, { onProgress: f => fractions.push(f) });
        assert.ok(elapsedMs > IN_THREAD_MS, `${elapsedMs} ms: the population ran in the worker's thread alone`);
        assert.equal(threads, availableParallelism());
        assert.deepEqual(JSON.parse(JSON.stringify(result)), cli(['population', '--name', 'Many']));
        assert.ok(fractions.every((f, i) => f > 0 && f <= 1 && (i === 0 || f >= fractions[i - 1])), `progress ${fractions.join(' ')}`);
    });

    it('a scan\'s points go the same way: one that takes longer than IN_THREAD_MS ends on the pool, with the JSON of cascade scan', async () => {
        const fractions: number[] = [];
        const { uri: _uri, elapsedMs, ...result } = await simulations.runScan({ uri, scan: 'Grid' }, { onProgress: f => fractions.push(f) });
        assert.ok(elapsedMs > IN_THREAD_MS, `${elapsedMs} ms: the scan ran in the worker's thread alone`);
        // The CLI's JSON names the unit its table shows (displayUnit); the values are the same.
        const valuesOf = (r: { vary: { values: unknown }[]; measures: { values: unknown }[]; folds: unknown; errors: unknown }) =>
            ({ vary: r.vary.map(v => v.values), measures: r.measures.map(m => m.values), folds: r.folds, errors: r.errors });
        assert.deepEqual(valuesOf(JSON.parse(JSON.stringify(result))), valuesOf(cli(['scan', '--name', 'Grid']) as Parameters<typeof valuesOf>[0]));
        // X(30 min) = (s/k)(1 − e^(−30k)) at every point.
        const [supplies, clearances] = result.vary.map(v => v.values);
        const grid = result.measures[0].values as number[][];
        supplies.forEach((sx, i) => clearances.forEach((k, j) => assert.ok(Math.abs(grid[i][j] - sx / k * (1 - Math.exp(-30 * k))) < 1e-5 * grid[i][j])));
        assert.ok(fractions.length > 1 && fractions.every((f, i) => f > 0 && f <= 1 && (i === 0 || f >= fractions[i - 1])), `progress ${fractions.join(' ')}`);
    });

    it('names a population the model does not have', async () => {
        await assert.rejects(simulations.runPopulation({ uri, population: 'Nope' }), /no population 'Nope'/);
    });

    it('stops a population when its request is cancelled', async () => {
        const source = new CancellationTokenSource();
        let started = 0;
        const run = simulations.runPopulation({ uri, population: 'Big' }, {
            token: source.token,
            onProgress: () => { if (started++ === 0) setTimeout(() => source.cancel(), 50); }
        });
        const began = performance.now();
        await assert.rejects(run, (e: unknown) => e instanceof SimulationError && e.reason === 'cancelled');
        assert.ok(performance.now() - began < 20000, 'the worker stopped well before the 200 000 members were done');
    });

    it('stops a population on the pool\'s threads when its request is cancelled, and runs the next one', async () => {
        const source = new CancellationTokenSource();
        const began = performance.now();
        const run = simulations.runPopulation({ uri, population: 'Big' }, {
            token: source.token,
            onProgress: () => { if (performance.now() - began > IN_THREAD_MS + 300) source.cancel(); }
        });
        await assert.rejects(run, (e: unknown) => e instanceof SimulationError && e.reason === 'cancelled');
        const { threads, quantities } = await simulations.runPopulation({ uri, population: 'P' });
        assert.equal(threads, 1);
        assert.equal(quantities.length, 2);
    });
});
