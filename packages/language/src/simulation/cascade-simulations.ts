/**
 * The simulation service behind the custom requests and the inlay hints: waits for the
 * document to be validated and hands its model (or, for a long one, its texts) to the worker
 * pool. An edit of a document cancels the runs that read it; a rebuild of the same text (a
 * save) does not.
 */
import { DocumentState, OperationCancelled, URI, type AstNode, type DocumentBuilder, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken } from 'vscode-languageserver';
import { WorkerPool } from '@neurocascade/simulator';
import { isCascade, isFit, isPopulation, isScan, isScenario, type CascadeFile } from '../generated/ast.js';
import { ExpectDiagnostics } from './expect-diagnostics.js';
import { LastFits } from './last-fits.js';
import { modelSource } from './model-lowering.js';
import type {
    CascadeRunResult, FitRunResult, MorrisRunResult, OutlineEntry, OutlineResult, PopulationRunResult, RunCascadeParams, RunFitParams, RunPopulationParams,
    RunScanParams, RunScenarioParams, ScanRunResult, ScenarioRunResult, SimulationOptions, SobolRunResult, SteadyAnalysisParams, SteadyAnalysisResult,
    SteadyStateParams, SteadyStateResult, TimeCourseSensitivityParams, TimeCourseSensitivityResult
} from './simulation-protocol.js';
import type { SimulationJob, SimulationTask, WorkerOutcome } from './worker-protocol.js';

export interface RunHooks {
    token?: CancellationToken;
    onProgress?(fraction: number): void;
    /**
     * Wait until the server has built the text the editor shows: a run asked for right after an
     * edit would otherwise read the text before it. Not from inside a request Langium runs under
     * its workspace lock (inlay hints): the build waits for such requests to finish.
     */
    editorText?: boolean;
    /** Time budget of the run in the worker (ms): past it the run fails (reason `timeout`) and frees the worker. */
    budgetMs?: number;
}

export class CascadeSimulations {
    readonly expects: ExpectDiagnostics;
    readonly lastFits: LastFits;
    /** Per document, the tree its latest runs read: a new tree means the text changed under them. */
    private readonly runTrees = new Map<string, AstNode>();

    constructor(
        private readonly shared: LangiumSharedServices,
        readonly pool = new WorkerPool<SimulationJob, WorkerOutcome>({ script: new URL('./simulation-worker.js', import.meta.url) })
    ) {
        this.expects = new ExpectDiagnostics(shared);
        this.lastFits = new LastFits(shared);
        const builder = shared.workspace.DocumentBuilder;
        builder.onUpdate((_changed, deleted) => deleted.forEach(uri => this.cancelRuns(uri.toString(), 'The document was deleted.')));
        // Langium parses again only when the text differs, so a saved file keeps its tree and its runs.
        builder.onDocumentPhase(DocumentState.Parsed, document => {
            const uri = document.uri.toString();
            const read = this.runTrees.get(uri);
            if (read && read !== document.parseResult.value) this.cancelRuns(uri, 'The document changed.');
        });
    }

    private cancelRuns(uri: string, reason: string): void {
        this.runTrees.delete(uri);
        this.pool.cancelGroup(uri, reason);
    }

    async outline(uri: string, token?: CancellationToken): Promise<OutlineResult> {
        const document = await this.document(uri, DocumentState.Parsed, token);
        const file = document.parseResult.value as CascadeFile;
        const entry = (node: { name: string; title?: string; $cstNode?: { range: { start: { line: number } } } }): OutlineEntry =>
            ({ name: node.name, title: node.title && unquote(node.title), line: node.$cstNode?.range.start.line ?? 0 });
        return {
            scenarios: file.declarations.filter(isScenario).map(entry),
            cascades: file.declarations.filter(isCascade).map(entry),
            scans: file.declarations.filter(isScan).map(entry),
            fits: file.declarations.filter(isFit).map(entry),
            populations: file.declarations.filter(isPopulation).map(entry)
        };
    }

    async runScenario(params: RunScenarioParams, hooks: RunHooks = {}): Promise<ScenarioRunResult> {
        const result = await this.run('scenario', params, params.scenario, hooks) as ScenarioRunResult;
        this.expects.record(params.scenario, result.expects, result.warnings);
        return result;
    }

    async runCascade(params: RunCascadeParams, hooks: RunHooks = {}): Promise<CascadeRunResult> {
        return await this.run('cascade', params, params.cascade, hooks) as CascadeRunResult;
    }

    async steadyState(params: SteadyStateParams, hooks: RunHooks = {}): Promise<SteadyStateResult> {
        return await this.run('steady-state', params, params.scenario, hooks) as SteadyStateResult;
    }

    async steadyAnalysis(params: SteadyAnalysisParams, hooks: RunHooks = {}): Promise<SteadyAnalysisResult> {
        return await this.run('steady-analysis', params, params.scenario, hooks) as SteadyAnalysisResult;
    }

    async runScan(params: RunScanParams, hooks: RunHooks = {}): Promise<ScanRunResult> {
        return await this.run('scan', params, params.scan, hooks) as ScanRunResult;
    }

    /** A fit, remembered for the quick fix that writes its values into the text. */
    async runFit(params: RunFitParams, hooks: RunHooks = {}): Promise<FitRunResult> {
        const result = await this.run('fit', params, params.fit, hooks) as FitRunResult;
        this.lastFits.record(params.uri, result);
        return result;
    }

    async runPopulation(params: RunPopulationParams, hooks: RunHooks = {}): Promise<PopulationRunResult> {
        return await this.run('population', params, params.population, hooks) as PopulationRunResult;
    }

    async runSobol(params: RunPopulationParams, hooks: RunHooks = {}): Promise<SobolRunResult> {
        return await this.run('sobol', params, params.population, hooks) as SobolRunResult;
    }

    async runMorris(params: RunPopulationParams, hooks: RunHooks = {}): Promise<MorrisRunResult> {
        return await this.run('morris', params, params.population, hooks) as MorrisRunResult;
    }

    async timeCourseSensitivities(params: TimeCourseSensitivityParams, hooks: RunHooks = {}): Promise<TimeCourseSensitivityResult> {
        return await this.run('time-course-sensitivity', params, params.scenario, hooks) as TimeCourseSensitivityResult;
    }

    dispose(): void {
        this.pool.dispose();
    }

    private async run(
        task: SimulationTask,
        params: RunScenarioParams | RunCascadeParams | SteadyStateParams | SteadyAnalysisParams | RunScanParams | RunFitParams | RunPopulationParams | TimeCourseSensitivityParams,
        name: string | undefined, hooks: RunHooks
    ) {
        const started = performance.now();
        const document = await this.document(params.uri, DocumentState.Validated, hooks.token);
        if (hooks.editorText) await this.editorTextBuilt(document, hooks.token);
        this.runTrees.set(params.uri, document.parseResult.value);
        const outcome: WorkerOutcome = await this.pool.run(
            {
                task, source: modelSource(document, this.shared), name, options: params.options ?? await this.configuredOptions(),
                skipTimeDependent: 'skipTimeDependent' in params ? params.skipTimeDependent : undefined,
                members: 'members' in params ? params.members : undefined,
                quantity: 'quantity' in params ? params.quantity : undefined
            },
            { key: `${task}:${params.uri}:${name ?? ''}`, group: params.uri, signal: abortSignal(hooks.token), timeoutMs: hooks.budgetMs, onProgress: hooks.onProgress });
        return { ...outcome, uri: params.uri, elapsedMs: Math.round(performance.now() - started) };
    }

    /** The user's `cascade.*` settings, for requests that bring no options (inlay hints, other clients). */
    async configuredOptions(): Promise<SimulationOptions> {
        if (!this.shared.lsp.Connection) return {};
        const setting = (key: string) => this.shared.workspace.ConfigurationProvider.getConfiguration('cascade', key);
        return { method: await setting('method'), rtol: await setting('rtol'), atol: await setting('atol'), maxSimulatedHours: await setting('maxSimulatedTime') };
    }

    /** The document at `state`; one just opened may not be in the workspace yet, so it is added first. */
    private async document(uri: string, state: DocumentState, token?: CancellationToken): Promise<LangiumDocument> {
        const parsed = URI.parse(uri);
        const workspace = this.shared.workspace;
        // A server waits for its workspace to load; without a client there is none to wait for.
        if (this.shared.lsp.Connection) await workspace.WorkspaceManager.ready;
        if (!workspace.LangiumDocuments.hasDocument(parsed)) {
            if (!workspace.TextDocuments?.get(uri)) throw new Error(`The document ${uri} is not open in the language server.`);
            await workspace.LangiumDocuments.getOrCreateDocument(parsed);
        }
        await workspace.DocumentBuilder.waitUntil(state, parsed, token);
        return workspace.LangiumDocuments.getDocument(parsed)!;
    }

    /** Waits while the editor's text for the document differs from the text the server built (an edit not built yet). */
    private async editorTextBuilt(document: LangiumDocument, token?: CancellationToken): Promise<void> {
        const workspace = this.shared.workspace;
        const editor = workspace.TextDocuments?.get(document.uri.toString());
        // A rebuild replaces the document's parse result in place.
        while (editor && document.parseResult.value.$cstNode?.root.fullText !== editor.getText()) {
            await nextBuildPhase(workspace.DocumentBuilder, DocumentState.Parsed, token);
        }
        await workspace.DocumentBuilder.waitUntil(DocumentState.Validated, document.uri, token);
    }
}

function abortSignal(token: CancellationToken | undefined): AbortSignal | undefined {
    if (!token) return undefined;
    const controller = new AbortController();
    if (token.isCancellationRequested) controller.abort();
    else token.onCancellationRequested(() => controller.abort());
    return controller.signal;
}

/** Resolves at the next build phase `state` of any document, or rejects when `token` is cancelled. */
function nextBuildPhase(builder: DocumentBuilder, state: DocumentState, token?: CancellationToken): Promise<void> {
    return new Promise((resolve, reject) => {
        const subscriptions = [
            builder.onBuildPhase(state, () => finish(resolve)),
            token?.onCancellationRequested(() => finish(() => reject(OperationCancelled)))
        ];
        const finish = (settle: () => void) => {
            subscriptions.forEach(subscription => subscription?.dispose());
            settle();
        };
    });
}

function unquote(title: string): string {
    return title.startsWith('"') ? JSON.parse(title) as string : title;
}

const services = new WeakMap<LangiumSharedServices, CascadeSimulations>();

/** One simulation service per language server (shared by the requests and the inlay hints). */
export function simulationsFor(shared: LangiumSharedServices): CascadeSimulations {
    let found = services.get(shared);
    if (!found) {
        found = new CascadeSimulations(shared);
        services.set(shared, found);
    }
    return found;
}
