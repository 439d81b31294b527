import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

/** A minimal LSP client over stdio that records when diagnostics arrive, for benchmarks and load tests. */
export class LspClient {
    constructor(serverCommand, serverArgs) {
        this.process = spawn(serverCommand, serverArgs, { stdio: ['pipe', 'pipe', 'inherit'] });
        this.process.stdin.on('error', () => undefined);
        this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
        this.waiters = [];
        this.latest = new Map();
        this.connection.onNotification('textDocument/publishDiagnostics', params => {
            this.latest.set(params.uri, params);
            this.waiters = this.waiters.filter(waiter => !waiter(params));
        });
        this.connection.onRequest('workspace/configuration', params => params.items.map(() => null));
        this.connection.onRequest('client/registerCapability', () => null);
        this.connection.onRequest('window/workDoneProgress/create', () => null);
        this.connection.listen();
    }

    async initialize(rootUri) {
        await this.connection.sendRequest('initialize', {
            processId: process.pid,
            rootUri,
            workspaceFolders: rootUri ? [{ uri: rootUri, name: 'bench' }] : null,
            capabilities: { textDocument: { publishDiagnostics: {}, completion: { completionItem: { snippetSupport: true } }, hover: {} }, workspace: { workspaceFolders: true } }
        });
        this.connection.sendNotification('initialized', {});
    }

    /** Resolves with the diagnostics of `uri` for `version` (or any version when omitted). */
    diagnostics(uri, version) {
        return new Promise(resolve => {
            this.waiters.push(params => {
                if (params.uri !== uri || (version !== undefined && params.version !== undefined && params.version !== version)) return false;
                resolve(params);
                return true;
            });
        });
    }

    open(uri, text, version = 1) {
        this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cascade', version, text } });
    }

    change(uri, text, version) {
        this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    }

    request(method, params, token) {
        return token ? this.connection.sendRequest(method, params, token) : this.connection.sendRequest(method, params);
    }

    /** Peak resident memory of the server process in MiB (Linux VmHWM). */
    peakMemoryMiB() {
        const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
        return Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024;
    }

    /** CPU time the server process has used so far (user + system), in ms: what load on the machine inflates least. */
    cpuMs() {
        const fields = readFileSync(`/proc/${this.process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
        return (Number(fields[11]) + Number(fields[12])) * 10;
    }

    async close() {
        if (this.process.exitCode !== null || this.process.signalCode !== null) return;
        const exited = new Promise(resolve => this.process.once('exit', resolve));
        try {
            await this.connection.sendRequest('shutdown');
            await this.connection.sendNotification('exit');
        } catch {
            // The server may already be gone.
        }
        const timeout = setTimeout(() => this.process.kill(), 2000);
        await exited;
        clearTimeout(timeout);
        this.connection.dispose();
    }
}
