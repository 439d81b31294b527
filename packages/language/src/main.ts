import './polyfill.mjs';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createCascadeServices } from './cascade-module.js';
import { registerSimulationRequests } from './simulation/simulation-requests.js';

/** Starts the Cascade language server on the process's stdio or IPC, as the client chose. */
export function startCascadeServer(): void {
    const connection = createConnection(ProposedFeatures.all);
    const { shared } = createCascadeServices({ connection, ...NodeFileSystem });
    registerSimulationRequests(shared);
    startLanguageServer(shared);
}
