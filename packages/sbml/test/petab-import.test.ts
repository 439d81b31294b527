import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitModel } from '@neurocascade/simulator';
import { loadSimulationTools } from '../src/conformance/simulation-tools.js';
import { importPetabFile } from '../src/import-petab.js';
import { readPetabProblem } from '../src/petab-problem.js';
import { PetabError } from '../src/petab-table.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** A hand-written problem in the Benchmark collection's form (tsc does not copy it: read from the sources). */
const fixture = path.resolve(here, '../../test/fixtures/petab-conversion');

describe('PEtab import', () => {
    let folder: string;
    beforeEach(async () => {
        folder = await fs.mkdtemp(path.join(os.tmpdir(), 'petab-import-'));
        await fs.cp(fixture, folder, { recursive: true });
    });
    afterEach(async () => { await fs.rm(folder, { recursive: true, force: true }); });

    it('reads the hand-written problem: its tables, `inf` as steady state, the parameter table over the SBML values', async () => {
        const problem = await readPetabProblem(path.join(folder, 'conversion.yaml'));
        assert.deepEqual(problem.observables.map(o => [o.id, o.formula, o.noiseFormula]), [['obs_B', 'B', 'noiseParameter1_obs_B'], ['obs_total', 'A + 2 * B / cell', '0.5']]);
        assert.deepEqual(problem.conditions.map(c => [c.id, c.name, [...c.values]]), [['control', 'Control', []], ['highA', 'Twice the "A"', [['A', '20']]]]);
        assert.deepEqual(problem.measurements.map(m => m.time), [5, 10, 20, 10, 10, Infinity]);
        assert.deepEqual(problem.parameters.map(p => [p.id, p.scale, p.estimate, p.nominalValue]), [['k1', 'log10', true, 0.12], ['k2', 'lin', false, 0.05], ['sd_B', 'lin', false, 0.3]]);
    });

    it('writes the model, a scenario per condition, a data block and a fit', async () => {
        const { text, outPath } = await importPetabFile(path.join(folder, 'conversion.yaml'));
        assert.equal(outPath, path.join(folder, 'conversion.cascade'));
        assert.equal(await fs.readFile(outPath, 'utf8'), text);
        // The parameter table's nominal values replace the SBML's (k2 0.04 → 0.05, k1 0.1 → 0.12).
        assert.match(text, /^parameter k1 = 0\.12$/m);
        assert.match(text, /^parameter k2 = 0\.05$/m);
        assert.match(text, /^rule obs_total "A plus twice B" = A \+ 2 \* B \/ cell$/m);
        assert.match(text, /scenario control "Control" \{\n {4}simulate 20\n\}/);
        assert.match(text, /scenario highA "Twice the \\"A\\"" \{\n {4}simulate 10\n {4}set A 20\n\}/);
        const data = /data conversion_data \{\n([^}]*)\}/.exec(text)?.[1].trim().split('\n').map(l => l.trim());
        assert.deepEqual(data, [
            'control B at 5 3.7 ± 0.2',
            'control B at 10 5.1 ± 0.2',
            // The noise parameter sd_B is a fixed parameter of the table: its nominal value.
            'control B at 20 5.4 ± 0.3',
            'control obs_total at 10 9.2 ± 0.5',
            'highA B at 10 10.5 ± 0.4',
            'highA B at steady 0 ± 0.1'
        ]);
        assert.match(text, /fit conversion_ \{\n {4}data conversion_data\n {4}estimate k1 in \[0\.001, 10\] log\n\}/);
    });

    it('gives a model whose fit objective is the analytic χ² of the problem', async function () {
        this.timeout(60_000);
        const tools = await loadSimulationTools();
        const { outPath } = await importPetabFile(path.join(folder, 'conversion.yaml'));
        const model = await tools.loadFile(outPath);
        assert.deepEqual(model.fits?.map(f => [f.name, f.estimates.map(e => [e.target, e.low, e.high, e.log]), f.residuals]),
            [['conversion_', [['k1', 0.001, 10, true]], 'normal']]);
        assert.deepEqual(model.datasets?.[0].measurements.map(m => [m.scenario, m.quantity, m.time, m.value, m.sd]), [
            ['control', 'B', 5, 3.7, 0.2], ['control', 'B', 10, 5.1, 0.2], ['control', 'B', 20, 5.4, 0.3],
            ['control', 'obs_total', 10, 9.2, 0.5], ['highA', 'B', 10, 10.5, 0.4], ['highA', 'B', 'steady', 0, 0.1]
        ]);
        // A → B → ∅ with k1 = 0.12, k2 = 0.05 (the table's values): B(t) = k1·A0/(k2 − k1)·(e^(−k1 t) − e^(−k2 t)), A(t) = A0·e^(−k1 t).
        const [k1, k2] = [0.12, 0.05];
        const A = (a0: number, t: number) => a0 * Math.exp(-k1 * t);
        const B = (a0: number, t: number) => k1 * a0 / (k2 - k1) * (Math.exp(-k1 * t) - Math.exp(-k2 * t));
        const residuals = [
            (3.7 - B(10, 5)) / 0.2, (5.1 - B(10, 10)) / 0.2, (5.4 - B(10, 20)) / 0.3,
            (9.2 - (A(10, 10) + 2 * B(10, 10))) / 0.5, (10.5 - B(20, 10)) / 0.4, (0 - 0) / 0.1
        ];
        const expected = residuals.reduce((s, r) => s + r * r, 0);
        const objective = fitModel(model, 'conversion_', { starts: 1, maxIterations: 0, rtol: 1e-12, atol: 1e-14 }).objective;
        assert.ok(Math.abs(objective - expected) <= 1e-8 * expected, `objective ${objective}, analytic ${expected}`);
    });

    const rejects = async (file: string, edit: (text: string) => string, message: RegExp) => {
        // Each case corrupts one file of a fresh copy.
        await fs.cp(fixture, folder, { recursive: true });
        await fs.writeFile(path.join(folder, file), edit(await fs.readFile(path.join(fixture, file), 'utf8')));
        await assert.rejects(importPetabFile(path.join(folder, 'conversion.yaml'), path.join(folder, 'out.cascade')), (e: unknown) => {
            assert.ok(e instanceof PetabError, String(e));
            assert.match(e.message, message);
            return true;
        });
        await assert.rejects(fs.stat(path.join(folder, 'out.cascade')), 'nothing is written');
    };

    it('rejects malformed tables with the file and line', async () => {
        await rejects('measurementData_conversion.tsv', t => t.replace('\t5.1\t', '\tfive\t'), /^measurementData_conversion\.tsv:3: measurement 'five' is not a number/);
        await rejects('measurementData_conversion.tsv', t => t.replace('obs_B\thighA\t10.5', 'obs_C\thighA\t10.5'), /^measurementData_conversion\.tsv:6: observableId 'obs_C' is not in the observable table/);
        await rejects('measurementData_conversion.tsv', t => t.replace('\t0.4\t', '\t0.4;1\t'), /^measurementData_conversion\.tsv:6: 2 noiseParameters, but the noise formula of 'obs_B' has 1/);
        await rejects('measurementData_conversion.tsv', t => t.replace('\tinf\t', '\t-1\t'), /^measurementData_conversion\.tsv:7: time must be a number ≥ 0 or inf/);
        await rejects('measurementData_conversion.tsv', t => t.replace('20\tsd_B', '20\tsd_X'), /^measurementData_conversion\.tsv:4: noise parameter 'sd_X' is not in the parameter table/);
        await rejects('parameters_conversion.tsv', t => t.replace('log10\t0.001', 'log10\t0'), /^parameters_conversion\.tsv:2: a log10-scaled parameter needs a positive lowerBound/);
        await rejects('parameters_conversion.tsv', t => t.replace('0.05\t0', '0.05\tyes'), /^parameters_conversion\.tsv:3: estimate 'yes' is not 0 or 1/);
        await rejects('parameters_conversion.tsv', t => t.replace('0.3\t0', '0.3\t1'), /^measurementData_conversion\.tsv:4: noise parameter 'sd_B' is estimated; a Cascade fit takes each point's sd as given/);
        await rejects('parameters_conversion.tsv', t => t.replace('k2\tdegradation rate\tlin\t0\t1\t0.05\t0', 'k3\tother\tlin\t0\t1\t0.05\t1'),
            /^parameters_conversion\.tsv:3: 'k3' is estimated but is not a global parameter/);
        await rejects('observables_conversion.tsv', t => t.replace('A + 2 * B / cell', 'A + * B'), /^observables_conversion\.tsv:3: observableFormula 'A \+ \* B': '\*' is not read/);
        await rejects('observables_conversion.tsv', t => t.replace('A + 2 * B / cell', 'A + C'), /^observables_conversion\.tsv:3: observableFormula 'A \+ C': 'C' is not a species/);
        await rejects('observables_conversion.tsv', t => t.replace('\tlin\t0.5\tnormal', '\tlin\t0.5\tlaplace'), /^observables_conversion\.tsv:3: noiseDistribution laplace/);
        await rejects('experimentalCondition_conversion.tsv', t => t.replace('\tA\n', '\tk1\n'), /^experimentalCondition_conversion\.tsv:3: column 'k1' is an estimated parameter/);
        await rejects('experimentalCondition_conversion.tsv', t => t.replace('\t20\n', '\t20\textra\n'), /^experimentalCondition_conversion\.tsv:3: 4 fields, but the header names 3 columns/);
        await rejects('conversion.yaml', t => t.replace('format_version: 1', 'format_version: 2'), /^conversion\.yaml: format_version '2' is not PEtab 1/);
        await rejects('conversion.yaml', t => t.replace('  - condition_files:', '  - condition_files: [\n'), /^conversion\.yaml:\d+: /);
        await rejects('conversion.yaml', t => t.replace('model_conversion.xml', 'missing.xml'), /^missing\.xml: no such file/);
    });
});
