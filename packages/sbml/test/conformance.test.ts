import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultCasesDirectory, readTiers, runCases } from '../src/conformance/conformance-suite.js';
import { firstMismatch, withinTolerance } from '../src/conformance/compare-results.js';
import { conformanceScenario } from '../src/conformance/run-case.js';
import { loadSimulationTools } from '../src/conformance/simulation-tools.js';
import { parseResults, parseSettings } from '../src/conformance/test-case.js';
import type { SbmlMapping } from '../src/index.js';

describe('SBML Test Suite harness', () => {
    it('applies the suite rule: absolute + relative tolerance, NaN only matches NaN, infinities their own sign', () => {
        assert.ok(withinTolerance(100, 100.009, 0, 1e-4));
        assert.ok(!withinTolerance(100, 100.011, 0, 1e-4));
        assert.ok(withinTolerance(0, 1e-8, 1e-7, 1e-4));
        assert.ok(withinTolerance(NaN, NaN, 1, 1));
        assert.ok(!withinTolerance(NaN, 0, 1, 1));
        assert.ok(withinTolerance(-Infinity, -Infinity, 0, 0));
        assert.ok(!withinTolerance(Infinity, -Infinity, 1, 1));
        assert.ok(!withinTolerance(Infinity, 1e308, 1, 1));
        assert.deepEqual(firstMismatch(['a', 'b'], [0, 1], [[1, 2], [3, 4]], [[1, 2], [3, 5]], 0.1, 0),
            { variable: 'b', time: 1, expected: 4, actual: 5 });
    });

    it('reads settings and results files, with INF and NaN cells', () => {
        const settings = parseSettings('start: 0\nduration: 5\nsteps: 50\nvariables: S1, S2\nabsolute: 1.000000e-007\nrelative: 0.0001\namount: S1\nconcentration: S2\n');
        assert.deepEqual([settings.duration, settings.steps, settings.absolute, settings.variables], [5, 50, 1e-7, ['S1', 'S2']]);
        assert.deepEqual([[...settings.amount], [...settings.concentration]], [['S1'], ['S2']]);
        assert.deepEqual(parseResults('time,S1,S2\n0,INF,NaN\n0.1,-INF,1.5e-005\n'),
            { variables: ['S1', 'S2'], times: [0, 0.1], rows: [[Infinity, NaN], [-Infinity, 1.5e-5]] });
    });

    it('reports a species as an amount or a concentration, whichever the Cascade name holds', () => {
        const mapping: SbmlMapping = { modelName: 'm', entries: [
            { id: 'A', name: 'A', kind: 'species', compartment: 'cell', amount: false },
            { id: 'B', name: 'B', kind: 'species', compartment: 'cell', amount: true },
            { id: 'k', name: 'k', kind: 'parameter' }
        ] };
        const settings = parseSettings('start: 0\nduration: 2\nsteps: 4\nvariables: A, B, k\nabsolute: 0\nrelative: 0\namount: A\nconcentration: B\n');
        assert.equal(conformanceScenario(mapping, settings).text, 'scenario Conformance {\n    simulate 2 step 0.5\n    observe A * cell, B / cell, k\n}\n');
    });

    it('treats a cases folder without tiers.json as one tier of every case folder in it', async () => {
        const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'sbml-cases-'));
        try {
            await fs.symlink(path.join(defaultCasesDirectory(), '00001'), path.join(folder, '00001'));
            await fs.mkdir(path.join(folder, 'notes'));
            assert.deepEqual([...await readTiers(folder)], [['all', ['00001']]]);
        } finally {
            await fs.rm(folder, { recursive: true, force: true });
        }
    });

    it('passes every case of tier T1', async function () {
        this.timeout(300_000);
        const cases = defaultCasesDirectory();
        const ids = (await readTiers(cases)).get('T1');
        assert.ok(ids && ids.length > 0, `no tier T1 in ${cases}`);
        const results = await runCases(cases, ids, await loadSimulationTools());
        const failures = [...results.values()].filter(r => r.status !== 'passed').map(r => `${r.id} ${r.status}: ${r.reason}`);
        assert.deepEqual(failures, [], `${failures.length} of ${ids.length} T1 cases did not pass`);
    });
});
