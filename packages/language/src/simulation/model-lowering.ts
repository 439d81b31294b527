/**
 * The model a run of a validated document hands to the simulation worker, refusing a model
 * whose files have errors (the message names the first one). A short model is lowered here,
 * which costs less than parsing it again; a long one goes as the texts of the document and
 * its imports, which the worker parses and lowers itself, so that no run holds the server's
 * main thread for long (lowering takes about 1.5 ms per KB on first use).
 */
import type { LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { ModelError } from './simulation-protocol.js';
import type { CascadeServices } from '../cascade-module.js';
import { lowerDocument } from '../lowering/cascade-lowering.js';
import type { ModelSource } from './worker-protocol.js';

/** Characters of text (the document and its imports) up to which the model is lowered on the server's main thread. */
export const MAIN_THREAD_LOWERING_LIMIT = 32_768;

export function modelSource(document: LangiumDocument, shared: LangiumSharedServices, limit = MAIN_THREAD_LOWERING_LIMIT): ModelSource {
    const services = shared.ServiceRegistry.getServices(document.uri) as CascadeServices;
    const imports = services.references.CascadeImports;
    const files = imports.closure(document);
    const errors = files.flatMap(file => (file.diagnostics ?? [])
        .filter(d => d.severity === DiagnosticSeverity.Error)
        .map((d): ModelError => ({ ...(file === document ? {} : { file: file.uri.path.split('/').pop() }), line: d.range.start.line + 1, message: typeof d.message === 'string' ? d.message : d.message.value })));
    if (errors.length > 0) throw new ModelHasErrors(errors.length, errors[0]);
    const documents = files.map(file => ({ uri: file.uri.toString(), text: file.textDocument.getText() }));
    if (documents.reduce((length, { text }) => length + text.length, 0) <= limit) return { model: lowerDocument(document, services) };
    return { documents, roots: imports.workspaceRoots().map(root => root.toString()) };
}

/** A run refused because the model has errors; the message names the first one. */
export class ModelHasErrors extends Error {
    constructor(count: number, readonly first: ModelError) {
        super(`The model has ${count} error${count > 1 ? 's' : ''}; fix ${count > 1 ? 'them' : 'it'} to simulate (${first.file ? `${first.file} ` : ''}line ${first.line}: ${first.message}).`);
    }
}
