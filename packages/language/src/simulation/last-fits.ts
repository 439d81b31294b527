/**
 * The fitted values of each document's fits from their last run in the editor, for the quick
 * fix "Write fitted values into the model" (docs/analysis.md#fitting-in-the-editor). They stay
 * after edits (the edits are computed on the text of the moment) until the document is deleted.
 */
import type { LangiumSharedServices } from 'langium/lsp';
import type { FittedValue } from '../workspace/fitted-values.js';
import type { FitRunResult } from './simulation-protocol.js';

export class LastFits {
    private readonly byDocument = new Map<string, Map<string, FittedValue[]>>();

    constructor(shared: LangiumSharedServices) {
        shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => deleted.forEach(uri => this.byDocument.delete(uri.toString())));
    }

    record(uri: string, result: Pick<FitRunResult, 'fit' | 'estimates'>): void {
        const fits = this.byDocument.get(uri) ?? new Map<string, FittedValue[]>();
        fits.set(result.fit, result.estimates.map(e => ({ name: e.name, property: e.property, ...(e.substrate && { substrate: e.substrate }), value: e.value, unit: e.unit })));
        this.byDocument.set(uri, fits);
    }

    valuesOf(uri: string, fit: string): readonly FittedValue[] | undefined {
        return this.byDocument.get(uri)?.get(fit);
    }
}
