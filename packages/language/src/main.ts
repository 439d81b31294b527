import './polyfill.mjs';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createCascadeServices } from './cascade-module.js';
import { registerSimulationRequests } from './simulation/simulation-requests.js';

/** How long after start-up the server builds the completion parser, ahead of the first completion. */
const COMPLETION_WARM_UP_MS = 3000;

/** Starts the Cascade language server on the process's stdio or IPC, as the client chose. */
export function startCascadeServer(): void {
    const connection = createConnection(ProposedFeatures.all);
    const { shared, Cascade } = createCascadeServices({ connection, ...NodeFileSystem });
    registerSimulationRequests(shared);
    startLanguageServer(shared);
    // Built on first use (cascade-completion-parser.ts): after the first diagnostics, not before them.
    setTimeout(() => Cascade.parser.CompletionParser.parse(''), COMPLETION_WARM_UP_MS).unref();
}
