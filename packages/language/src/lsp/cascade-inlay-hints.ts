/**
 * Live-mode inlay hints: each species' steady-state value, in base units, after its
 * declared name. Computed in the simulation worker for the document version on screen;
 * a model without a steady state, with errors, or that reads the time (where the search
 * would cost a long run on every keystroke) shows no hints rather than stale ones.
 */
import { GrammarUtils, type LangiumDocument } from 'langium';
import type { InlayHintProvider, LangiumServices } from 'langium/lsp';
import type { CancellationToken, InlayHint, InlayHintParams } from 'vscode-languageserver';
import { isSpecies, type CascadeFile } from '../generated/ast.js';
import { simulationsFor } from '../simulation/cascade-simulations.js';
import { formatNumber } from '@neurocascade/simulator';

const UNIT_LABELS: Readonly<Record<string, string>> = { uM: 'µM', 'g/L': 'g/L', '1': '' };

export class CascadeInlayHintProvider implements InlayHintProvider {
    constructor(private readonly services: LangiumServices) {}

    async getInlayHints(document: LangiumDocument, params: InlayHintParams, token?: CancellationToken): Promise<InlayHint[]> {
        const shared = this.services.shared;
        if (shared.lsp.Connection && await shared.workspace.ConfigurationProvider.getConfiguration('cascade', 'liveMode') === false) return [];
        const { start, end } = params.range;
        const species = (document.parseResult.value as CascadeFile).declarations.filter(isSpecies)
            .map(node => ({ name: node.name, position: GrammarUtils.findNodeForProperty(node.$cstNode, 'name')?.range.end }))
            .filter(s => s.position && s.position.line >= start.line && s.position.line <= end.line);
        if (species.length === 0) return [];
        const steady = await simulationsFor(shared).steadyState({ uri: document.uri.toString(), skipTimeDependent: true }, { token }).catch(() => undefined);
        if (!steady?.converged) return [];
        const values = new Map(steady.values.map(v => [v.name, v]));
        return species.flatMap(({ name, position }) => {
            const value = values.get(name);
            if (!value) return [];
            const unit = UNIT_LABELS[value.unit] ?? value.unit;
            return [{
                position: position!,
                label: `≈ ${formatNumber(value.value)}${unit ? ` ${unit}` : ''}`,
                paddingLeft: true,
                tooltip: 'Steady state from the initial state (live mode)'
            }];
        });
    }
}
