import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitModel, type ModelIR } from '@neurocascade/simulator';
import { exportPetab } from '../src/export-petab.js';
import { importPetabFile } from '../src/import-petab.js';
import { SbmlExportError } from '../src/export-sbml.js';
import { readPetabProblem, writePetabProblem } from '../src/petab-problem.js';
import { loadSimulationTools, type SimulationTools } from '../src/conformance/simulation-tools.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const validator = path.resolve(here, '../../scripts/validate_sbml.py');

/** A → B by a saturable enzyme, B cleared; data in mixed units, a knockdown, a steady state and members. */
export const CONVERSION = `model Conversion
compartment cell { volume 1 pL }
precursor A in cell { initial 10 uM  fixed }
intermediate B in cell { clearance 0.05 /min }
enzyme E in cell { converts A -> B  vmax 2 uM/min  km 5 uM }
receptor R { binds B  kd 2 uM }
scenario Control { simulate 30 min }
scenario Half extends Control { inhibit E 50% }
scenario MoreA { simulate 30 min  set A 20 uM }
data D {
    Control B at 5 min 6 uM ± 0.5 uM
    Control R.occupancy at 10 min 0.85 ± 0.05
    Control E.rate at 10 min 1.3 uM/min ± 0.1 uM/min
    Half B at 10 min 6 uM ± 0.5 uM
    MoreA B at steady 30000 nM ± 3000 nM
}
fit F {
    data D
    estimate E vmax in [0.1 uM/min, 10 uM/min] log
    estimate B clearance in [0.01 /min, 1 /min]
}
`;

describe('PEtab export', () => {
    let tools: SimulationTools;
    let folder: string;
    before(async function () {
        this.timeout(60_000);
        tools = await loadSimulationTools();
        folder = await fs.mkdtemp(path.join(os.tmpdir(), 'petab-export-'));
    });
    after(async () => { await fs.rm(folder, { recursive: true, force: true }); });

    it('writes the six files: conditions from scenarios, `inf` for steady, sds and bounds in the SBML units, log10 scales', async () => {
        const model = await tools.load(CONVERSION, path.join(folder, 'conversion.cascade'));
        const yaml = await writePetabProblem(path.join(folder, 'out'), 'F', exportPetab(model, 'F'));
        assert.deepEqual((await fs.readdir(path.join(folder, 'out'))).sort(),
            ['F.yaml', 'experimentalCondition_F.tsv', 'measurementData_F.tsv', 'model_F.xml', 'observables_F.tsv', 'parameters_F.tsv']);
        const read = (file: string) => fs.readFile(path.join(folder, 'out', file), 'utf8');
        assert.equal(await read('parameters_F.tsv'), [
            'parameterId\tparameterName\tparameterScale\tlowerBound\tupperBound\tnominalValue\testimate',
            'E_vmax\tE vmax\tlog10\t0.1\t10\t2\t1',
            'B_clearance\tB clearance\tlin\t0.01\t1\t0.05\t1', ''].join('\n'));
        // `inhibit E 50%` sets E's activity parameter, so E_vmax stays free; every cell filled.
        assert.equal(await read('experimentalCondition_F.tsv'), 'conditionId\tconditionName\tE_activity\tA\nControl\t\t1\t10\nHalf\t\t0.5\t10\nMoreA\t\t1\t20\n');
        const problem = await readPetabProblem(yaml);
        assert.deepEqual(problem.observables.map(o => [o.id, o.formula, o.transformation]),
            [['obs_B', 'B', 'lin'], ['obs_R_occupancy', 'R_occupancy', 'lin'], ['obs_E_rate', 'E_rate', 'lin']]);
        // 30000 nM ± 3000 nM at steady → 30 (µM) ± 3 at inf.
        assert.deepEqual(problem.measurements.map(m => [m.observableId, m.simulationConditionId, m.measurement, m.time, m.noiseParameters]), [
            ['obs_B', 'Control', 6, 5, ['0.5']], ['obs_R_occupancy', 'Control', 0.85, 10, ['0.05']], ['obs_E_rate', 'Control', 1.3, 10, ['0.1']],
            ['obs_B', 'Half', 6, 10, ['0.5']], ['obs_B', 'MoreA', 30, Infinity, ['3']]
        ]);
        // Every id the tables name is an SBML id of the model.
        const ids = new Set([...problem.sbml.matchAll(/ id="([^"]+)"/g)].map(m => m[1]));
        for (const id of [...problem.parameters.map(p => p.id), ...problem.observables.map(o => o.formula), ...problem.conditions.flatMap(c => [...c.values.keys()])]) {
            assert.ok(ids.has(id), `${id} is not an id of the SBML model`);
        }
    });

    it('writes an SBML model that libSBML validates with zero errors', async function () {
        this.timeout(60_000);
        const model = await tools.load(CONVERSION, path.join(folder, 'conversion.cascade'));
        await writePetabProblem(path.join(folder, 'valid'), 'F', exportPetab(model, 'F'));
        const output = execFileSync('/usr/bin/python3', [validator, path.join(folder, 'valid', 'model_F.xml')], { encoding: 'utf8' });
        assert.deepEqual((JSON.parse(output) as { errors: string[] }).errors, []);
    });

    it('writes lognormal residuals as the log transformation with σ = sd/y', async () => {
        const model = await tools.load(CONVERSION.replace('estimate B clearance in [0.01 /min, 1 /min]', '$&\n    lognormal'), path.join(folder, 'lognormal.cascade'));
        const problem = exportPetab(model, 'F');
        assert.deepEqual(problem.observables.map(o => o.transformation), ['log', 'log', 'log']);
        assert.deepEqual(problem.measurements.map(m => Number(m.noiseParameters[0])), [0.5 / 6, 0.05 / 0.85, 0.1 / 1.3, 0.5 / 6, 3 / 30]);
    });

    /** χ² (with the model's own values: no iteration) of fit F, tolerances tight enough that the two integrations agree. */
    const objectiveAt = (model: ModelIR) => fitModel(model, 'F', { starts: 1, maxIterations: 0, rtol: 1e-12, atol: 1e-14 }).objective;

    for (const [label, text] of [
        ['normal residuals', CONVERSION],
        ['lognormal residuals', CONVERSION.replace('estimate B clearance in [0.01 /min, 1 /min]', '$&\n    lognormal')],
        ['values away from the data', CONVERSION.replace('vmax 2 uM/min', 'vmax 3.7 uM/min').replace('clearance 0.05 /min', 'clearance 0.21 /min')]
    ]) {
        it(`exported and imported back, the problem has the same objective (${label}) to 1e-9`, async function () {
            this.timeout(60_000);
            const model = await tools.load(text, path.join(folder, 'round-trip.cascade'));
            const yaml = await writePetabProblem(path.join(folder, 'round-trip'), 'F', exportPetab(model, 'F'));
            const { outPath } = await importPetabFile(yaml);
            const back = await tools.loadFile(outPath);
            const [before, after] = [objectiveAt(model), objectiveAt(back)];
            assert.ok(before > 1, `the objective ${before} should be away from zero, so that agreement means something`);
            assert.ok(Math.abs(after - before) <= 1e-9 * before, `objective ${before} before, ${after} after the round trip`);
        });
    }

    it('refuses what PEtab v1 cannot state, naming it', async () => {
        const refuses = async (text: string, message: RegExp) => {
            const model = await tools.load(text, path.join(folder, 'refused.cascade'));
            assert.throws(() => exportPetab(model, 'F'), (e: unknown) => e instanceof SbmlExportError && message.test(e.message));
        };
        await refuses(CONVERSION.replace('    data D\n', '    data D\n    include expects\n'), /'include expects' .* has no PEtab counterpart/);
        await refuses(CONVERSION.replace('scenario MoreA { simulate 30 min  set A 20 uM }', 'scenario MoreA { simulate 30 min  set B clearance 0.1 /min }'),
            /scenario 'MoreA': 'set B': it changes 'B_clearance', which the fit estimates/);
        await refuses(CONVERSION.replace('scenario Control { simulate 30 min }', 'scenario Control { simulate 30 min  at 5 min dose B 1 uM }'),
            /scenario 'Control': timed and conditional events of a scenario have no PEtab v1 counterpart/);
        await refuses(CONVERSION.replace('    data D\n', '    data D\n    estimate B initial in [0 uM, 10 uM]\n'),
            /estimate B initial: PEtab estimates parameters only/);
        const model = await tools.load(CONVERSION, path.join(folder, 'conversion.cascade'));
        assert.throws(() => exportPetab(model, 'G'), /the model has no fit named 'G' \(it has F\)/);
    });
});
