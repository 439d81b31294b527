/**
 * Launches the bundled language server and connects a client to it. Bundled as its own file
 * (dist/server-connection.cjs) and loaded after activation: vscode-languageclient is most of
 * the extension's code, and activation need not wait for it.
 */
import * as vscode from 'vscode';
import { ErrorAction, FileChangeType, LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export async function connectServer(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<LanguageClient> {
    const module = context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    let restartPolicy: ErrorHandler | undefined;
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: 'cascade' }],
        outputChannel: output,
        errorHandler: {
            // Writes to a server that has just died fail; by default a fourth failed write shuts the
            // client down for good before the closed connection can restart the server (seen when
            // the server was killed while the client was sending it the open documents).
            error: () => ({ action: ErrorAction.Continue }),
            closed: () => restartPolicy!.closed()
        },
        middleware: {
            // The steady-state hints simulate the model: not in an untrusted workspace.
            provideInlayHints: (document, range, token, next) => vscode.workspace.isTrusted ? next(document, range, token) : [],
            workspace: {
                // Saving an open document (code-server auto-saves a second after the last edit) writes
                // its file, but the server has its text from the editor already: told of the write, it
                // would relink and revalidate the document for nothing.
                didChangeWatchedFile: (event, next) => event.type !== FileChangeType.Deleted && isOpen(event.uri) ? Promise.resolve() : next(event)
            }
        }
    };
    const client = new LanguageClient('cascade', 'Cascade Language Server', serverOptions, clientOptions);
    // The library's own policy decides on restarts: up to four in three minutes.
    restartPolicy = client.createDefaultErrorHandler();
    await client.start();
    return client;
}

function isOpen(uri: string): boolean {
    return vscode.workspace.textDocuments.some(document => document.uri.toString() === uri);
}
