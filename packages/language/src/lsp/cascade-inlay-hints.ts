/**
 * Live-mode inlay hints: each species' steady-state value, in base units, after its
 * declared name. Computed in the simulation worker for the document version on screen;
 * a model without a steady state, with errors, or that reads the time (where the search
 * would cost a long run on every keystroke) shows no hints rather than stale ones.
 */
import { GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { InlayHintProvider, LangiumServices } from 'langium/lsp';
import type { CancellationToken, InlayHint, InlayHintParams } from 'vscode-languageserver';
import { isSpecies, type CascadeFile } from '../generated/ast.js';
import { simulationsFor } from '../simulation/cascade-simulations.js';
import type { SteadyStateResult } from '../simulation/simulation-protocol.js';
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
 * The longest the worker searches for the hints' steady state (docs/reference.md#steady-state):
 * the server has one simulation worker, and a preview asked for meanwhile waits behind the search.
 */
const SEARCH_BUDGET_MS = 10_000;

export class CascadeInlayHintProvider implements InlayHintProvider {
    /** Per document, the steady state of one parse tree: computed, or being computed. */
    private readonly steadyStates = new Map<string, { tree: AstNode; result?: SteadyStateResult; pending?: Promise<SteadyStateResult | undefined> }>();

    constructor(private readonly services: LangiumServices) {}

    async getInlayHints(document: LangiumDocument, params: InlayHintParams, token?: CancellationToken): Promise<InlayHint[]> {
        const shared = this.services.shared;
        if (shared.lsp.Connection && await shared.workspace.ConfigurationProvider.getConfiguration('cascade', 'liveMode') === false) return [];
        const { start, end } = params.range;
        const species = (document.parseResult.value as CascadeFile).declarations.filter(isSpecies)
            .map(node => ({ name: node.name, position: GrammarUtils.findNodeForProperty(node.$cstNode, 'name')?.range.end }))
            .filter(s => s.position && s.position.line >= start.line && s.position.line <= end.line);
        if (species.length === 0) return [];
        const steady = await this.steadyState(document, token);
        if (!steady?.converged) return [];
        const values = new Map(steady.values.map(v => [v.name, v]));
        return species.flatMap(({ name, position }) => {
            const value = values.get(name);
            if (!value) return [];
            const unit = UNIT_LABELS.get(value.unit) ?? value.unit;
            return [{
                position: position!,
                label: `≈ ${formatNumber(value.value)}${unit ? ` ${unit}` : ''}`,
                paddingLeft: true,
                tooltip: 'Steady state from the initial state (live mode)'
            }];
        });
    }

    /**
     * The steady state of the document's current text: known, or awaited for READY_WAIT_MS and
     * otherwise left to finish in the worker, which then asks the client to refresh. Without a
     * client connection (tests, other hosts) there is no one to ask, so it is awaited.
     */
    private async steadyState(document: LangiumDocument, token?: CancellationToken): Promise<SteadyStateResult | undefined> {
        const uri = document.uri.toString();
        const tree = document.parseResult.value;
        let entry = this.steadyStates.get(uri);
        if (entry?.tree !== tree) {
            const created: NonNullable<typeof entry> = { tree };
            created.pending = simulationsFor(this.services.shared).steadyState({ uri, skipTimeDependent: true }, { budgetMs: SEARCH_BUDGET_MS })
                .catch(() => undefined)
                .then(result => {
                    created.result = result;
                    created.pending = undefined;
                    return result;
                });
            this.steadyStates.set(uri, entry = created);
        }
        if (!entry.pending) return entry.result;
        const connection = this.services.shared.lsp.Connection;
        if (!connection) return entry.pending;
        const pending = entry.pending;
        const ready = await Promise.race([pending, delay(READY_WAIT_MS, token).then((): typeof NOT_READY => NOT_READY)]);
        if (ready !== NOT_READY) return ready;
        void pending.then(() => {
            if (this.steadyStates.get(uri) === entry) connection.languages.inlayHint.refresh().catch(() => undefined);
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
