/**
 * One preview of a Cascade document: runs what it shows (scenarios, a cascade or the steady
 * state) through the language server, posts the results to its webview once the webview is
 * ready, and re-runs on demand or in live mode, cancelling a stale run. It may move to another
 * document (`follow`) in the same webview, and keeps its document and request in the webview's
 * state so that `PreviewSerializer` brings it back after a reload.
 */
import * as vscode from 'vscode';
import { writeFileAtomic } from '@neurocascade/simulator/atomic-write';
import type { CascadeClient } from './language-client.js';
import type { RunStatus } from './status-bar.js';
import { liveMode, simulationOptions } from './settings.js';
import { createNonce } from './shared/csp.js';
import {
    parseFromWebview, parseModelError, pngBytes, type ExportFormat, type FromWebview, type PreviewContent, type PreviewRequest, type ToWebview
} from './shared/protocol.js';
import { previewSources } from './preview-sources.js';
import { savePath } from './save-path.js';
import { basename } from './run-picker.js';
import { WRITE_FITTED_VALUES_COMMAND } from './fitted-values.js';
import { MEMBER_CURVES } from './shared/population-chart.js';
import { mayRun } from './trust.js';
import { previewHtml } from './webview-html.js';

export type { PreviewRequest } from './shared/protocol.js';

/** The webview panels of previews: the serializer restores panels of this type after a reload. */
export const PREVIEW_VIEW_TYPE = 'neurocascade.preview';

export interface PreviewServices {
    client: CascadeClient;
    status: RunStatus;
    output: vscode.LogOutputChannel;
    extensionUri: vscode.Uri;
}

/** The server cancelled the request (LSP RequestCancelled): an edit or a newer run superseded it. */
const REQUEST_CANCELLED = -32800;

export class PreviewPanel implements vscode.Disposable {
    request?: PreviewRequest;
    content?: PreviewContent;
    private readonly ready: Promise<void>;
    private markReady!: () => void;
    private run?: vscode.CancellationTokenSource;
    private disposed = false;
    private readonly waiters: ((message: FromWebview) => boolean)[] = [];

    /** A new preview beside the editor. */
    static create(documentUri: vscode.Uri, services: PreviewServices, locked = false): PreviewPanel {
        const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, '',
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
            { ...webviewOptions(services), retainContextWhenHidden: true });
        return new PreviewPanel(panel, documentUri, services, locked);
    }

    /** Takes over a panel: a new one, or one VS Code restored after a reload. */
    constructor(readonly panel: vscode.WebviewPanel, public documentUri: vscode.Uri, private readonly services: PreviewServices, private lockedTo = false) {
        const webviewRoot = vscode.Uri.joinPath(services.extensionUri, 'dist', 'webview');
        panel.webview.options = webviewOptions(services);
        this.setTitle();
        this.ready = new Promise(resolve => { this.markReady = resolve; });
        this.panel.webview.onDidReceiveMessage(message => this.receive(parseFromWebview(message)));
        this.panel.onDidDispose(() => {
            this.disposed = true;
            this.run?.cancel();
            this.markReady();
        });
        const webview = this.panel.webview;
        const nonce = createNonce(bytes => crypto.getRandomValues(bytes));
        webview.html = previewHtml({
            cspSource: webview.cspSource, nonce, ...previewSources(webviewRoot),
            layoutModule: webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'elk.js')).toString()
        });
        this.remember();
    }

    /** Locked: stays on its document instead of following the active editor. */
    get locked(): boolean {
        return this.lockedTo;
    }

    set locked(locked: boolean) {
        this.lockedTo = locked;
        this.setTitle();
        this.remember();
    }

    /** Moves to another document in the same webview; what it showed of the last one is dropped. */
    follow(documentUri: vscode.Uri): void {
        if (documentUri.toString() === this.documentUri.toString()) return;
        this.run?.cancel();
        this.documentUri = documentUri;
        this.request = undefined;
        this.content = undefined;
        this.setTitle();
        this.remember();
    }

    /** Shows something new and runs it; resolves with what was shown (undefined when superseded). */
    show(request: PreviewRequest): Promise<PreviewContent | undefined> {
        this.request = request;
        this.remember();
        return this.refresh();
    }

    /**
     * Runs the current request again; a run still going is cancelled. Failures are shown in the
     * preview and thrown; a `live` re-run (after an edit) keeps the last results on screen.
     */
    async refresh(live = false): Promise<PreviewContent | undefined> {
        const request = this.request;
        if (!request) return undefined;
        this.run?.cancel();
        const run = new vscode.CancellationTokenSource();
        this.run = run;
        const label = describe(request);
        this.services.status.running(label);
        void this.post({ type: 'running', label });
        try {
            const content = await this.compute(request, run.token);
            if (run.token.isCancellationRequested) return undefined;
            this.content = content;
            void vscode.commands.executeCommand('setContext', 'neurocascade.hasResults', true);
            this.services.status.succeeded(label, elapsedMs(content));
            this.services.output.info(`${label}: ${elapsedMs(content)} ms`);
            await this.post({ type: 'show', content });
            return content;
        } catch (error) {
            if (run.token.isCancellationRequested) return undefined;
            const message = error instanceof Error ? error.message : String(error);
            if ((error as { code?: number }).code === REQUEST_CANCELLED) {
                // The server dropped the run because an edit made it stale: in live mode a re-run follows.
                if (liveMode(this.documentUri)) return undefined;
                this.services.status.cancelled(label, message);
                void this.post({ type: 'error', message: `${label} was cancelled: ${message}`, live: this.content !== undefined });
                return undefined;
            }
            this.services.status.failed(label, message);
            this.services.output.error(`${label}: ${message}`);
            const modelError = parseModelError((error as { data?: unknown }).data);
            // A model with an error keeps the last results on screen, greyed, whatever started the run.
            const keep = (live || modelError !== undefined) && this.content !== undefined;
            void this.post({ type: 'error', message, live: keep, ...(modelError ? { modelError } : {}) });
            throw error;
        } finally {
            if (this.run === run) this.run = undefined;
            run.dispose();
        }
    }

    /** Says in the preview why it shows nothing of its document (what is on screen is another document's, greyed). */
    explain(message: string): void {
        void this.post({ type: 'error', message, live: false });
    }

    /** Resolves with the next message from the webview of one of these types. */
    next<T extends FromWebview['type']>(...types: T[]): Promise<Extract<FromWebview, { type: T }>> {
        return new Promise(resolve => this.waiters.push(message => {
            if (!types.includes(message.type as T)) return false;
            resolve(message as Extract<FromWebview, { type: T }>);
            return true;
        }));
    }

    /** The plot as the webview draws it (SVG text or a PNG data URL). */
    async exportPlot(format: ExportFormat): Promise<string> {
        if (this.disposed) throw new Error('The preview was closed.');
        const reply = this.next('exported', 'export-failed');
        await this.post({ type: 'export', format });
        const message = await reply;
        if (message.type === 'export-failed') throw new Error(message.message);
        return message.data;
    }

    private async compute(request: PreviewRequest, token: vscode.CancellationToken): Promise<PreviewContent> {
        const client = this.services.client;
        const base = { uri: this.documentUri.toString(), options: simulationOptions(this.documentUri) };
        switch (request.view) {
            case 'scenarios':
                return { view: 'scenarios', results: await Promise.all(request.names.map(scenario => client.request('cascade/runScenario', { ...base, scenario }, token))) };
            case 'cascade':
                return { view: 'cascade', result: await client.request('cascade/runCascade', { ...base, cascade: request.name }, token) };
            case 'steady-state':
                return { view: 'steady-state', result: await client.request('cascade/steadyState', base, token) };
            case 'sensitivity':
            case 'control':
                return { view: request.view, result: await client.request('cascade/steadyAnalysis', { ...base, scenario: request.scenario }, token) };
            case 'scan':
                return { view: 'scan', result: await client.request('cascade/runScan', { ...base, scan: request.name }, token) };
            case 'fit':
                return { view: 'fit', result: await client.request('cascade/runFit', { ...base, fit: request.name }, token) };
            case 'population': {
                const params = { ...base, population: request.name, ...(request.members ? { members: MEMBER_CURVES } : {}) };
                return { view: 'population', result: await client.request('cascade/runPopulation', params, token) };
            }
            case 'sobol':
                return { view: 'sobol', result: await client.request('cascade/runSobol', { ...base, population: request.name }, token) };
            case 'morris':
                return { view: 'morris', result: await client.request('cascade/runMorris', { ...base, population: request.name }, token) };
            case 'time-sensitivity':
                return { view: 'time-sensitivity', result: await client.request('cascade/timeCourseSensitivities', { ...base, scenario: request.scenario, quantity: request.quantity }, token) };
        }
    }

    private setTitle(): void {
        this.panel.title = `${this.lockedTo ? '[Preview] ' : 'Preview '}${basename(this.documentUri)}`;
    }

    /** Posts the document and request for the webview to keep as its state. */
    private remember(): void {
        void this.post({ type: 'remember', state: { documentUri: this.documentUri.toString(), request: this.request, locked: this.lockedTo } });
    }

    private async post(message: ToWebview): Promise<void> {
        await this.ready;
        if (!this.disposed) await this.panel.webview.postMessage(message);
    }

    private receive(message: FromWebview | undefined): void {
        if (!message) return;
        if (message.type === 'ready') this.markReady();
        if (message.type === 'log') this.services.output.warn(`preview: ${message.message}`);
        if (message.type === 'save') void this.save(message);
        if (message.type === 'write-fitted' && this.content?.view === 'fit') {
            void vscode.commands.executeCommand(WRITE_FITTED_VALUES_COMMAND, this.documentUri, this.content.result.fit);
        }
        // The button is in a preview that already ran this population or scenario; an untrusted workspace still asks.
        if (message.type === 'switch') void mayRun().then(allowed => (allowed ? this.show(message.request) : undefined)).catch(() => undefined);
        for (const waiter of this.waiters.splice(0)) {
            if (!waiter(message)) this.waiters.push(waiter);
        }
    }

    /** One chart's export button: saved where the user picks. */
    private async save(message: Extract<FromWebview, { type: 'save' }>): Promise<void> {
        try {
            const path = await savePath(undefined, this.documentUri, message.name, message.format);
            if (path) await writeFileAtomic(path, message.format === 'png' ? pngBytes(message.data) : message.data);
        } catch (error) {
            const text = error instanceof Error ? error.message : String(error);
            this.services.output.error(`Saving ${message.name}.${message.format}: ${text}`);
            void vscode.window.showErrorMessage(text);
        }
    }

    dispose(): void {
        this.panel.dispose();
    }
}

export function describe(request: PreviewRequest): string {
    switch (request.view) {
        case 'scenarios': return request.names.length === 1 ? `Scenario ${request.names[0]}` : `Compare ${request.names.join(', ')}`;
        case 'cascade': return `Cascade ${request.name}`;
        case 'steady-state': return 'Steady state';
        case 'sensitivity': return `Sensitivities${request.scenario ? ` of ${request.scenario}` : ''}`;
        case 'control': return `Control analysis${request.scenario ? ` of ${request.scenario}` : ''}`;
        case 'scan': return `Scan ${request.name}`;
        case 'fit': return `Fit ${request.name}`;
        case 'population': return `Population ${request.name}`;
        case 'sobol': return `Sobol indices of ${request.name}`;
        case 'morris': return `Morris screening of ${request.name}`;
        case 'time-sensitivity': return `Time-course sensitivities${request.scenario ? ` of ${request.scenario}` : ''}`;
    }
}

function webviewOptions(services: PreviewServices): vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(services.extensionUri, 'dist', 'webview')] };
}

function elapsedMs(content: PreviewContent): number {
    return content.view === 'scenarios' ? Math.max(...content.results.map(r => r.elapsedMs)) : content.result.elapsedMs;
}
