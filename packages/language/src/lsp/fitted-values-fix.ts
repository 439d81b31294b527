/**
 * "Write fitted values into the model": offered inside a fit block once the fit has run in the
 * editor (docs/analysis.md#fitting-in-the-editor); the edits are `cascade fit --write`'s.
 */
import type { LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver';
import { isFit, type CascadeFile } from '../generated/ast.js';
import type { LastFits } from '../simulation/last-fits.js';
import { WRITE_FITTED_VALUES_TITLE } from '../simulation/simulation-protocol.js';
import { fittedValueEdits } from '../workspace/fitted-values.js';

export function fittedValuesFix(document: LangiumDocument, range: Range, lastFits: LastFits): CodeAction[] {
    const uri = document.uri.toString();
    const offset = document.textDocument.offsetAt(range.start);
    const fit = (document.parseResult.value as CascadeFile).declarations.filter(isFit)
        .find(f => f.$cstNode && f.$cstNode.offset <= offset && offset <= f.$cstNode.end);
    const values = fit && lastFits.valuesOf(uri, fit.name);
    if (!fit || !values) return [];
    const { edits, skipped } = fittedValueEdits(document, values);
    if (edits.length === 0) return [];
    const at = (offset: number) => document.textDocument.positionAt(offset);
    return [{
        title: `${WRITE_FITTED_VALUES_TITLE} (${fit.name}: ${edits.map(e => `${e.label} = ${e.text}`).reverse().join(', ')}${skipped.length ? `; not written: ${skipped.map(s => s.label).join(', ')}` : ''})`,
        kind: CodeActionKind.QuickFix,
        isPreferred: true,
        edit: { changes: { [uri]: edits.map(e => ({ range: { start: at(e.offset), end: at(e.end) }, newText: e.text })) } }
    }];
}
