import { CstUtils, type LangiumDocument, type LeafCstNode } from 'langium';
import type { Formatter } from 'langium/lsp';
import type {
    DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentRangeFormattingParams, Range, TextEdit
} from 'vscode-languageserver';
import { canonicalUnit, separator } from './canonical-layout.js';

/**
 * Rewrites the whitespace between tokens to the canonical layout (canonical-layout.ts) and
 * normalises the space before units. Only whitespace changes, so the re-parsed model is the
 * same; a file that does not parse is left alone rather than guessed at.
 */
export class CascadeFormatter implements Formatter {
    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): TextEdit[] {
        return layoutEdits(document);
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        return layoutEdits(document).filter(edit => within(edit.range, params.range));
    }

    formatDocumentOnType(): TextEdit[] {
        return [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }
}

/** The edits that turn the document into its canonical layout; none when it has syntax errors. */
export function layoutEdits(document: LangiumDocument): TextEdit[] {
    const { lexerErrors, parserErrors, value } = document.parseResult;
    if (lexerErrors.length > 0 || parserErrors.length > 0 || !value.$cstNode) return [];
    const text = document.textDocument.getText();
    const edits: TextEdit[] = [];
    const replace = (start: number, end: number, newText: string) => {
        if (text.slice(start, end) !== newText) {
            edits.push({ range: { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) }, newText });
        }
    };
    let previous: LeafCstNode | undefined;
    let depth = 0;
    for (const leaf of CstUtils.flattenCst(value.$cstNode)) {
        const start = previous?.end ?? 0;
        replace(start, leaf.offset, separator(previous, leaf, text.slice(start, leaf.offset), depth));
        if (leaf.tokenType.name === 'UNIT') replace(leaf.offset, leaf.end, canonicalUnit(leaf.text));
        if (!leaf.hidden && leaf.text === '{') depth++;
        if (!leaf.hidden && leaf.text === '}') depth--;
        previous = leaf;
    }
    replace(previous?.end ?? 0, text.length, previous ? '\n' : '');
    return edits;
}

function within(inner: Range, outer: Range): boolean {
    const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(outer.start, inner.start) && before(inner.end, outer.end);
}
