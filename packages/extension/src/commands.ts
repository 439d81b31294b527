/**
 * The NeuroCascade commands. Each takes optional arguments (document URI, names, target
 * path) so code lenses and tests can drive it without dialogs, and returns what it produced.
 */
import * as vscode from 'vscode';
import { writeFileAtomic } from '@neurocascade/simulator/atomic-write';
import type { CascadeClient } from './language-client.js';
import type { PreviewManager } from './preview-manager.js';
import type { PreviewRequest } from './preview-panel.js';
import { WRITE_FITTED_VALUES_COMMAND, writeFittedValues } from './fitted-values.js';
import { basename, pickMany, pickOne, targetDocument } from './run-picker.js';
import { savePath } from './save-path.js';
import {
    cascadeCsv, controlCsv, fitCsv, morrisCsv, populationCsv, scanCsv, scenariosCsv, sensitivityCsv, sobolCsv, steadyStateCsv, timeCourseSensitivityCsv
} from './shared/csv.js';
import { pngBytes, type ExportFormat, type PreviewContent } from './shared/protocol.js';
import { mayRun } from './trust.js';

export const RUN_SCENARIO_COMMAND = 'neurocascade.runScenario';
export const RUN_CASCADE_COMMAND = 'neurocascade.runCascade';
export const RUN_SCAN_COMMAND = 'neurocascade.runScan';
export const RUN_FIT_COMMAND = 'neurocascade.runFit';
export const RUN_POPULATION_COMMAND = 'neurocascade.runPopulation';

export interface CommandServices {
    client: CascadeClient;
    previews: PreviewManager;
    output: vscode.LogOutputChannel;
}

export function registerCommands({ client, previews, output }: CommandServices): vscode.Disposable[] {
    const show = async (uri: vscode.Uri, request: PreviewRequest) => (await mayRun()) ? previews.open(uri).show(request) : undefined;
    /** Of the scenario named, else the only one, else the one the user picks (at its steady state, or along its run). */
    const showScenarioAnalysis = async (view: 'sensitivity' | 'control' | 'time-sensitivity', document: unknown, name: unknown) => {
        const uri = targetDocument(document);
        const scenario = typeof name === 'string' ? name : await pickOne(client, uri, 'scenarios');
        const content = scenario ? await show(uri, { view, scenario }) : undefined;
        return content?.view === view ? content.result : undefined;
    };
    /** A declaration's view: the one named, else the only one of its kind, else the one the user picks. */
    const showNamed = async (view: 'cascade' | 'scan' | 'fit' | 'population' | 'sobol' | 'morris', kind: 'cascades' | 'scans' | 'fits' | 'populations', document: unknown, name: unknown) => {
        const uri = targetDocument(document);
        const chosen = typeof name === 'string' ? name : await pickOne(client, uri, kind);
        const content = chosen ? await show(uri, { view, name: chosen }) : undefined;
        return content?.view === view ? content.result : undefined;
    };
    const commands: Record<string, (...args: unknown[]) => Promise<unknown>> = {
        [RUN_SCENARIO_COMMAND]: async (document, name) => {
            const uri = targetDocument(document);
            const scenario = typeof name === 'string' ? name : await pickOne(client, uri, 'scenarios');
            const content = scenario ? await show(uri, { view: 'scenarios', names: [scenario] }) : undefined;
            return content?.view === 'scenarios' ? content.results[0] : undefined;
        },
        [RUN_CASCADE_COMMAND]: (document, name) => showNamed('cascade', 'cascades', document, name),
        [RUN_SCAN_COMMAND]: (document, name) => showNamed('scan', 'scans', document, name),
        [RUN_POPULATION_COMMAND]: (document, name) => showNamed('population', 'populations', document, name),
        'neurocascade.runSobol': (document, name) => showNamed('sobol', 'populations', document, name),
        'neurocascade.runMorris': (document, name) => showNamed('morris', 'populations', document, name),
        'neurocascade.showSensitivities': (document, scenario) => showScenarioAnalysis('sensitivity', document, scenario),
        'neurocascade.showControlAnalysis': (document, scenario) => showScenarioAnalysis('control', document, scenario),
        'neurocascade.showTimeCourseSensitivities': (document, scenario) => showScenarioAnalysis('time-sensitivity', document, scenario),
        [RUN_FIT_COMMAND]: (document, name) => showNamed('fit', 'fits', document, name),
        [WRITE_FITTED_VALUES_COMMAND]: async (document, name) => {
            const uri = targetDocument(document);
            const fit = typeof name === 'string' ? name : await pickOne(client, uri, 'fits');
            return fit ? writeFittedValues(client, uri, fit) : undefined;
        },
        'neurocascade.openPreview': async document => {
            const uri = targetDocument(document);
            if (previews.find(uri)?.request) return previews.open(uri).content;
            const request = await previews.requestFor(uri);
            if (!request) throw new Error(`${basename(uri)} declares no scenario or cascade to preview.`);
            return show(uri, request);
        },
        'neurocascade.togglePreviewLock': async () => {
            const preview = previews.toggleLock();
            if (!preview) throw new Error('Open a preview first: there is no preview to lock.');
            return preview.locked;
        },
        'neurocascade.compareScenarios': async (document, names) => {
            const uri = targetDocument(document);
            const scenarios = Array.isArray(names) ? names.map(String) : await pickMany(client, uri);
            const content = scenarios?.length ? await show(uri, { view: 'scenarios', names: scenarios }) : undefined;
            return content?.view === 'scenarios' ? content.results : undefined;
        },
        'neurocascade.findSteadyState': async document => {
            const content = await show(targetDocument(document), { view: 'steady-state' });
            return content?.view === 'steady-state' ? content.result : undefined;
        },
        'neurocascade.exportCsv': async target => {
            const preview = previews.active;
            const content = preview?.content;
            if (!preview || !content) throw new Error('Run a scenario, cascade or steady state first: there are no results to export.');
            const path = await savePath(target, preview.documentUri, subjectOf(content), 'csv');
            if (path) await writeFileAtomic(path, csvOf(content));
            return path;
        },
        'neurocascade.exportSvg': target => exportPlot(previews, target, 'svg'),
        'neurocascade.exportPng': target => exportPlot(previews, target, 'png'),
        'neurocascade.importSbml': async (source, target) => (await import('./sbml-import.js')).importSbml(source, target),
        'neurocascade.restartServer': async () => {
            await client.restart();
            output.info('Language server restarted.');
        }
    };
    return Object.entries(commands).map(([id, run]) => vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
            return await run(...args);
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            output.error(`${id}: ${message}`);
            void vscode.window.showErrorMessage(message);
            return undefined;
        }
    }));
}

async function exportPlot(previews: PreviewManager, target: unknown, format: ExportFormat): Promise<string | undefined> {
    const preview = previews.active;
    if (!preview?.content) throw new Error('Open a preview with results first: there is no plot to export.');
    const path = await savePath(target, preview.documentUri, subjectOf(preview.content), format);
    if (!path) return undefined;
    const data = await preview.exportPlot(format);
    await writeFileAtomic(path, format === 'png' ? pngBytes(data) : data);
    return path;
}

function csvOf(content: PreviewContent): string {
    switch (content.view) {
        case 'scenarios': return scenariosCsv(content.results);
        case 'cascade': return cascadeCsv(content.result);
        case 'steady-state': return steadyStateCsv(content.result);
        case 'sensitivity': return sensitivityCsv(content.result);
        case 'control': return controlCsv(content.result);
        case 'scan': return scanCsv(content.result);
        case 'fit': return fitCsv(content.result);
        case 'population': return populationCsv(content.result);
        case 'sobol': return sobolCsv(content.result);
        case 'morris': return morrisCsv(content.result);
        case 'time-sensitivity': return timeCourseSensitivityCsv(content.result);
    }
}

/** What the file is named after: the scenarios, cascade, scan or fit shown. */
function subjectOf(content: PreviewContent): string {
    switch (content.view) {
        case 'scenarios': return content.results.map(r => r.scenario).join('-');
        case 'cascade': return content.result.cascade;
        case 'steady-state': return 'steady-state';
        case 'sensitivity':
        case 'control': return `${content.view}-${content.result.scenario}`;
        case 'scan': return content.result.scan;
        case 'fit': return content.result.fit;
        case 'population': return content.result.population;
        case 'sobol': return `${content.result.population}-sobol`;
        case 'morris': return `${content.result.population}-morris`;
        case 'time-sensitivity': return `time-sensitivity-${content.result.scenario}-${content.result.quantity}`;
    }
}
