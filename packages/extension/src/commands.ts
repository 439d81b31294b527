/**
 * The NeuroCascade commands. Each takes optional arguments (document URI, names, target
 * path) so code lenses and tests can drive it without dialogs, and returns what it produced.
 */
import * as vscode from 'vscode';
import { writeFileAtomic } from '@neurocascade/language/atomic-write';
import type { CascadeClient } from './language-client.js';
import type { PreviewManager } from './preview-manager.js';
import type { PreviewRequest } from './preview-panel.js';
import { WRITE_FITTED_VALUES_COMMAND, writeFittedValues } from './fitted-values.js';
import { basename, pickMany, pickOne, targetDocument } from './run-picker.js';
import { cascadeCsv, fitCsv, scenariosCsv, steadyStateCsv } from './shared/csv.js';
import { pngBytes, type ExportFormat, type PreviewContent } from './shared/protocol.js';
import { mayRun } from './trust.js';

export const RUN_SCENARIO_COMMAND = 'neurocascade.runScenario';
export const RUN_CASCADE_COMMAND = 'neurocascade.runCascade';
export const RUN_FIT_COMMAND = 'neurocascade.runFit';

export interface CommandServices {
    client: CascadeClient;
    previews: PreviewManager;
    output: vscode.LogOutputChannel;
}

export function registerCommands({ client, previews, output }: CommandServices): vscode.Disposable[] {
    const show = async (uri: vscode.Uri, request: PreviewRequest) => (await mayRun()) ? previews.open(uri).show(request) : undefined;
    const commands: Record<string, (...args: unknown[]) => Promise<unknown>> = {
        [RUN_SCENARIO_COMMAND]: async (document, name) => {
            const uri = targetDocument(document);
            const scenario = typeof name === 'string' ? name : await pickOne(client, uri, 'scenarios');
            const content = scenario ? await show(uri, { view: 'scenarios', names: [scenario] }) : undefined;
            return content?.view === 'scenarios' ? content.results[0] : undefined;
        },
        [RUN_CASCADE_COMMAND]: async (document, name) => {
            const uri = targetDocument(document);
            const cascade = typeof name === 'string' ? name : await pickOne(client, uri, 'cascades');
            const content = cascade ? await show(uri, { view: 'cascade', name: cascade }) : undefined;
            return content?.view === 'cascade' ? content.result : undefined;
        },
        [RUN_FIT_COMMAND]: async (document, name) => {
            const uri = targetDocument(document);
            const fit = typeof name === 'string' ? name : await pickOne(client, uri, 'fits');
            const content = fit ? await show(uri, { view: 'fit', name: fit }) : undefined;
            return content?.view === 'fit' ? content.result : undefined;
        },
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
            const path = await savePath(target, preview.documentUri, content, 'csv');
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
    const path = await savePath(target, preview.documentUri, preview.content, format);
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
        case 'fit': return fitCsv(content.result);
    }
}

/** The target path given as an argument, else one the user picks in a save dialog. */
async function savePath(target: unknown, document: vscode.Uri, content: PreviewContent, extension: string): Promise<string | undefined> {
    if (typeof target === 'string') return target;
    if (target instanceof vscode.Uri) return target.fsPath;
    const stem = basename(document).replace(/\.cascade$/, '');
    const subject = content.view === 'scenarios' ? content.results.map(r => r.scenario).join('-')
        : content.view === 'cascade' ? content.result.cascade : content.view === 'fit' ? content.result.fit : 'steady-state';
    const folder = document.scheme === 'file' ? vscode.Uri.joinPath(document, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
    const picked = await vscode.window.showSaveDialog({
        defaultUri: folder && vscode.Uri.joinPath(folder, `${stem}-${subject}.${extension}`),
        filters: { [extension.toUpperCase()]: [extension] }
    });
    return picked?.fsPath;
}
