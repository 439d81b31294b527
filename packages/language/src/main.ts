import './polyfill.mjs';
import { DocumentState, type DocumentBuilder } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createCascadeServices } from './cascade-module.js';
import { linkReference } from './reference-file.js';
import { registerSimulationRequests } from './simulation/simulation-requests.js';

/**
 * The server builds the completion parser (about 100 ms) once it has been idle this long, ahead
 * of the first completion: a fixed delay after start-up landed in the middle of the first edits.
 */
const COMPLETION_WARM_UP_IDLE_MS = 1500;

/** Starts the Cascade language server on the process's stdio or IPC, as the client chose. */
export function startCascadeServer(): void {
    const connection = createConnection(ProposedFeatures.all);
    const { shared, Cascade } = createCascadeServices({ connection, ...NodeFileSystem });
    linkReference(Cascade.documentation.ReferenceLinks);
    registerSimulationRequests(shared);
    startLanguageServer(shared);
    whenIdle(shared.workspace.DocumentBuilder, () => Cascade.parser.CompletionParser.parse(''));
}

/** Runs `action` once no document has changed or finished building for COMPLETION_WARM_UP_IDLE_MS. */
function whenIdle(builder: DocumentBuilder, action: () => void): void {
    let timer: NodeJS.Timeout | undefined;
    const restart = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
            listeners.forEach(listener => listener.dispose());
            action();
        }, COMPLETION_WARM_UP_IDLE_MS).unref();
    };
    const listeners = [builder.onUpdate(restart), builder.onBuildPhase(DocumentState.Validated, restart)];
    restart();
}
