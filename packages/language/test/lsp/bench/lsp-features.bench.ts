/**
 * Speed of the editor features on a 500-line model (not a test: run
 * `node packages/language/out/test/lsp/bench/lsp-features.bench.js`). Calls the providers the
 * way the language server does, on a built document, alone and with 200 unrelated files in
 * the workspace (no request may be linear in the workspace). Prints a table in ms: wall-clock
 * time, which includes waiting for a core on a busy machine, and the CPU time of the work itself.
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Position } from 'vscode-languageserver';
import { createCascadeServices } from '../../../src/cascade-module.js';
import { model } from './bench-model.js';

const REPEAT = 60;
const WARM_UP = 10;

/** Cursor probes: where in the text, and what a user is doing there. */
const PROBES: [string, (text: string) => number][] = [
    ['member keyword in a block', text => text.indexOf('    vmax 2.4') ],
    ['species after converts', text => text.indexOf('converts ') + 'converts '.length],
    ['name in an expression', text => text.indexOf('rule ratio0 = ') + 'rule ratio0 = '.length],
    ['unit after a number', text => text.indexOf('km 0.5 ') + 'km 0.5 '.length],
    ['member after R.', text => text.indexOf('HT1A_0.') + 'HT1A_0.'.length],
    ['top-level declaration', text => text.length]
];

/** Wall-clock and CPU milliseconds of each run, each sorted. */
interface Times {
    wall: number[];
    cpu: number[];
}

async function timed(run: () => unknown): Promise<Times> {
    const wall: number[] = [];
    const cpu: number[] = [];
    // Let the JIT compile the code paths first.
    for (let i = 0; i < WARM_UP; i++) await run();
    for (let i = 0; i < REPEAT; i++) {
        const start = performance.now();
        const usage = process.cpuUsage();
        await run();
        const used = process.cpuUsage(usage);
        wall.push(performance.now() - start);
        cpu.push((used.user + used.system) / 1000);
    }
    return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function measure(others: number): Promise<string[][]> {
    const { shared, Cascade } = createCascadeServices(EmptyFileSystem);
    const documents = shared.workspace.LangiumDocuments;
    const add = (uri: string, text: string) => {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(uri));
        documents.addDocument(document);
        return document;
    };
    for (let i = 0; i < others; i++) add(`file:///bench/other${i}.cascade`, model(100));
    const text = model(500);
    const document: LangiumDocument = add('file:///bench/model.cascade', text);
    await shared.workspace.DocumentBuilder.build([...documents.all], { validation: true });
    const textDocument = { uri: document.uri.toString() };
    const at = (offset: number): Position => document.textDocument.positionAt(offset);
    const rows: string[][] = [];
    const row = (feature: string, { wall, cpu }: Times) => rows.push([
        String(others), feature, quantile(wall, 0.5).toFixed(2), quantile(wall, 0.95).toFixed(2),
        quantile(cpu, 0.5).toFixed(2), quantile(cpu, 0.95).toFixed(2)
    ]);

    const all: Times = { wall: [], cpu: [] };
    for (const [what, where] of PROBES) {
        const times = await timed(() => Cascade.lsp.CompletionProvider!.getCompletion(document, { textDocument, position: at(where(text)) }));
        all.wall.push(...times.wall);
        all.cpu.push(...times.cpu);
        row(`completion: ${what}`, times);
    }
    row('completion: all probes', { wall: all.wall.sort((a, b) => a - b), cpu: all.cpu.sort((a, b) => a - b) });
    row('hover: enzyme use', await timed(() => Cascade.lsp.HoverProvider!.getHoverContent(document, { textDocument, position: at(text.indexOf('increases TPH0') + 11) })));
    row('hover: unit', await timed(() => Cascade.lsp.HoverProvider!.getHoverContent(document, { textDocument, position: at(text.indexOf('uM/h') + 1) })));
    row('formatting (whole file)', await timed(() => Cascade.lsp.Formatter!.formatDocument(document, { textDocument, options: { tabSize: 4, insertSpaces: true } })));
    row('semantic tokens (whole file)', await timed(() => Cascade.lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument })));
    row('document symbols', await timed(() => Cascade.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument })));
    const diagnostics = document.diagnostics ?? [];
    row(`code actions (${diagnostics.length} diagnostics)`, await timed(() => Cascade.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument, range: { start: at(0), end: at(text.length) }, context: { diagnostics }
    })));
    return rows;
}

const rows = [['other files', 'feature (500-line model)', 'median ms', 'p95 ms', 'cpu median ms', 'cpu p95 ms'], ...await measure(0), ...await measure(200)];
const widths = rows[0].map((_, column) => Math.max(...rows.map(r => r[column].length)));
for (const r of rows) console.log(r.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
