/** Activation: the language client, the commands, code lenses, previews and the status bar. */
import * as vscode from 'vscode';
import { RunCodeLenses } from './code-lenses.js';
import { registerCommands } from './commands.js';
import { CascadeClient } from './language-client.js';
import { PreviewManager } from './preview-manager.js';
import { registerPreviewSerializer } from './preview-serializer.js';
import { offerSbmlConversion } from './sbml-offer.js';
import { RunStatus } from './status-bar.js';

/** What `activate` returns, for the extension-host tests. */
export interface NeuroCascadeApi {
    client: CascadeClient;
    previews: PreviewManager;
    /** Milliseconds `activate` took (the language server goes on starting in the background). */
    activationMs: number;
    /** Resolves when the language server has started. */
    serverReady: Promise<void>;
}

let running: CascadeClient | undefined;

export function activate(context: vscode.ExtensionContext): NeuroCascadeApi {
    const started = performance.now();
    const output = vscode.window.createOutputChannel('NeuroCascade', { log: true });
    const client = new CascadeClient(context, output);
    const status = new RunStatus();
    const previews = new PreviewManager({ client, status, output, extensionUri: context.extensionUri });
    context.subscriptions.push(
        output, client, status, previews,
        ...registerCommands({ client, previews, output }),
        registerPreviewSerializer(previews, output),
        vscode.languages.registerCodeLensProvider({ language: 'cascade' }, new RunCodeLenses(client)),
        offerSbmlConversion(output)
    );
    running = client;
    const serverReady = client.start().then(
        () => output.info(`Language server started ${Math.round(performance.now() - started)} ms after activation began`),
        error => output.error(`The language server did not start: ${error instanceof Error ? error.message : String(error)}`));
    const activationMs = Math.round(performance.now() - started);
    output.info(`NeuroCascade activated in ${activationMs} ms`);
    return { client, previews, activationMs, serverReady };
}

export function deactivate(): Promise<void> | undefined {
    return running?.stop();
}
