/**
 * Live-mode inlay hints: each species' steady-state value, in base units, after its
 * declared name, and (setting `cascade.controlHints`, off by default) after each process's
 * name the step with the largest flux control coefficient over its flux. Computed in the
 * simulation worker for the document version on screen; a model without a steady state, with
 * errors, or that reads the time (where the search would cost a long run on every keystroke)
 * shows no hints rather than stale ones.
 */
import { GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { InlayHintProvider, LangiumServices } from 'langium/lsp';
import type { CancellationToken, InlayHint, InlayHintParams, Position } from 'vscode-languageserver';
import { isEnzyme, isReaction, isRelease, isSpecies, isTransporter, type CascadeFile } from '../generated/ast.js';
import { simulationsFor } from '../simulation/cascade-simulations.js';
import type { SteadyAnalysisResult, SteadyStateResult } from '../simulation/simulation-protocol.js';
import { formatNumber } from '@neurocascade/simulator';

const UNIT_LABELS: ReadonlyMap<string, string> = new Map([['uM', 'µM'], ['g/L', 'g/L'], ['1', '']]);

/**
 * How long a request waits for a steady state still being computed. Past it, the request is
 * answered with what is ready (nothing for this text yet) and the client is asked to request
 * the hints again once the worker has the values: a request never holds the workspace (and the
 * diagnostics of the next edit) for a long search.
 */
const READY_WAIT_MS = 100;

/**
 * The longest the worker searches for a hint's steady state or analysis (docs/reference.md#steady-state):
 * the server has one simulation worker, and a preview asked for meanwhile waits behind the search.
 */
const SEARCH_BUDGET_MS = 10_000;

/** Per document, a result for one parse tree: computed, or being computed. */
type ResultCache<T> = Map<string, { tree: AstNode; result?: T; pending?: Promise<T | undefined> }>;

export class CascadeInlayHintProvider implements InlayHintProvider {
    private readonly steadyStates: ResultCache<SteadyStateResult> = new Map();
    private readonly analyses: ResultCache<SteadyAnalysisResult> = new Map();

    constructor(private readonly services: LangiumServices) {}

    async getInlayHints(document: LangiumDocument, params: InlayHintParams, token?: CancellationToken): Promise<InlayHint[]> {
        const configuration = this.services.shared.workspace.ConfigurationProvider;
        if (this.services.shared.lsp.Connection && await configuration.getConfiguration('cascade', 'liveMode') === false) return [];
        const inRange = (node: AstNode & { name: string }) => {
            const position = GrammarUtils.findNodeForProperty(node.$cstNode, 'name')?.range.end;
            return position && position.line >= params.range.start.line && position.line <= params.range.end.line ? [{ name: node.name, position }] : [];
        };
        const declarations = (document.parseResult.value as CascadeFile).declarations;
        // Settings come from a client; without one (tests, other hosts) the configuration is never ready.
        const processes = this.services.shared.lsp.Connection && await configuration.getConfiguration('cascade', 'controlHints') === true
            ? declarations.filter(d => isEnzyme(d) || isTransporter(d) || isRelease(d) || isReaction(d)).flatMap(inRange) : [];
        const [steadyHints, controlHints] = await Promise.all([
            this.steadyStateHints(document, declarations.filter(isSpecies).flatMap(inRange), token),
            this.controlHints(document, processes, token)
        ]);
        return [...steadyHints, ...controlHints];
    }

    private async steadyStateHints(document: LangiumDocument, species: { name: string; position: Position }[], token?: CancellationToken): Promise<InlayHint[]> {
        if (species.length === 0) return [];
        const steady = await this.whenReady(this.steadyStates, document, uri => simulationsFor(this.services.shared).steadyState({ uri, skipTimeDependent: true }, { budgetMs: SEARCH_BUDGET_MS }), token);
        if (!steady?.converged) return [];
        const values = new Map(steady.values.map(v => [v.name, v]));
        return species.flatMap(({ name, position }) => {
            const value = values.get(name);
            if (!value) return [];
            const unit = UNIT_LABELS.get(value.unit) ?? value.unit;
            return [{
                position,
                label: `≈ ${formatNumber(value.value)}${unit ? ` ${unit}` : ''}`,
                paddingLeft: true,
                tooltip: 'Steady state from the initial state (live mode)'
            }];
        });
    }

    /** After each process: the step whose activity controls its flux most, Cᴶₖ at the first scenario's steady state (docs/analysis.md). */
    private async controlHints(document: LangiumDocument, processes: { name: string; position: Position }[], token?: CancellationToken): Promise<InlayHint[]> {
        if (processes.length === 0) return [];
        const analysis = await this.whenReady(this.analyses, document, uri => simulationsFor(this.services.shared).steadyAnalysis({ uri }, { budgetMs: SEARCH_BUDGET_MS }), token);
        if (!analysis) return [];
        const flux = analysis.control.fluxControl;
        return processes.flatMap(({ name, position }) => {
            const row = flux.values[flux.rows.indexOf(name)];
            const top = row?.reduce<number | undefined>((best, v, k) => v !== null && (best === undefined || Math.abs(v) > Math.abs(row[best]!)) ? k : best, undefined);
            if (top === undefined) return [];
            return [{
                position,
                label: `Cᴶ ${flux.columns[top]} ${formatNumber(row[top]!)}`,
                paddingLeft: true,
                tooltip: `The largest flux control coefficient of ${name}'s flux at the steady state of ${analysis.scenario}: ${flux.columns[top]} (its activity +1 % moves the flux by ${formatNumber(row[top]!)} %)`
            }];
        });
    }

    /**
     * A result for the document's current text: known, or awaited for READY_WAIT_MS and
     * otherwise left to finish in the worker, which then asks the client to refresh. Without a
     * client connection (tests, other hosts) there is no one to ask, so it is awaited.
     */
    private async whenReady<T>(cache: ResultCache<T>, document: LangiumDocument, compute: (uri: string) => Promise<T>, token?: CancellationToken): Promise<T | undefined> {
        const uri = document.uri.toString();
        const tree = document.parseResult.value;
        let entry = cache.get(uri);
        if (entry?.tree !== tree) {
            const created: NonNullable<typeof entry> = { tree };
            created.pending = compute(uri)
                .catch(() => undefined)
                .then(result => {
                    created.result = result;
                    created.pending = undefined;
                    return result;
                });
            cache.set(uri, entry = created);
        }
        if (!entry.pending) return entry.result;
        const connection = this.services.shared.lsp.Connection;
        if (!connection) return entry.pending;
        const pending = entry.pending;
        const ready = await Promise.race([pending, delay(READY_WAIT_MS, token).then((): typeof NOT_READY => NOT_READY)]);
        if (ready !== NOT_READY) return ready;
        void pending.then(() => {
            if (cache.get(uri) === entry) connection.languages.inlayHint.refresh().catch(() => undefined);
        });
        return undefined;
    }
}

const NOT_READY = Symbol('not ready');

/** Resolves after `ms`, or at once when `token` is cancelled. */
function delay(ms: number, token?: CancellationToken): Promise<void> {
    return new Promise(resolve => {
        const timer = setTimeout(resolve, ms);
        token?.onCancellationRequested(() => {
            clearTimeout(timer);
            resolve();
        });
    });
}
