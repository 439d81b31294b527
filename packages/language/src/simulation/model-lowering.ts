/**
 * Turns a validated document (and what it imports) into the model IR for the simulator,
 * refusing a model whose files have errors: the message names the first one.
 */
import type { LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { ModelIR } from '@neurocascade/simulator';
import type { CascadeServices } from '../cascade-module.js';
import { lowerDocument } from '../lowering/cascade-lowering.js';

export function lowerModel(document: LangiumDocument, shared: LangiumSharedServices): ModelIR {
    const services = shared.ServiceRegistry.getServices(document.uri) as CascadeServices;
    const files = services.references.CascadeImports.closure(document);
    const errors = files.flatMap(file => (file.diagnostics ?? [])
        .filter(d => d.severity === DiagnosticSeverity.Error)
        .map(d => `${file === document ? '' : `${file.uri.path.split('/').pop()} `}line ${d.range.start.line + 1}: ${d.message}`));
    if (errors.length > 0) {
        throw new Error(`The model has ${errors.length} error${errors.length > 1 ? 's' : ''}; fix ${errors.length > 1 ? 'them' : 'it'} to simulate (${errors[0]}).`);
    }
    return lowerDocument(document, services);
}
