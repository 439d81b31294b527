/**
 * What a run of a validated document hands to the simulation worker, which lowers it: the
 * document's text and the texts it imports, refusing a model whose files have errors (the
 * message names the first one).
 */
import type { LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { ModelError } from './simulation-protocol.js';
import type { CascadeServices } from '../cascade-module.js';
import type { DocumentText } from './worker-protocol.js';

export interface ModelTexts {
    documents: DocumentText[];
    roots: string[];
}

export function modelTexts(document: LangiumDocument, shared: LangiumSharedServices): ModelTexts {
    const services = shared.ServiceRegistry.getServices(document.uri) as CascadeServices;
    const imports = services.references.CascadeImports;
    const files = imports.closure(document);
    const errors = files.flatMap(file => (file.diagnostics ?? [])
        .filter(d => d.severity === DiagnosticSeverity.Error)
        .map((d): ModelError => ({ ...(file === document ? {} : { file: file.uri.path.split('/').pop() }), line: d.range.start.line + 1, message: typeof d.message === 'string' ? d.message : d.message.value })));
    if (errors.length > 0) throw new ModelHasErrors(errors.length, errors[0]);
    return {
        documents: files.map(file => ({ uri: file.uri.toString(), text: file.textDocument.getText() })),
        roots: imports.workspaceRoots().map(root => root.toString())
    };
}

/** A run refused because the model has errors; the message names the first one. */
export class ModelHasErrors extends Error {
    constructor(count: number, readonly first: ModelError) {
        super(`The model has ${count} error${count > 1 ? 's' : ''}; fix ${count > 1 ? 'them' : 'it'} to simulate (${first.file ? `${first.file} ` : ''}line ${first.line}: ${first.message}).`);
    }
}
