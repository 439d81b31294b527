/** Starts (and restarts) the bundled Cascade language server and sends it typed simulation requests. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { SimulationMethodName, SimulationRequests } from '@neurocascade/language/protocol';

export class CascadeClient implements vscode.Disposable {
    private client?: LanguageClient;
    private starting?: Promise<void>;

    constructor(private readonly context: vscode.ExtensionContext, private readonly output: vscode.LogOutputChannel) {}

    /** Starts the server; requests sent meanwhile wait for it. */
    start(): Promise<void> {
        this.starting = this.launch();
        return this.starting;
    }

    private async launch(): Promise<void> {
        const module = this.context.asAbsolutePath('dist/server.js');
        const serverOptions: ServerOptions = {
            run: { module, transport: TransportKind.ipc },
            debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
        };
        const clientOptions: LanguageClientOptions = {
            documentSelector: [{ language: 'cascade' }],
            outputChannel: this.output,
            middleware: {
                // The steady-state hints simulate the model: not in an untrusted workspace.
                provideInlayHints: (document, range, token, next) => vscode.workspace.isTrusted ? next(document, range, token) : []
            }
        };
        this.client = new LanguageClient('cascade', 'Cascade Language Server', serverOptions, clientOptions);
        await this.client.start();
    }

    /** Requests sent during the restart wait for the new server. */
    restart(): Promise<void> {
        this.starting = this.stop().then(() => this.launch());
        return this.starting;
    }

    async stop(): Promise<void> {
        const client = this.client;
        this.client = undefined;
        if (client?.isRunning()) await client.stop();
    }

    async request<M extends SimulationMethodName>(method: M, params: SimulationRequests[M][0], token?: vscode.CancellationToken): Promise<SimulationRequests[M][1]> {
        await this.starting;
        if (!this.client) throw new Error('The Cascade language server is not running.');
        return this.client.sendRequest(method, params, token) as Promise<SimulationRequests[M][1]>;
    }

    dispose(): void {
        void this.stop();
    }
}
