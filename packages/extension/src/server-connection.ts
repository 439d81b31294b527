/**
 * Launches the bundled language server and connects a client to it. Bundled as its own file
 * (dist/server-connection.cjs) and loaded after activation: vscode-languageclient is most of
 * the extension's code, and activation need not wait for it.
 */
import * as vscode from 'vscode';
import { FileChangeType, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export async function connectServer(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<LanguageClient> {
    const module = context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: 'cascade' }],
        outputChannel: output,
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
    await client.start();
    return client;
}

function isOpen(uri: string): boolean {
    return vscode.workspace.textDocuments.some(document => document.uri.toString() === uri);
}
