// Times the bundled language server (dist/server.js) as the extension uses it, over stdio:
// startup, first and warm scenario runs, a live edit → re-run, a cascade and the steady-state
// inlay hints, for every example. Prints a table. Run after `npm run build` in this package.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.resolve('vscode-languageserver'));
const rpc = require('vscode-jsonrpc/node');
const here = fileURLToPath(new URL('..', import.meta.url));
const examples = fileURLToPath(new URL('../../../examples/', import.meta.url));
const ms = since => Math.round(performance.now() - since);

async function startServer() {
    const started = performance.now();
    const server = spawn(process.execPath, [`${here}dist/server.js`, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/configuration', params => params.items.map(() => ({ liveMode: true })));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    const root = `file://${examples}`;
    await connection.sendRequest('initialize', {
        processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'examples' }],
        capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true } }
    });
    connection.sendNotification('initialized', {});
    return { connection, server, startupMs: ms(started) };
}

const { connection, server, startupMs } = await startServer();
const rows = [];
for (const name of readdirSync(examples).filter(f => f.endsWith('.cascade'))) {
    const uri = `file://${examples}${name}`;
    const text = readFileSync(`${examples}${name}`, 'utf8');
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cascade', version: 1, text } });
    const outline = await connection.sendRequest('cascade/outline', { uri });
    const scenario = outline.scenarios[0]?.name;
    if (!scenario) continue;
    let t = performance.now();
    await connection.sendRequest('cascade/runScenario', { uri, scenario });
    const first = ms(t);
    t = performance.now();
    await connection.sendRequest('cascade/runScenario', { uri, scenario });
    const warm = ms(t);
    t = performance.now();
    connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${text}\n// edited\n` }] });
    await connection.sendRequest('cascade/runScenario', { uri, scenario });
    const edit = ms(t);
    const cascadeName = outline.cascades[0]?.name;
    t = performance.now();
    if (cascadeName) await connection.sendRequest('cascade/runCascade', { uri, cascade: cascadeName });
    const cascade = cascadeName ? ms(t) : undefined;
    t = performance.now();
    const hints = await connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 10000, character: 0 } } });
    rows.push({ example: name, scenario, 'first run ms': first, 'warm run ms': warm, 'edit → re-run ms': edit, 'cascade ms': cascade ?? '–', 'inlay hints ms': ms(t), hints: hints.length });
}
console.log(`server startup (spawn → initialize answered): ${startupMs} ms`);
console.table(rows);
await connection.sendRequest('shutdown');
connection.sendNotification('exit');
server.on('exit', () => process.exit(0));
