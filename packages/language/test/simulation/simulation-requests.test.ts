import { strict as assert } from 'node:assert';
import { EmptyFileSystem, TextDocument, URI } from 'langium';
import { parseHelper } from 'langium/test';
import { CancellationTokenSource } from 'vscode-languageserver';
import { createCascadeServices } from '../../src/cascade-module.js';
import { CascadeSimulations } from '../../src/simulation/cascade-simulations.js';
import { CODE_EXPECT_FAILED } from '../../src/validation/diagnostic-codes.js';
import { linkReference } from '../../src/reference-file.js';
import { modelSource, ModelHasErrors } from '../../src/simulation/model-lowering.js';
import { SimulationError, WorkerPool } from '@neurocascade/simulator';
import type { SimulationJob, WorkerOutcome } from '../../src/simulation/worker-protocol.js';

const cancelled = (e: unknown) => e instanceof SimulationError && e.reason === 'cancelled';

const MODEL = `model Tiny
precursor A { initial 1 uM supply 1 uM/min clearance 0.5 /min }
receptor Rex { binds A kd 1 uM effect excitatory }
receptor Rin { binds A kd 2 uM effect inhibitory }
scenario Base {
    simulate 10 min
    observe A
    expect A at steady between 1.9 uM and 2.1 uM
}
scenario Tight extends Base {
    expect A at steady between 5 uM and 6 uM
}
cascade Up { from Base perturb A supply +10% measure A at steady }
`;

/** Thousands of solver steps: a supply that oscillates every minute for weeks. */
/** A run that lasts seconds: 200 species on a fast rhythm, so it is still running, well short of the solver's step limit, when it is cancelled. */
const LONG = `modulator Clock { level circadian(mean 1, amplitude 0.5, peak 0 min, period 1 min) }
${Array.from({ length: 200 }, (_, i) => `precursor B${i} { supply ${i + 1} uM/min * Clock.level clearance 0.1 /min }`).join('\n')}
scenario Long { simulate 2000 h step 100 h observe B0 }
`;

describe('simulation requests', function () {
    this.timeout(30000);
    const { shared, Cascade } = createCascadeServices(EmptyFileSystem);
    const parse = parseHelper(Cascade);
    const simulations = new CascadeSimulations(shared);
    let uri: string;
    after(() => simulations.dispose());
    before(async () => {
        uri = (await parse(MODEL, { documentUri: 'file:///tiny.cascade', validation: true })).uri.toString();
    });

    it('outlines the scenarios and cascades with their lines', async () => {
        const outline = await simulations.outline(uri);
        assert.deepEqual(outline.scenarios.map(s => [s.name, s.line]), [['Base', 4], ['Tight', 9]]);
        assert.deepEqual(outline.cascades.map(c => [c.name, c.line]), [['Up', 12]]);
    });

    it('runs a scenario over its simulated time, with the E/I balance and the steady state', async () => {
        const result = await simulations.runScenario({ uri, scenario: 'Base' });
        assert.equal(result.time.at(-1), 10);
        // The observed A, then the E/I balance the server adds for a model with both kinds of receptor.
        assert.deepEqual(result.series.map(s => s.name), ['A', 'balance']);
        const a = result.series[0].values;
        assert.ok(a[0] === 1 && a.at(-1)! > 1.9 && a.at(-1)! < 2, `A rises from 1 toward supply/clearance = 2: ${a.at(-1)}`);
        const occupancy = (kd: number, i: number) => a[i] / (kd + a[i]);
        result.series[1].values.forEach((b, i) => assert.ok(Math.abs(b - occupancy(1, i) / occupancy(2, i)) < 1e-9));
        assert.ok(Math.abs(result.steadyState!.find(v => v.name === 'A')!.value - 2) < 1e-6);
        assert.deepEqual(result.expects.map(e => e.passed), [true]);
        assert.deepEqual(result.warnings, []);
        // A scenario that observes the balance has it once, where it is written.
        const observing = (await parse(MODEL.replace('observe A', 'observe balance, A'), { documentUri: 'file:///observes-balance.cascade', validation: true })).uri.toString();
        assert.deepEqual((await simulations.runScenario({ uri: observing, scenario: 'Base' })).series.map(s => s.name), ['balance', 'A']);
    });

    it('runs a model whose species come from an imported file, with the text the editor has for that file', async () => {
        // The worker lowers the model from the texts the server holds: the library's unsaved edit (supply 3) must count.
        const library = await parse('precursor L { initial 1 uM supply 2 uM/min clearance 0.5 /min }', { documentUri: 'file:///lib/library.cascade', validation: true });
        const main = await parse('import "./library.cascade"\nscenario UsesL { simulate 10 min observe L }', { documentUri: 'file:///lib/main.cascade', validation: true });
        const before = await simulations.steadyState({ uri: main.uri.toString() });
        assert.ok(Math.abs(before.values.find(v => v.name === 'L')!.value - 4) < 1e-6, 'L settles at supply/clearance = 4');
        await edit(library.uri, 'precursor L { initial 1 uM supply 3 uM/min clearance 0.5 /min }');
        const after = await simulations.steadyState({ uri: main.uri.toString() });
        assert.ok(Math.abs(after.values.find(v => v.name === 'L')!.value - 6) < 1e-6, `the edited library gives 3/0.5 = 6: ${after.values[0]?.value}`);
    });

    it('runs a long model from its texts in the worker, with the same results as a short one lowered by the server', async () => {
        const long = await parse(`${MODEL}${'// a long note\n'.repeat(3000)}`, { documentUri: 'file:///long-text.cascade', validation: true });
        assert.ok('documents' in modelSource(long, shared), 'over the limit, the texts go to the worker');
        assert.ok('model' in modelSource(await shared.workspace.LangiumDocuments.getOrCreateDocument(URI.parse(uri)), shared), 'a short model is lowered by the server');
        const [short, fromTexts] = await Promise.all([uri, long.uri.toString()].map(u => simulations.runScenario({ uri: u, scenario: 'Base' })));
        assert.deepEqual(fromTexts.series, short.series);
        assert.deepEqual(fromTexts.steadyState, short.steadyState);
        assert.equal(fromTexts.expects[0].range?.start.line, short.expects[0].range?.start.line, 'the expect is located in its document');
    });

    it('refuses a model with a syntax error, naming the first error and its line (the preview shows it)', async () => {
        const broken = await parse(`${MODEL}parameter = 1\n`, { documentUri: 'file:///syntax-error.cascade', validation: true });
        const refused = await simulations.runScenario({ uri: broken.uri.toString(), scenario: 'Base' }).then(() => undefined, (error: unknown) => error);
        assert.ok(refused instanceof ModelHasErrors, `the run is refused: ${String(refused)}`);
        // MODEL has 13 lines; the broken parameter is the 14th, its name missing before '='.
        assert.deepEqual({ line: refused.first.line, file: refused.first.file }, { line: 14, file: undefined });
        assert.match(refused.first.message, /a parameter needs a name and a value/);
        assert.match(refused.message, /^The model has \d+ errors?; fix (it|them) to simulate \(line 14: /);
    });

    it('shows a process\'s flux E.rate as a series of the preview, in concentration per time', async () => {
        const fluxes = (await parse(`precursor S { initial 4 uM  supply 1 uM/min }
metabolite P { clearance 1 /min }
enzyme E { converts S -> P  vmax 2 uM/min  km 4 uM }
scenario Run { simulate 10 min  observe S, E.rate }
`, { documentUri: 'file:///fluxes.cascade', validation: true })).uri.toString();
        const result = await simulations.runScenario({ uri: fluxes, scenario: 'Run' });
        assert.deepEqual(result.series.map(s => [s.name, s.unit]), [['S', 'uM'], ['E.rate', 'uM/min']]);
        const [s, rate] = result.series.map(series => series.values);
        rate.forEach((v, i) => assert.ok(Math.abs(v - 2 * s[i] / (4 + s[i])) < 1e-9, `E.rate at ${result.time[i]}: ${v}`));
    });

    it('gives the preview each series in the unit its author wrote: pg/mL through the molar mass, nM, or none', async () => {
        const written = (await parse(`metabolite Melatonin { initial 80 pg/mL  molar_mass 232.28 g/mol  clearance 0.1 /min }
precursor Serotonin { initial 500 nM  clearance 0.1 /min }
precursor Tryptophan { initial 50 uM }
metabolite Plain { supply 1 uM/min  clearance 1 /min }
scenario Run { simulate 10 min }
`, { documentUri: 'file:///display.cascade', validation: true })).uri.toString();
        const result = await simulations.runScenario({ uri: written, scenario: 'Run' });
        const display = Object.fromEntries(result.series.map(s => [s.name, s.display]));
        // 1 pg/mL of a 232.28 g/mol substance is 1e-9 g/L ÷ 232.28 g/mol = 4.305e-12 M, in µM ×1e6.
        const pgPerMl = 1e-9 / 232.28 * 1e6;
        assert.equal(display.Melatonin?.unit, 'pg/mL');
        assert.ok(Math.abs(display.Melatonin!.scale / pgPerMl - 1) < 1e-12, `pg/mL is ${display.Melatonin!.scale} µM`);
        const melatonin = result.series.find(s => s.name === 'Melatonin')!;
        assert.ok(Math.abs(melatonin.values[0] / display.Melatonin!.scale - 80) < 1e-9, 'the first value reads 80 pg/mL');
        assert.deepEqual(display.Serotonin, { unit: 'nM', scale: 1e-3 });
        assert.deepEqual(display.Tryptophan, { unit: 'uM', scale: 1 });
        assert.equal(display.Plain, undefined, 'no unit written: the preview picks a prefix');
        // The steady-state table carries the same units: Serotonin settles at 0 (no supply), shown in nM.
        assert.deepEqual(result.steadyState!.find(v => v.name === 'Serotonin')?.display, { unit: 'nM', scale: 1e-3 });
        assert.equal(result.steadyState!.find(v => v.name === 'Melatonin')?.display?.unit, 'pg/mL');
        assert.equal(result.steadyState!.find(v => v.name === 'Plain')?.display, undefined);
    });

    // A* = Km·s/(V − s) = 5·1/(3 − 1) = 2.5 uM, B* = s/k = 10 uM.
    const CHAIN = `precursor A { supply 1 uM/min }
metabolite B { clearance 0.1 /min }
enzyme E { converts A -> B  vmax 3 uM/min  km 5 uM }
scenario Base { simulate 60 min }
receptor R { binds B kd 2 uM hill 1.5 }
scan Occupancy {
    from Base
    vary B clearance from 0.01 /min to 10 /min in 25 steps log
    measure R.occupancy
    at steady
}
`;

    it('outlines the scans with their lines, for the ▶ Scan lens', async () => {
        const chain = (await parse(CHAIN, { documentUri: 'file:///chain-outline.cascade', validation: true })).uri.toString();
        assert.deepEqual((await simulations.outline(chain)).scans.map(s => [s.name, s.line]), [['Occupancy', 5]]);
    });

    it('analyses a steady state for the sensitivity and control views: coefficients, control, stability, network', async () => {
        const chain = (await parse(CHAIN, { documentUri: 'file:///chain-analysis.cascade', validation: true })).uri.toString();
        const result = await simulations.steadyAnalysis({ uri: chain });
        assert.equal(result.scenario, 'Base');
        const { quantities, parameters, coefficients } = result.sensitivities;
        const a = quantities.findIndex(q => q.name === 'A'), vmax = parameters.findIndex(p => p.name === 'E' && p.property === 'vmax');
        assert.ok(Math.abs(quantities[a].value - 2.5) < 1e-9);
        // A* = Km·s/(V − s): ∂ln A*/∂ln V = −V/(V − s) = −1.5.
        assert.ok(Math.abs(coefficients[a][vmax]! + 1.5) < 1e-9, `${coefficients[a][vmax]}`);
        // The supply sets every flux: the flux through E is controlled by A's supply alone.
        const flux = result.control.fluxControl;
        const row = flux.rows.indexOf('E');
        assert.ok(Math.abs(flux.values[row][flux.columns.indexOf('A.supply')]! - 1) < 1e-9);
        assert.ok(Math.abs(flux.values[row][flux.columns.indexOf('E')]!) < 1e-9);
        // Eigenvalues: −V·Km/(Km + A*)² for A and −0.1 /min for B: the slowest time scale is 10 min.
        assert.ok('eigenvalues' in result.stability && result.stability.stable);
        const lambda = result.stability.eigenvalues.map(e => e.re).sort((x, y) => x - y);
        assert.ok(Math.abs(lambda[0] + 3 * 5 / 7.5 ** 2) < 1e-9 && Math.abs(lambda[1] + 0.1) < 1e-9, `${lambda}`);
        assert.match(result.stabilitySummary, /^Stable: .*slowest time scale 10 min\.$/);
        assert.ok(result.network.nodes.some(n => n.id === 'E' && n.kind === 'process'));
    });

    it('runs a declared scan: the Hill fit of an occupancy against a clearance', async () => {
        const chain = (await parse(CHAIN, { documentUri: 'file:///chain-scan.cascade', validation: true })).uri.toString();
        const result = await simulations.runScan({ uri: chain, scan: 'Occupancy' });
        assert.equal(result.scan, 'Occupancy');
        assert.equal(result.vary[0].values.length, 25);
        // B* = s/k; occupancy B^1.5/(2^1.5 + B^1.5): half at B* = 2 uM, at k = s/2 = 0.5 /min; falling with k (an IC50).
        result.vary[0].values.forEach((k, i) => {
            const b = 1 / k;
            assert.ok(Math.abs((result.measures[0].values as number[])[i] - b ** 1.5 / (2 ** 1.5 + b ** 1.5)) < 1e-6);
        });
        const hill = result.measures[0].hill!;
        assert.ok(Math.abs(hill.ec50 - 0.5) < 1e-4 && Math.abs(hill.n - 1.5) < 1e-4 && hill.emax < 0, JSON.stringify(hill));
    });

    it('gives the scan view each axis in the unit its range was written in and each measure in its species\' unit', async () => {
        const written = (await parse(`modulator Cort { level 12 ug/dL  increases E activity max 100% ec50 20 ug/dL }
precursor A { supply 1 uM/min }
metabolite B { initial 0 nM  clearance 0.1 /min }
enzyme E { converts A -> B  vmax 3 uM/min  km 5 uM }
scenario Base { simulate 60 min }
scan Dose { from Base  vary Cort level from 0 ug/dL to 40 ug/dL in 5 steps  measure A, B }
`, { documentUri: 'file:///scan-units.cascade', validation: true })).uri.toString();
        const result = await simulations.runScan({ uri: written, scan: 'Dose' });
        // Values in base units (g/L; 1 ug/dL = 1e-5 g/L), the written unit beside them.
        assert.equal(result.vary[0].display?.unit, 'ug/dL');
        assert.ok(Math.abs(result.vary[0].display!.scale - 1e-5) < 1e-18 && Math.abs(result.vary[0].values[4] - 40e-5) < 1e-15);
        assert.deepEqual(result.measures.map(m => [m.name, m.display?.unit]), [['A', undefined], ['B', 'nM']]);
    });

    it('carries a concentration driven below zero to the preview and the editor as a warning', async () => {
        const empty = await parse('precursor A { initial 1 uM }\nmetabolite B { clearance 1 /min }\nreaction R { A -> B  rate 5 uM/min }\nscenario S { simulate 1 min }',
            { documentUri: 'file:///emptied.cascade', validation: true });
        const result = await simulations.runScenario({ uri: empty.uri.toString(), scenario: 'S' });
        assert.equal(result.warnings.length, 1);
        assert.match(result.warnings[0].message, /^A fell below zero at t = 0\.2 min/);
        // The simulator's own warning travels, with the species and the time (1 µM at 5 µM/min: t = 0.2 min).
        assert.equal(result.warnings[0].species, 'A');
        assert.ok(Math.abs((result.warnings[0].time as number) - 0.2) < 0.01, `fell below zero at ${result.warnings[0].time}`);
        // And on the scenario's keyword in the editor, until the text changes.
        const [diagnostic] = simulations.expects.diagnosticsFor(empty.uri.toString());
        assert.equal(diagnostic.code, 'negative-concentration');
        assert.deepEqual(diagnostic.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 8 } });
    });

    it('reports a broken expect as an expect-failed warning on its line, linked to the reference', async () => {
        linkReference(Cascade.documentation.ReferenceLinks);
        const result = await simulations.runScenario({ uri, scenario: 'Tight' });
        assert.deepEqual(result.expects.map(e => [e.passed, e.range?.start.line]), [[false, 10]]);
        // The simulator's verdict with its measured value: A settles at supply/clearance = 2 µM, outside 5–6 µM.
        assert.ok(Math.abs(result.expects[0].value! - 2) < 1e-6, `measured ${result.expects[0].value}`);
        const diagnostics = simulations.expects.diagnosticsFor(uri);
        assert.deepEqual(diagnostics.map(d => [d.code, d.range.start.line]), [[CODE_EXPECT_FAILED, 10]]);
        assert.match(String(diagnostics[0].message), /scenario Tight/);
        assert.match(diagnostics[0].codeDescription?.href ?? '', /docs\/reference\.md#L\d+$/);
    });

    it('replaces a scenario\'s expect warnings when it runs again', async () => {
        await simulations.runScenario({ uri, scenario: 'Tight' });
        await simulations.runScenario({ uri, scenario: 'Tight' });
        assert.equal(simulations.expects.diagnosticsFor(uri).length, 1);
    });

    it('runs a cascade: the response coefficient of A to its own supply is 1', async () => {
        const result = await simulations.runCascade({ uri, cascade: 'Up' });
        const response = result.perturbations[0].responses[0];
        assert.equal(response.name, 'A');
        assert.ok(Math.abs(response.coefficient! - 1) < 1e-6, String(response.coefficient));
        assert.ok(Math.abs(result.nodeResponses[0].Rex) > 0, 'receptor nodes are coloured too');
        assert.deepEqual(result.network.edges.filter(e => e.kind === 'binding').map(e => `${e.source}->${e.target}`), ['A->Rex', 'A->Rin']);
    });

    it('finds the model\'s own steady state', async () => {
        const result = await simulations.steadyState({ uri });
        assert.ok(result.converged);
        assert.ok(Math.abs(result.values.find(v => v.name === 'A')!.value - 2) < 1e-6);
        // dA/dt = 1 − 0.5·A: one eigenvalue −0.5 /min, so the slowest time scale is 2 min.
        assert.equal(result.stability, 'Stable: every eigenvalue has a negative real part; slowest time scale 2 min.');
    });

    it('runs a cascade: the exact local coefficient of A to its own supply is 1', async () => {
        const result = await simulations.runCascade({ uri, cascade: 'Up' });
        assert.ok(Math.abs(result.perturbations[0].responses[0].localCoefficient! - 1) < 1e-12);
    });

    it('names a scenario the model does not have', async () => {
        await assert.rejects(simulations.runScenario({ uri, scenario: 'Nope' }), /no scenario 'Nope'/);
    });

    it('refuses a scenario longer than the maximum simulated time', async () => {
        await assert.rejects(simulations.runScenario({ uri, scenario: 'Base', options: { maxSimulatedHours: 0.1 } }), /maximum simulated time/);
    });

    it('refuses a model with errors, naming the first', async () => {
        const broken = await parse('precursor A { initial 1 uM }\nscenario S { simulate 1 min observe Missing }', { documentUri: 'file:///broken.cascade', validation: true });
        await assert.rejects(simulations.runScenario({ uri: broken.uri.toString(), scenario: 'S' }), /error.*line 2.*Missing/s);
    });

    it('stops a run when its request is cancelled', async () => {
        const long = (await parse(LONG, { documentUri: 'file:///long.cascade', validation: true })).uri.toString();
        const source = new CancellationTokenSource();
        const started = performance.now();
        const run = simulations.runScenario({ uri: long, scenario: 'Long' }, { token: source.token });
        setTimeout(() => source.cancel(), 200);
        await assert.rejects(run, cancelled);
        assert.ok(performance.now() - started < 1500, 'the cancelled request answers at once');
        assert.equal((await simulations.runScenario({ uri, scenario: 'Base' })).scenario, 'Base', 'the next run works');
    });

    /** Gives the document new text, as an editor's change does, and rebuilds it. */
    async function edit(uri: URI, text: string): Promise<void> {
        shared.workspace.TextDocuments!.set(TextDocument.create(uri.toString(), 'cascade', ++versions, text));
        await shared.workspace.DocumentBuilder.update([uri], []);
    }
    let versions = 0;

    it('cancels a stale run when the document\'s text changes', async () => {
        const long = (await parse(LONG, { documentUri: 'file:///long2.cascade', validation: true })).uri;
        const run = simulations.runScenario({ uri: long.toString(), scenario: 'Long' });
        setTimeout(() => void edit(long, LONG.replace('simulate 2000 h', 'simulate 1000 h')), 200);
        await assert.rejects(run, cancelled);
    });

    it('runs the text the editor shows when asked right after an edit', async () => {
        const uri = (await parse(MODEL, { documentUri: 'file:///edited.cascade', validation: true })).uri;
        shared.workspace.TextDocuments!.set(TextDocument.create(uri.toString(), 'cascade', ++versions, MODEL.replace('supply 1 uM/min', 'supply 2 uM/min')));
        // As Langium's change handler does: the rebuild is queued, not started, when the request comes.
        void shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.update([uri], [], token));
        const result = await simulations.runScenario({ uri: uri.toString(), scenario: 'Base' }, { editorText: true });
        assert.ok(Math.abs(result.steadyState!.find(v => v.name === 'A')!.value - 4) < 1e-6, 'A settles at the edited supply/clearance = 4');
    });

    it('keeps a run going when the document is rebuilt with the same text (a save)', async () => {
        const medium = LONG.replace('simulate 2000 h step 100 h', 'simulate 100 h step 1 h');
        const uri = (await parse(medium, { documentUri: 'file:///medium.cascade', validation: true })).uri;
        const run = simulations.runScenario({ uri: uri.toString(), scenario: 'Long' });
        const rebuilt = new Promise<void>(resolve => setTimeout(() => void edit(uri, medium).then(resolve), 100));
        const result = await run;
        await rebuilt;
        assert.equal(result.scenario, 'Long');
        assert.ok(result.elapsedMs > 100, `the run was still going when the document was rebuilt (${result.elapsedMs} ms)`);
    });
});

describe('simulation worker pool', function () {
    this.timeout(30000);

    it('replaces a crashed worker and reports the lost run', async () => {
        const pool = new WorkerPool<SimulationJob, WorkerOutcome>({ script: new URL('./crashing-worker.js', import.meta.url) });
        const { shared, Cascade } = createCascadeServices(EmptyFileSystem);
        const simulations = new CascadeSimulations(shared, pool);
        const document = await parseHelper(Cascade)(MODEL, { documentUri: 'file:///crash.cascade', validation: true });
        const uri = document.uri.toString();
        try {
            await assert.rejects(pool.run({ task: 'scenario', source: modelSource(document, shared), name: 'crash', options: {} }), /worker stopped unexpectedly.*restarted/);
            assert.equal((await simulations.runScenario({ uri, scenario: 'Base' })).scenario, 'Base');
        } finally {
            simulations.dispose();
        }
    });
});
