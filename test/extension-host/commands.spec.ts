import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type {
    CascadeRunResult, FitRunResult, MorrisRunResult, PopulationRunResult, ScanRunResult, ScenarioRunResult, SobolRunResult, SteadyAnalysisResult, SteadyStateResult,
    TimeCourseSensitivityResult
} from '../../packages/language/src/simulation/simulation-protocol.js';
import { cascadeExtension, nonEmpty, openCascade, positionAfter, until, workspaceUri } from './workspace-helpers.js';

const minutesPer: Record<string, number> = { min: 1, h: 60, d: 1440 };

/** What the fixture's text declares, so the expectations follow the file rather than copies of it. */
function declared(text: string, block: string, statement: string): string {
    const body = new RegExp(`${block}\\s*(?:"[^"]*")?\\s*{([^}]*)}`).exec(text)?.[1];
    const value = body && new RegExp(`^\\s*${statement}\\s+(.+)$`, 'm').exec(body)?.[1];
    if (!value) throw new Error(`the fixture has no '${statement}' in '${block}'`);
    return value.replace(/\/\/.*/, '').trim();
}
const names = (list: string) => list.split(',').map((name) => name.trim());

function assertScenarioRun(result: ScenarioRunResult | undefined, text: string, scenario: string): void {
    assert.ok(result, `running ${scenario} returned nothing (see the NeuroCascade output channel)`);
    assert.equal(result.scenario, scenario);
    assert.deepEqual(result.series.map((s) => s.name), names(declared(text, 'scenario Baseline', 'observe')));
    const [duration, unit] = declared(text, 'scenario Baseline', 'simulate').split(/\s+/);
    assert.equal(result.time[0], 0);
    assert.ok(Math.abs(result.time.at(-1)! - Number(duration) * minutesPer[unit]) < 1e-6, `the run ends at ${result.time.at(-1)} min`);
    for (const series of result.series) {
        assert.equal(series.values.length, result.time.length, `${series.name} has a value at every output time`);
        assert.ok(series.values.every(Number.isFinite), `${series.name} is finite`);
    }
}

describe('NeuroCascade commands', () => {
    let document: vscode.TextDocument;
    let text: string;
    const exported = (extension: string) => workspaceUri(`exported.${extension}`).fsPath;

    before(async () => {
        document = (await openCascade('raphe.cascade')).document;
        text = document.getText();
        await until('the NeuroCascade extension to activate', () => cascadeExtension().isActive || undefined);
    });

    it('Run Scenario returns every observed series over the simulated time', async () => {
        const result = await vscode.commands.executeCommand<ScenarioRunResult>('neurocascade.runScenario', document.uri, 'Baseline');
        assertScenarioRun(result, text, 'Baseline');
    });

    it('Run Cascade returns the response of every measured quantity to every perturbation', async () => {
        const result = await vscode.commands.executeCommand<CascadeRunResult>('neurocascade.runCascade', document.uri, 'TryptophanLoading');
        assert.ok(result, 'running the cascade returned nothing (see the NeuroCascade output channel)');
        const measured = names(declared(text, 'cascade TryptophanLoading', 'measure'));
        assert.equal(result.perturbations.length, text.match(/^\s*perturb\s/gm)?.length);
        const responses = result.perturbations[0].responses;
        assert.deepEqual(responses.map((r) => r.name), measured);
        assert.ok(responses.every((r) => Number.isFinite(r.change)));
        // Every measured quantity is non-zero at base here, so each has a coefficient.
        const serotonin = responses.find((r) => r.name === 'Serotonin')!;
        assert.ok(serotonin.coefficient !== null && serotonin.coefficient > 0, `more tryptophan supply raises serotonin (coefficient ${serotonin.coefficient})`);
    });

    it('Export Results as CSV writes the shown run to the file', async () => {
        const run = await vscode.commands.executeCommand<ScenarioRunResult>('neurocascade.runScenario', document.uri, 'Baseline');
        assertScenarioRun(run, text, 'Baseline');
        const path = await vscode.commands.executeCommand<string>('neurocascade.exportCsv', exported('csv'));
        assert.equal(path, exported('csv'));
        const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
        assert.equal(lines.length, run.time.length + 1, 'a header and one row per output time');
        for (const series of run.series) assert.ok(lines[0].includes(series.name), `the header names ${series.name}: ${lines[0]}`);
    });

    it('executes every NeuroCascade command', async () => {
        // One invocation with arguments per command (arguments spare the dialogs), checked by what it
        // returns or writes; in this order the exports have a steady state, then a plot, to export.
        const invocations: Record<string, { args: () => unknown[]; check: (result: unknown) => void | Promise<void>; returnsNothing?: true }> = {
            'neurocascade.findSteadyState': {
                args: () => [document.uri],
                check: (r) => {
                    const result = r as SteadyStateResult;
                    assert.ok(result.converged, result.message);
                    assert.ok(result.values.some((v) => v.name === 'Serotonin' && v.value > 0));
                },
            },
            'neurocascade.exportCsv': { args: () => [exported('steady.csv')], check: () => assert.match(readFileSync(exported('steady.csv'), 'utf8'), /Serotonin/) },
            'neurocascade.openPreview': { args: () => [document.uri], check: (r) => assert.ok(r, 'the preview shows results') },
            'neurocascade.runCascade': { args: () => [document.uri, 'TryptophanLoading'], check: (r) => assert.ok((r as CascadeRunResult).perturbations.length > 0) },
            'neurocascade.runScenario': { args: () => [document.uri, 'Baseline'], check: (r) => assertScenarioRun(r as ScenarioRunResult, text, 'Baseline') },
            'neurocascade.compareScenarios': {
                args: () => [document.uri, ['Baseline', 'SSRI']],
                check: (r) => assert.deepEqual((r as ScenarioRunResult[]).map((run) => run.scenario), ['Baseline', 'SSRI']),
            },
            'neurocascade.runScan': {
                args: () => [document.uri, 'TryptophanDose'],
                check: (r) => {
                    const scan = r as ScanRunResult;
                    assert.equal(scan.vary[0].values.length, 9);
                    // More tryptophan supply, more serotonin: a dose–response with a positive Emax.
                    assert.ok(scan.measures[0].hill && scan.measures[0].hill.emax > 0, JSON.stringify(scan.measures[0].hill));
                },
            },
            'neurocascade.showSensitivities': {
                args: () => [document.uri, 'SSRI'],
                check: (r) => {
                    const result = r as SteadyAnalysisResult;
                    const i = result.sensitivities.quantities.findIndex((q) => q.name === 'Serotonin');
                    const supply = result.sensitivities.parameters.findIndex((p) => p.name === 'Tryptophan' && p.property === 'supply');
                    assert.ok(i >= 0 && supply >= 0 && result.sensitivities.coefficients[i][supply]! > 0, 'serotonin rises with the tryptophan supply');
                },
            },
            'neurocascade.showControlAnalysis': {
                args: () => [document.uri, 'Baseline'],
                check: (r) => {
                    const flux = (r as SteadyAnalysisResult).control.fluxControl;
                    // The summation theorem: each flux's control coefficients add up to 1.
                    for (const row of flux.values) assert.ok(Math.abs(row.reduce((sum: number, v) => sum + (v ?? 0), 0) - 1) < 1e-6, JSON.stringify(row));
                },
            },
            'neurocascade.togglePreviewLock': {
                args: () => [],
                check: async (r) => {
                    assert.equal(r, true, 'the active preview is locked on its document');
                    assert.equal(await vscode.commands.executeCommand('neurocascade.togglePreviewLock'), false, 'and unlocked again');
                },
            },
            'neurocascade.exportSvg': { args: () => [exported('svg')], check: () => assert.match(readFileSync(exported('svg'), 'utf8'), /<svg[\s>]/) },
            'neurocascade.exportPng': {
                args: () => [exported('png')],
                check: () => assert.deepEqual([...readFileSync(exported('png')).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]),
            },
            // calibration.cascade's data come from supply 2 uM/min and clearance 0.5 /min (5 % noise).
            'neurocascade.runFit': {
                args: () => [workspaceUri('calibration.cascade'), 'Kinetics'],
                check: (r) => {
                    const fit = r as FitRunResult;
                    const truth: Record<string, number> = { supply: 2, clearance: 0.5 };
                    assert.deepEqual(fit.estimates.map((e) => e.property), ['supply', 'clearance']);
                    for (const e of fit.estimates) {
                        const [lo, hi] = e.interval;
                        assert.ok(lo <= truth[e.property] && truth[e.property] <= hi, `${e.property}: ${truth[e.property]} within [${lo}, ${hi}]`);
                    }
                },
            },
            'neurocascade.writeFittedValues': {
                args: () => [workspaceUri('calibration.cascade'), 'Kinetics'],
                check: async () => {
                    const written = (await vscode.workspace.openTextDocument(workspaceUri('calibration.cascade'))).getText();
                    const supply = Number(/supply ([0-9.]+) uM\/min/.exec(written)?.[1]);
                    assert.ok(Math.abs(supply - 2) < 0.2, `the fitted supply is written into the model: ${supply}`);
                },
            },
            'neurocascade.runPopulation': {
                args: () => [workspaceUri('calibration.cascade'), 'Spread'],
                check: (r) => {
                    const population = r as PopulationRunResult;
                    assert.equal(population.size, 64);
                    const bands = population.quantities.find((q) => q.name === 'A')!.percentiles;
                    const last = population.time.length - 1;
                    assert.ok(bands['5'][last]! < bands['50'][last]! && bands['50'][last]! < bands['95'][last]!, 'the bands spread around the median');
                },
            },
            'neurocascade.runSobol': {
                args: () => [workspaceUri('calibration.cascade'), 'Spread'],
                check: (r) => {
                    const { indices } = r as SobolRunResult;
                    const supply = indices.find((i) => i.parameter === 'A.supply')!;
                    // A(10 min) scales with the supply: its 30 % spread dominates the clearance's 10 %.
                    assert.ok(supply.first! > 0.5, JSON.stringify(indices));
                },
            },
            'neurocascade.runMorris': {
                args: () => [workspaceUri('calibration.cascade'), 'Spread'],
                check: (r) => {
                    const { effects, quantities } = r as MorrisRunResult;
                    assert.deepEqual(quantities, [{ name: 'A', unit: 'uM' }]);
                    const muStar = (parameter: string) => effects.find((e) => e.parameter === parameter)!.muStar!;
                    // The same reason: the supply's elementary effects on A(10 min) are the larger.
                    assert.ok(muStar('A.supply') > muStar('A.clearance') && muStar('A.clearance') > 0, JSON.stringify(effects));
                },
            },
            'neurocascade.showTimeCourseSensitivities': {
                args: () => [workspaceUri('calibration.cascade'), 'Rise'],
                check: (r) => {
                    const result = r as TimeCourseSensitivityResult;
                    assert.equal(result.quantity, 'A');
                    // A' = s − kA from 0: A = (s/k)(1 − e^(−kt)) is proportional to s, (dA/A)/(ds/s) = 1 at every time after 0.
                    const supply = result.parameters.find((p) => p.name === 'A' && p.property === 'supply')!;
                    assert.ok(supply.coefficients.slice(1).every((c) => Math.abs(c! - 1) < 1e-6), JSON.stringify(supply.coefficients));
                },
            },
            'neurocascade.importSbml': {
                args: () => [workspaceUri('decay.xml'), workspaceUri('decay.cascade')],
                check: (r) => {
                    assert.equal(r, workspaceUri('decay.cascade').fsPath);
                    assert.match(readFileSync(r as string, 'utf8'), /\bS1\b[\s\S]*\bS2\b/);
                },
            },
            'neurocascade.restartServer': {
                args: () => [],
                returnsNothing: true,
                check: async () => {
                    const position = positionAfter(document, 'Serotonin', 'binds ');
                    await until('completion from the restarted server', async () => nonEmpty(
                        (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position)).items));
                },
            },
        };
        const contributed: string[] = cascadeExtension().packageJSON.contributes.commands.map((c: { command: string }) => c.command);
        assert.deepEqual([...contributed].sort(), Object.keys(invocations).sort(), 'every contributed command has an invocation here');
        const registered = await vscode.commands.getCommands(true);
        for (const id of Object.keys(invocations)) {
            assert.ok(registered.includes(id), `${id} is registered`);
            const { args, check, returnsNothing } = invocations[id];
            const result = await vscode.commands.executeCommand(id, ...args());
            // The extension's commands report a failure in a message and return undefined.
            assert.ok(returnsNothing || result !== undefined, `${id} returned nothing: it failed (see the NeuroCascade output channel)`);
            await check(result);
        }
    });
});
