/**
 * The preview webview's entry: finds the page's sections, shows what the extension posts,
 * answers export requests, and says `ready` once it can receive messages.
 */
import type { FromWebview, PreviewContent, PreviewState, ToWebview } from '../shared/protocol.js';
import { describeModelError } from '../shared/model-error.js';
import { AnalysisView } from './analysis-view.js';
import { CascadeView } from './cascade-view.js';
import { FitView } from './fit-view.js';
import { NetworkLayouts } from './network-drawing.js';
import { PopulationView } from './population-view.js';
import { renderExpects, renderSteadyState, renderWarnings } from './result-tables.js';
import { ScanView } from './scan-view.js';
import { currentTheme, onThemeChange } from './theme.js';
import { TimeCourseView } from './time-course-view.js';
import { TimeSensitivityView } from './time-sensitivity-view.js';

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void; setState(state: PreviewState): void };

const vscode = acquireVsCodeApi();
const byId = <T extends Element = HTMLElement>(id: string) => document.getElementById(id) as unknown as T;
const page = {
    title: byId('title'), status: byId('status'), error: byId('error'),
    scenarioView: byId('scenario-view'), cascadeView: byId('cascade-view'), analysisView: byId('analysis-view'), scanView: byId('scan-view'), fitView: byId('fit-view'),
    populationView: byId('population-view'), timeSensitivityView: byId('time-sensitivity-view'),
    warnings: byId('warnings'), expects: byId('expects'), steadyState: byId<HTMLTableElement>('steady-state'), steadyStateMessage: byId('steady-state-message')
};
let theme = currentTheme();
const post = (message: FromWebview) => vscode.postMessage(message);
const layouts = new NetworkLayouts(document.body.dataset.layoutModule!);
const timeCourse = new TimeCourseView({
    legend: byId('legend'), timeCourse: byId('time-course'), resetZoom: byId<HTMLButtonElement>('reset-zoom')
}, () => theme, post);
const cascade = new CascadeView({
    perturbation: byId<HTMLSelectElement>('perturbation'), responses: byId('responses'), network: byId<SVGSVGElement>('network'), networkExport: byId('network-export')
}, () => theme, layouts, post);
const analysis = new AnalysisView({
    sensitivityPart: byId('sensitivity-part'), quantity: byId<HTMLSelectElement>('sensitivity-quantity'), overTime: byId<HTMLButtonElement>('sensitivity-over-time'),
    tornado: byId('tornado'),
    controlPart: byId('control-part'), matrix: byId<HTMLSelectElement>('control-matrix'), heatmap: byId('control-heatmap'),
    flux: byId<HTMLSelectElement>('control-flux'), network: byId<SVGSVGElement>('control-network'), networkExport: byId('control-network-export'),
    stability: byId('stability'), eigenvalues: byId<HTMLTableElement>('eigenvalues')
}, () => theme, layouts, post);
const scan = new ScanView({ plots: byId('scan-plots'), errors: byId('scan-errors') }, () => theme, post);
const fit = new FitView({
    summary: byId('fit-summary'), charts: byId('fit-charts'), residuals: byId('fit-residuals'),
    estimates: byId<HTMLTableElement>('fit-estimates'), write: byId<HTMLButtonElement>('write-fitted')
}, () => theme, () => post({ type: 'write-fitted' }));
const population = new PopulationView({
    summary: byId('population-summary'), plots: byId('population-plots'), switches: byId('population-switches'),
    members: byId<HTMLInputElement>('population-members'), membersChoice: byId('population-members-choice'), membersLabel: byId('population-members-label')
}, () => theme, post);
const timeSensitivity = new TimeSensitivityView({
    quantity: byId<HTMLSelectElement>('time-sensitivity-quantity'), choice: byId('time-sensitivity-choice'), plot: byId('time-sensitivity-plot')
}, () => theme, post);
let shown: PreviewContent | undefined;

function setState(state: 'running' | 'ready' | 'error' | 'stale', status: string, detail = ''): void {
    document.body.dataset.state = state;
    page.status.dataset.state = state;
    page.status.textContent = status;
    page.status.title = detail;
}

async function show(content: PreviewContent): Promise<void> {
    shown = content;
    page.error.hidden = true;
    document.body.dataset.view = content.view;
    page.scenarioView.hidden = content.view !== 'scenarios' && content.view !== 'steady-state';
    page.cascadeView.hidden = content.view !== 'cascade';
    page.analysisView.hidden = content.view !== 'sensitivity' && content.view !== 'control';
    page.scanView.hidden = content.view !== 'scan';
    page.fitView.hidden = content.view !== 'fit';
    page.populationView.hidden = content.view !== 'population' && content.view !== 'sobol' && content.view !== 'morris';
    page.timeSensitivityView.hidden = content.view !== 'time-sensitivity';
    for (const id of ['legend', 'time-course', 'reset-zoom']) byId(id).hidden = content.view !== 'scenarios';
    let series = 0;
    if (content.view === 'scenarios') {
        const results = content.results;
        page.title.textContent = results.map(r => r.title ? `${r.scenario} — ${r.title}` : r.scenario).join(' vs ');
        series = timeCourse.show(results);
        renderExpects(page.expects, results.flatMap(r => r.expects));
        const prefix = (scenario: string, name: string) => results.length > 1 ? `${scenario}: ${name}` : name;
        renderWarnings(page.warnings, results.flatMap(r => r.warnings.map(warning => prefix(r.scenario, warning.message))));
        renderSteadyState(page.steadyState, page.steadyStateMessage, results.map(r => ({ scenario: r.scenario, values: r.steadyState ?? [] })),
            results.map(r => (r.steadyStateMessage ?? r.steadyStateStability) && prefix(r.scenario, (r.steadyStateMessage ?? r.steadyStateStability)!))
                .filter(Boolean).join('\n') || undefined);
        setState('ready', `${results.map(r => `${r.elapsedMs} ms`).join(', ')}`);
    } else if (content.view === 'steady-state') {
        const result = content.result;
        page.title.textContent = 'Steady state';
        renderExpects(page.expects, []);
        renderWarnings(page.warnings, []);
        renderSteadyState(page.steadyState, page.steadyStateMessage, [{ scenario: result.scenario ?? 'initial state', values: result.values }],
            result.converged ? result.stability : result.message ?? 'No steady state was found.');
        series = result.values.length;
        setState('ready', `${result.elapsedMs} ms`);
    } else if (content.view === 'fit') {
        const result = content.result;
        page.title.textContent = result.title ? `Fit ${result.fit} — ${result.title}` : `Fit ${result.fit}`;
        series = fit.show(result);
        setState('ready', `${result.elapsedMs} ms`);
    } else if (content.view === 'cascade') {
        const result = content.result;
        page.title.textContent = result.title ? `${result.cascade} — ${result.title}` : result.cascade;
        series = await cascade.show(result);
        setState('ready', `${result.elapsedMs} ms`);
    } else if (content.view === 'scan') {
        const result = content.result;
        page.title.textContent = result.title ? `${result.scan} — ${result.title}` : `Scan ${result.scan}`;
        series = scan.show(result);
        setState('ready', `${result.elapsedMs} ms`);
    } else if (content.view === 'population') {
        page.title.textContent = `Population ${content.result.population}`;
        series = population.showPopulation(content.result);
        setState('ready', `${content.result.elapsedMs} ms`);
    } else if (content.view === 'sobol') {
        page.title.textContent = `Sobol indices of ${content.result.population}`;
        series = population.showSobol(content.result);
        setState('ready', `${content.result.elapsedMs} ms`);
    } else if (content.view === 'morris') {
        page.title.textContent = `Morris screening of ${content.result.population}`;
        series = population.showMorris(content.result);
        setState('ready', `${content.result.elapsedMs} ms`);
    } else if (content.view === 'time-sensitivity') {
        page.title.textContent = `Time-course sensitivities of ${content.result.quantity} along ${content.result.scenario}`;
        series = timeSensitivity.show(content.result);
        setState('ready', `${content.result.elapsedMs} ms`);
    } else {
        const result = content.result;
        page.title.textContent = `${content.view === 'sensitivity' ? 'Sensitivities' : 'Control analysis'} at the steady state of ${result.scenario}`;
        series = await analysis.show(content.view, result);
        setState('ready', `${result.elapsedMs} ms`);
    }
    // A User Timing mark, so a profiler (and the editor benchmark) can see when results were drawn.
    performance.mark('neurocascade:rendered', { detail: { view: content.view } });
    vscode.postMessage({ type: 'rendered', view: content.view, series });
}

/** The time course; in the cascade view the network; in the fit view its charts; else the view's first chart. */
async function exportPlot(format: 'svg' | 'png'): Promise<void> {
    try {
        if (!shown || shown.view === 'steady-state') throw new Error('There is no plot to export in this view.');
        const plot = shown.view === 'cascade' ? cascade : shown.view === 'scan' ? scan : shown.view === 'scenarios' ? timeCourse : shown.view === 'fit' ? fit
            : shown.view === 'population' || shown.view === 'sobol' || shown.view === 'morris' ? population
                : shown.view === 'time-sensitivity' ? timeSensitivity : analysis;
        vscode.postMessage({ type: 'exported', format, data: format === 'svg' ? plot.svg() : await plot.png() });
    } catch (error) {
        vscode.postMessage({ type: 'export-failed', message: error instanceof Error ? error.message : String(error) });
    }
}

window.addEventListener('message', event => {
    const message = event.data as ToWebview;
    switch (message.type) {
        case 'running': setState('running', `${message.label}…`); break;
        case 'show':
            performance.mark('neurocascade:received');
            show(message.content).catch(report);
            break;
        case 'error':
            if (message.live) {
                // The last good results stay, greyed; the status says why they are not updated.
                const why = message.modelError ? describeModelError(message.modelError) : 'the edit does not run';
                setState('stale', `not updated: ${why}`, message.message);
                break;
            }
            page.error.textContent = message.modelError ? `Not run: ${describeModelError(message.modelError)}` : message.message;
            page.error.hidden = false;
            setState('error', 'failed');
            break;
        case 'export': void exportPlot(message.format); break;
        case 'remember': vscode.setState(message.state); break;
    }
});

function report(error: unknown): void {
    vscode.postMessage({ type: 'log', message: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
}

window.addEventListener('error', event => report(event.error ?? event.message));
onThemeChange(() => {
    theme = currentTheme();
    if (shown) void show(shown);
});
// Marks for a profiler: when the script was ready, when results arrived (with `neurocascade:rendered`, when they were drawn).
performance.mark('neurocascade:ready');
vscode.postMessage({ type: 'ready' });
