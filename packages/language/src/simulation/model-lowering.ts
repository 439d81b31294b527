/**
 * Turns a validated document (and what it imports) into the model IR for the simulator,
 * refusing a model whose files have errors: the message names the first one.
 */
import type { LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { ModelIR } from '@neurocascade/simulator';
import type { ModelError } from './simulation-protocol.js';
import type { CascadeServices } from '../cascade-module.js';
import { lowerDocument } from '../lowering/cascade-lowering.js';

export function lowerModel(document: LangiumDocument, shared: LangiumSharedServices): ModelIR {
    const services = shared.ServiceRegistry.getServices(document.uri) as CascadeServices;
    const files = services.references.CascadeImports.closure(document);
    const errors = files.flatMap(file => (file.diagnostics ?? [])
        .filter(d => d.severity === DiagnosticSeverity.Error)
        .map((d): ModelError => ({ ...(file === document ? {} : { file: file.uri.path.split('/').pop() }), line: d.range.start.line + 1, message: typeof d.message === 'string' ? d.message : d.message.value })));
    if (errors.length > 0) throw new ModelHasErrors(errors.length, errors[0]);
    return lowerDocument(document, services);
}

/** A run refused because the model has errors; the message names the first one. */
export class ModelHasErrors extends Error {
    constructor(count: number, readonly first: ModelError) {
        super(`The model has ${count} error${count > 1 ? 's' : ''}; fix ${count > 1 ? 'them' : 'it'} to simulate (${first.file ? `${first.file} ` : ''}line ${first.line}: ${first.message}).`);
    }
}
