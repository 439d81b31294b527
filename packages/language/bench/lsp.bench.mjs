/**
 * `npm run bench:lsp`: the language server measured through a real LSP client over stdio,
 * on generated models of 500, 5,000 and 20,000 lines and a workspace of 200 files × 100 lines.
 * `npm run bench:edit` (this script with `--cli`): what a Neovim user gets from `cascade lsp --stdio`
 * on 300 and 3,000 lines, first diagnostics timed from spawning the process and every edit counted
 * from the first. Prints a table; targets are in docs/performance.md.
 */
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateModel } from './generate-model.mjs';
import { LspClient } from './lsp-client.mjs';

/** The server as `cascade lsp --stdio` runs it (tsc's output, one module per file) … */
const unbundled = fileURLToPath(new URL('../out/src/server.js', import.meta.url));
/** … and as the extension ships it (one esbuild bundle, `npm run package`): it starts faster. */
const bundled = fileURLToPath(new URL('../../extension/dist/server.js', import.meta.url));
const server = existsSync(bundled) ? bundled : unbundled;
/** The command line's server (`bin/cascade.js lsp --stdio`, its own bundle with a code cache). */
const cli = fileURLToPath(new URL('../../cli/bin/cascade.js', import.meta.url));
const cliMode = process.argv.includes('--cli');
// 100 edits: a 95th percentile of 30 was nearly their maximum, one GC pause away from any figure.
const EDITS = Number(process.env.BENCH_EDITS ?? 100);
// The first edits after start-up run code the JIT has not optimised yet; the table also shows the rest alone.
const COLD_EDITS = 10;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 50);

const percentile = (values, p) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
};
const ms = value => (value === undefined ? '—' : value.toFixed(value < 10 ? 1 : 0));

async function timed(action) {
    const start = performance.now();
    await action();
    return performance.now() - start;
}

/**
 * One document: first diagnostics, then edits, completions and hovers near its end. With the
 * command line's server, first diagnostics run from spawning the process.
 */
async function benchDocument(lines, serverArgs = [server, '--stdio']) {
    const folder = mkdtempSync(path.join(tmpdir(), 'cascade-bench-'));
    const file = path.join(folder, 'model.cascade');
    const text = generateModel(lines, 'M');
    writeFileSync(file, text);
    const uri = pathToFileURL(file).toString();
    const spawned = performance.now();
    const client = new LspClient(process.execPath, serverArgs);
    await client.initialize(pathToFileURL(folder).toString());
    const opened = performance.now();
    await timed(async () => {
        const diagnostics = client.diagnostics(uri, 1);
        client.open(uri, text, 1);
        await diagnostics;
    });
    const first = performance.now() - (serverArgs[0] === cli ? spawned : opened);
    const textLines = text.split('\n');
    const editLine = textLines.findIndex(line => line.includes('vmax 2.4 uM/min'));
    const editTimes = [];
    const editCpu = [];
    for (let version = 2; version < 2 + EDITS; version++) {
        const edited = [...textLines];
        edited[editLine] = `    vmax ${2 + version / 100} uM/min`;
        const cpu = client.cpuMs();
        editTimes.push(await timed(async () => {
            const diagnostics = client.diagnostics(uri, version);
            client.change(uri, edited.join('\n'), version);
            await diagnostics;
        }));
        // /proc counts CPU in ticks of 10 ms: single edits are too coarse, their mean is not.
        editCpu.push(client.cpuMs() - cpu);
    }
    const finalText = [...textLines];
    finalText[editLine] = `    vmax ${2 + (1 + EDITS) / 100} uM/min`;
    const lastLines = finalText;
    const completionLine = lastLines.length - 3;
    const position = { line: completionLine, character: 12 };
    const completion = [];
    const hover = [];
    const hoverLine = lastLines.findIndex(line => line.startsWith('enzyme '));
    for (let i = 0; i < REQUESTS; i++) {
        completion.push(await timed(() => client.request('textDocument/completion', { textDocument: { uri }, position })));
        hover.push(await timed(() => client.request('textDocument/hover', { textDocument: { uri }, position: { line: hoverLine, character: 9 } })));
    }
    const memory = client.peakMemoryMiB();
    await client.close();
    rmSync(folder, { recursive: true, force: true });
    return { name: `${lines} lines`, first, edit: editTimes, editCpu, completion, hover, memory };
}

/**
 * 200 files × 100 lines, each importing the previous: from `initialize` until the last file,
 * opened in the editor, has its diagnostics — which needs the whole workspace indexed and the
 * import chain linked (closed files are indexed, not validated, as in any Langium server).
 */
async function benchWorkspace(files, lines, serverPath) {
    const folder = mkdtempSync(path.join(tmpdir(), 'cascade-bench-ws-'));
    mkdirSync(folder, { recursive: true });
    for (let i = 0; i < files; i++) {
        writeFileSync(path.join(folder, `file${i}.cascade`), generateModel(lines, `F${i}`, i > 0 ? `./file${i - 1}.cascade` : undefined));
    }
    const client = new LspClient(process.execPath, [serverPath, '--stdio']);
    const lastFile = path.join(folder, `file${files - 1}.cascade`);
    const last = pathToFileURL(lastFile).toString();
    const indexed = await timed(async () => {
        const diagnostics = client.diagnostics(last);
        await client.initialize(pathToFileURL(folder).toString());
        client.open(last, readFileSync(lastFile, 'utf8'));
        await diagnostics;
    });
    const memory = client.peakMemoryMiB();
    await client.close();
    rmSync(folder, { recursive: true, force: true });
    const kind = serverPath === bundled ? 'bundled server' : 'unbundled server';
    return { name: `${files} files × ${lines} lines (${kind})`, first: indexed, memory };
}

const results = [];
const load = () => loadavg()[0].toFixed(1);
if (cliMode) {
    console.log(`\`cascade lsp --stdio\`: first diagnostics from spawning the process, every edit counted from the first; load average ${load()} at the start`);
    for (const lines of [300, 3000]) results.push(await benchDocument(lines, [cli, 'lsp', '--stdio']));
    printTable();
    console.log(`load average ${load()} at the end (2 cores; other work on the machine makes every row slower)`);
    process.exit(0);
}
for (const lines of [500, 5000, 20000]) {
    process.stderr.write(`benchmarking ${lines} lines…\n`);
    results.push(await benchDocument(lines));
}
process.stderr.write("benchmarking the workspace…\n");
for (const serverPath of new Set([server, unbundled])) results.push(await benchWorkspace(200, 100, serverPath));

console.log(`Cascade language server over stdio (node ${process.version}, ${EDITS} edits, ${REQUESTS} requests each; ${path.relative(process.cwd(), server)})\n`);
printTable();

function printTable() {
    console.log(`| input | first diagnostics (ms) | edit → diagnostics median / p95 (ms) | the same without the first ${COLD_EDITS} edits | server CPU per edit, mean (ms) | completion median / p95 (ms) | hover median (ms) | peak memory (MiB) |`);
    console.log('|---|---|---|---|---|---|---|---|');
    for (const r of results) {
        const pair = values => (values ? `${ms(percentile(values, 0.5))} / ${ms(percentile(values, 0.95))}` : '—');
        console.log(`| ${r.name} | ${ms(r.first)} | ${pair(r.edit)} | ${pair(r.edit?.slice(COLD_EDITS))} | ${r.editCpu ? ms(r.editCpu.reduce((a, b) => a + b, 0) / r.editCpu.length) : '—'} | ${pair(r.completion)} | ${r.hover ? ms(percentile(r.hover, 0.5)) : '—'} | ${r.memory.toFixed(0)} |`);
    }
}
