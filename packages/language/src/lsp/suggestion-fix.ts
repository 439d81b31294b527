import type { LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { quickFix } from './quick-fix.js';

/** The replacement a diagnostic suggests: the keyword nearest a misspelt word (`enzme` → `enzyme`), `90%` for `inhibit E 90`. */
export function suggestionFix(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const suggestion = (diagnostic.data as { suggestion?: string } | undefined)?.suggestion;
    if (!suggestion) return [];
    return [quickFix(`Change to '${suggestion}'`, document, diagnostic, [{ range: diagnostic.range, newText: suggestion }], true)];
}
