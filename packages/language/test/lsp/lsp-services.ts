import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { clearDocuments, parseHelper } from 'langium/test';
import { URI } from 'vscode-uri';
import { createCascadeServices } from '../../src/cascade-module.js';
import type { CascadeFile } from '../../src/generated/ast.js';

/** One set of Cascade services over an in-memory file system, shared by the LSP tests. */
export const { shared, Cascade } = createCascadeServices(EmptyFileSystem);

const parse = parseHelper<CascadeFile>(Cascade);

/**
 * Parses, links and (unless told not to) validates `text` as the file at `uri`, replacing an
 * earlier one, so imports between test files resolve.
 */
export async function documentAt(uri: string, text: string, validation = true): Promise<LangiumDocument<CascadeFile>> {
    const documents = shared.workspace.LangiumDocuments;
    if (documents.hasDocument(URI.parse(uri))) await clearDocuments(shared, [documents.getDocument(URI.parse(uri))!]);
    return parse(text, { documentUri: uri, validation });
}

/** The text with `<|>` removed and the offset where it stood. */
export function cursor(text: string): { text: string; offset: number } {
    const offset = text.indexOf('<|>');
    return { text: text.replace('<|>', ''), offset };
}
