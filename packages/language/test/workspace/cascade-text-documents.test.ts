import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The package folder, from out/test/workspace. */
const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), '../../..');

interface Client {
    process: import('node:child_process').ChildProcess;
    connection: import('vscode-jsonrpc').MessageConnection;
    initialize(rootUri: string): Promise<void>;
    open(uri: string, text: string, version?: number): void;
    diagnostics(uri: string): Promise<{ diagnostics: { message: string; severity?: number }[] }>;
    close(): Promise<void>;
}

/** Notifications a client may send that the server must survive, each with what its log line names. */
const HOSTILE: [string, string, unknown][] = [
    ['a .txt document opened as plaintext', 'textDocument/didOpen', { textDocument: { uri: 'file:///w/notes.txt', languageId: 'plaintext', version: 1, text: 'hello' } }],
    ['a document opened with text null', 'textDocument/didOpen', { textDocument: { uri: 'file:///w/a.cascade', languageId: 'cascade', version: 1, text: null } }],
    ['an open without a document', 'textDocument/didOpen', { textDocument: null }],
    ['a change without changes', 'textDocument/didChange', { textDocument: { uri: 'file:///w/a.cascade', version: 2 }, contentChanges: null }],
    ['a change whose text is a number', 'textDocument/didChange', { textDocument: { uri: 'file:///w/a.cascade', version: 3 }, contentChanges: [{ text: 42 }] }]
];

describe('notifications for documents the server does not handle (over stdio)', function () {
    this.timeout(60_000);
    let client: Client;
    const log: string[] = [];
    let exitCode: number | null | undefined;

    before(async () => {
        const { LspClient } = await import(pathToFileURL(join(PACKAGE, 'bench/lsp-client.mjs')).href);
        client = new LspClient(process.execPath, [join(PACKAGE, 'out/src/server.js'), '--stdio']) as Client;
        client.process.on('exit', code => { exitCode = code; });
        client.connection.onNotification('window/logMessage', (params: { message: string }) => { log.push(params.message); });
        await client.initialize('file:///w');
    });
    after(() => client.close());

    HOSTILE.forEach(([what, method, params], i) => {
        it(`ignores ${what} with a log line, and still checks a Cascade file`, async () => {
            await client.connection.sendNotification(method, params);
            const uri = `file:///w/good-${i}.cascade`;
            const published = client.diagnostics(uri);
            client.open(uri, `parameter p = undeclared_${i}`);
            const { diagnostics } = await published;
            assert.equal(exitCode, undefined, 'the server is still running');
            assert.deepEqual(diagnostics.filter(d => d.severity === 1).map(d => d.message), [`'undeclared_${i}' is not declared in this file or its imports.`]);
            assert.ok(log.some(line => line.startsWith(`Ignored ${method}`)), `log: ${log.join('\n')}`);
            log.length = 0;
        });
    });
});
