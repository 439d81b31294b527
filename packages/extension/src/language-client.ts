/** Starts (and restarts) the bundled Cascade language server and sends it typed simulation requests. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { SimulationMethodName, SimulationRequests } from '@neurocascade/language/protocol';

export class CascadeClient implements vscode.Disposable {
    private client?: LanguageClient;
    private starting?: Promise<void>;

    constructor(private readonly context: vscode.ExtensionContext, private readonly output: vscode.LogOutputChannel) {}

    /**
     * Starts the server once activation has returned (the next turn of the event loop), so
     * loading the client library and forking the server never hold up activation; requests
     * sent meanwhile wait for it.
     */
    start(): Promise<void> {
        this.starting = new Promise(resolve => setImmediate(resolve)).then(() => this.launch());
        return this.starting;
    }

    private async launch(): Promise<void> {
        const { connectServer } = await import('./server-connection.js');
        this.client = await connectServer(this.context, this.output);
    }

    /** Requests sent during the restart wait for the new server. */
    restart(): Promise<void> {
        this.starting = this.stop().then(() => this.launch());
        return this.starting;
    }

    async stop(): Promise<void> {
        // A start still going would leave its server running behind this stop.
        await this.starting?.catch(() => undefined);
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
