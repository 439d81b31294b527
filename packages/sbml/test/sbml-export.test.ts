import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs, readdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelIR, Scenario } from '@neurocascade/simulator';
import { exportSbml, importSbml } from '../src/index.js';
import { loadSimulationTools, type SimulationTools } from '../src/conformance/simulation-tools.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const examples = path.resolve(here, '../../../../examples');
const validator = path.resolve(here, '../../scripts/validate_sbml.py');
const exampleFiles = readdirSync(examples).filter(f => f.endsWith('.cascade')).sort();

/** Every form of rate law beyond the examples': co-transport, a reversible and a cooperative enzyme, a specific activity, mass action, a carrier, a flux read by a rule. */
const KINETICS = `model Kinetics
compartment cell { volume 1 pL  protein 2 mg/mL }
compartment syn { volume 0.1 pL }
precursor A in cell { initial 10 uM }
cofactor Na in cell { initial 10 uM }
intermediate X in cell { initial 5 uM }
intermediate Y in cell { initial 1 uM }
intermediate C in cell { initial 2 uM }
intermediate D in cell
metabolite B in cell { clearance 0.5 /min }
metabolite Q in cell { clearance 0.2 /min }
transmitter NE_ext in syn { initial 2 uM }
transmitter DA_ext in syn { initial 1 uM }
transmitter NE in cell { clearance 1 /min }
transmitter DA in cell { clearance 1 /min }
intermediate Drug in syn { initial 0.5 uM }
transporter T { moves A + Na -> B  vmax 2 uM/min  km A 10 uM  km Na 20 uM }
enzyme Rev in cell { converts X <-> Y  vmax 3 uM/min  km 2 uM  keq 2.5  km_product 4 uM }
enzyme Coop in cell { converts C -> Q  vmax 0.5 nmol/min/mg  km 2 uM  hill 2 }
reaction R in cell { 2 Y <-> D  kf 0.1 /(uM*min)  kr 0.5 /min }
transporter NET {
    moves NE_ext -> NE
    vmax 2 uM/min
    km 0.4 uM
    moves DA_ext -> DA
    vmax 3 uM/min
    km 0.7 uM
    inhibited by Drug ki 1 uM
}
rule total = NET.rate + Rev.rate
rate of Drug = -0.01 /min * Drug * total / 1 uM/min
scenario S { simulate 30 min }
`;

/** Every species observed over the first scenario's duration (or 100 min), 50 output steps. */
function speciesCourses(model: ModelIR): Scenario {
    const duration = model.scenarios[0]?.duration ?? 100;
    return {
        name: 'RoundTrip', lineage: ['RoundTrip'], duration, step: duration / 50, expects: [], actions: [], events: [],
        observe: model.species.map(s => ({ name: s.name, expression: { kind: 'name', name: s.name }, unit: s.unit }))
    };
}

describe('SBML export', () => {
    let tools: SimulationTools;
    let folder: string;
    const exported = new Map<string, { model: ModelIR; xml: string }>();

    before(async function () {
        this.timeout(60_000);
        tools = await loadSimulationTools();
        folder = await fs.mkdtemp(path.join(os.tmpdir(), 'sbml-export-'));
        for (const file of exampleFiles) {
            const model = await tools.loadFile(path.join(examples, file));
            exported.set(file, { model, xml: exportSbml(model) });
        }
        const kinetics = await tools.load(KINETICS, path.join(folder, 'kinetics.cascade'));
        exported.set('kinetics.cascade', { model: kinetics, xml: exportSbml(kinetics) });
    });
    after(async () => { await fs.rm(folder, { recursive: true, force: true }); });

    it('exports every example (and every form of rate law) as SBML L3V2 that libSBML validates with zero errors', async function () {
        this.timeout(60_000);
        assert.ok(exampleFiles.length > 0, `no examples in ${examples}`);
        const files = await Promise.all([...exported].map(async ([file, { xml }]) => {
            const target = path.join(folder, file.replace('.cascade', '.xml'));
            await fs.writeFile(target, xml);
            return target;
        }));
        const output = execFileSync('/usr/bin/python3', [validator, ...files], { encoding: 'utf8' });
        const reports = output.trim().split('\n').map(line => JSON.parse(line) as { file: string; errors: string[] });
        assert.equal(reports.length, files.length);
        for (const report of reports) assert.deepEqual(report.errors, [], path.basename(report.file));
    });

    it('writes kinetic laws as MathML, with units, for a small model', async () => {
        const model = await tools.load(`model Small
compartment cell { volume 1 pL }
precursor A in cell { initial 5 uM }
metabolite B in cell
enzyme E { converts A -> B  vmax 2 uM/min  km 10 uM }
`, path.join(folder, 'small.cascade'));
        const xml = exportSbml(model);
        assert.match(xml, /<parameter id="E_vmax" value="2" units="uM_per_min" constant="true"\/>/);
        assert.match(xml, /<parameter id="E_km_A" value="10" units="uM" constant="true"\/>/);
        assert.match(xml, /<reaction id="E" reversible="false" compartment="cell">[\s\S]*<kineticLaw>\s*<math xmlns="http:\/\/www.w3.org\/1998\/Math\/MathML">/);
        assert.match(xml, /<unitDefinition id="min">\s*<listOfUnits>\s*<unit kind="second" exponent="1" scale="0" multiplier="60"\/>/);
    });

    it('exports a dose by mass in an event as an assignment adding mass / (molar mass · volume), and it round-trips', async function () {
        this.timeout(60_000);
        const model = await tools.load(`model Dosed
compartment Plasma { volume 40 L }
transmitter Drug in Plasma { initial 0 uM  clearance 0.1 /h  molar_mass 300 g/mol }
receptor R { binds Drug  kd 10 nM }
when t > 60 min { dose Drug 5 mg }
`, path.join(folder, 'dosed.cascade'));
        const { text } = importSbml(exportSbml(model));
        const scenario = `scenario Run {\n    simulate 3 h step 30 min\n    observe Drug\n}\n`;
        const tolerances = { rtol: 1e-10, atol: 1e-12 };
        const back = tools.simulate(await tools.load(`${text}\n${scenario}`, path.join(folder, 'dosed-back.cascade')), 'Run', tolerances);
        // 5 mg / 300 g/mol / 40 L at 60 min, then first-order decay at 0.1 /h.
        const expected = (t: number) => t <= 60 ? 0 : 5e-3 / 300 * 1e6 / 40 * Math.exp(-0.1 / 60 * (t - 60));
        back.time.forEach((t, i) => {
            const value = back.series[0].values[i];
            assert.ok(Math.abs(value - expected(t)) <= 1e-7 * expected(t) + 1e-12, `Drug at ${t} min: ${value}, expected ${expected(t)}`);
        });
    });

    for (const file of [...exampleFiles, 'kinetics.cascade']) {
        it(`round-trips ${file}: export, import and simulate give the same time courses`, async function () {
            this.timeout(60_000);
            const { model, xml } = exported.get(file)!;
            const { text, mapping } = importSbml(xml);
            const scenario = speciesCourses(model);
            const names = model.species.map(s => mapping.entries.find(e => e.id === s.name)!.name);
            const back = await tools.load(`${text}\nscenario RoundTrip {\n    simulate ${scenario.duration} step ${scenario.step}\n    observe ${names.join(', ')}\n}\n`,
                path.join(folder, file));
            const tolerances = { rtol: 1e-10, atol: 1e-12 };
            const original = tools.simulate({ ...model, scenarios: [scenario] }, 'RoundTrip', tolerances);
            const roundTrip = tools.simulate(back, 'RoundTrip', tolerances);
            assert.equal(roundTrip.time.length, original.time.length);
            original.series.forEach((series, k) => series.values.forEach((value, i) => {
                const other = roundTrip.series[k].values[i];
                assert.ok(Math.abs(other - value) <= 1e-7 * Math.abs(value) + 1e-9,
                    `${model.species[k].name} at t = ${original.time[i]}: ${value} before, ${other} after the round trip`);
            }));
        });
    }
});
