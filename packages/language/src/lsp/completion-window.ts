import type { LangiumDocument } from 'langium';
import type { CascadeFile } from '../generated/ast.js';

/**
 * The stretch of text completion needs to read: from the start of the top-level element
 * (header, import, declaration) the cursor is in to the start of the next one. Top-level
 * elements are independent in the grammar, so lexing and parsing this window gives the
 * same next tokens as the whole prefix of the file, at a cost that does not grow with it.
 */
export function completionWindow(document: LangiumDocument, offset: number): { start: number; end: number } {
    const root = document.parseResult.value as CascadeFile;
    const starts = [root.header, ...root.imports ?? [], ...root.declarations ?? []]
        .flatMap(node => (node?.$cstNode ? [node.$cstNode.offset] : []));
    let low = 0;
    let high = starts.length;
    // The first element starting after the offset.
    while (low < high) {
        const middle = (low + high) >> 1;
        if (starts[middle] <= offset) low = middle + 1;
        else high = middle;
    }
    // The element that starts at the offset may be the one being typed: keep the one before too.
    const start = low > 0 && starts[low - 1] < offset ? starts[low - 1] : low > 1 ? starts[low - 2] : 0;
    return { start, end: low < starts.length ? starts[low] : document.textDocument.getText().length };
}
