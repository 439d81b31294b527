/**
 * Load on the language server over stdio, through the benchmark's LSP client: many open
 * documents, rapid edits with completion and hover requests cancelled in flight, and
 * concurrent preview runs. Every request must be answered or cancelled, and the diagnostics
 * published last must belong to the last edit of each document.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, LSPErrorCodes, type CancellationToken, type Diagnostic } from 'vscode-languageserver';
import { REPOSITORY } from './cascade-inputs.js';

/** The part of packages/language/bench/lsp-client.mjs this file uses. */
export interface LspClient {
    latest: Map<string, { uri: string; diagnostics: Diagnostic[] }>;
    initialize(rootUri: string): Promise<void>;
    diagnostics(uri: string): Promise<unknown>;
    open(uri: string, text: string, version?: number): void;
    change(uri: string, text: string, version: number): void;
    request(method: string, params: unknown, token?: CancellationToken): Promise<unknown>;
    peakMemoryMiB(): number;
    close(): Promise<void>;
}

export interface LoadSize {
    documents: number;
    edits: number;
    previews: number;
}

export interface LoadReport {
    answered: number;
    cancelled: number;
    /** Requests that failed otherwise, with their messages. */
    failed: string[];
    previewsAnswered: number;
    previewsCancelled: number;
    /** Documents whose last published diagnostics do not match their last text. */
    stale: string[];
    peakMiB: number;
    seconds: number;
}

const bench = (file: string) => import(pathToFileURL(path.join(REPOSITORY, 'packages/language/bench', file)).href);

/** The last line names a version-specific undeclared parameter on even versions, so stale diagnostics show. */
function textAt(model: string, version: number): string {
    return `${model}parameter Extra = ${version % 2 === 0 ? `Ghost_${version}` : version}\n`;
}

/** Edits go to the first documents; previews run on the others, which stay free of errors. */
const EDITED = 20;

const QUIET_MS = 1500;

async function settled(client: LspClient, timeoutMs: number): Promise<void> {
    const started = Date.now();
    let last = new Map(client.latest);
    let stableSince = Date.now();
    while (Date.now() - started < timeoutMs) {
        await new Promise(resolve => setTimeout(resolve, 100));
        const changed = client.latest.size !== last.size || [...client.latest].some(([uri, value]) => last.get(uri) !== value);
        if (changed) {
            last = new Map(client.latest);
            stableSince = Date.now();
        } else if (Date.now() - stableSince >= QUIET_MS) {
            return;
        }
    }
}

/** The built language server over stdio, with the benchmark's client. */
/** The language server over stdio; `nodeOptions` go to its Node process (e.g. `--import` of a probe). */
export async function startServer(nodeOptions: string[] = []): Promise<LspClient> {
    const { LspClient: Client } = await bench('lsp-client.mjs');
    return new Client(process.execPath, [...nodeOptions, path.join(REPOSITORY, 'packages/language/out/src/server.js'), '--stdio']);
}

export async function runLoad(size: LoadSize): Promise<LoadReport> {
    const { generateModel } = await bench('generate-model.mjs');
    const folder = mkdtempSync(path.join(tmpdir(), 'cascade-load-'));
    const client = await startServer();
    const started = performance.now();
    const report: LoadReport = { answered: 0, cancelled: 0, failed: [], previewsAnswered: 0, previewsCancelled: 0, stale: [], peakMiB: 0, seconds: 0 };
    const outcome = (promise: Promise<unknown>, preview = false) => promise.then(
        () => { if (preview) report.previewsAnswered++; else report.answered++; },
        (error: { code?: number; message?: string }) => {
            if (error.code === LSPErrorCodes.RequestCancelled || error.code === LSPErrorCodes.ContentModified) {
                if (preview) report.previewsCancelled++; else report.cancelled++;
            } else {
                report.failed.push(`${error.code}: ${error.message}`);
            }
        });
    try {
        await client.initialize(pathToFileURL(folder).toString());
        const documents = Array.from({ length: size.documents }, (_, i) => ({
            uri: pathToFileURL(path.join(folder, `d${i}.cascade`)).toString(), name: `D${i}`, model: generateModel(100, `D${i}`) as string, version: 1
        }));
        await Promise.all(documents.map(d => {
            const first = client.diagnostics(d.uri);
            client.open(d.uri, textAt(d.model, d.version), d.version);
            return first;
        }));

        const pending: Promise<void>[] = [];
        for (let k = 0; k < size.edits; k++) {
            const d = documents[k % EDITED];
            d.version++;
            const text = textAt(d.model, d.version);
            client.change(d.uri, text, d.version);
            const lines = text.split('\n').length;
            const source = new CancellationTokenSource();
            pending.push(outcome(client.request('textDocument/completion', { textDocument: { uri: d.uri }, position: { line: lines - 2, character: 18 } }, source.token)));
            pending.push(outcome(client.request('textDocument/hover', { textDocument: { uri: d.uri }, position: { line: 5, character: 12 } }, source.token)));
            if (k % 2 === 0) source.cancel();
            if (k % 50 === 0) await new Promise(resolve => setTimeout(resolve, 5));
        }
        const previews = Array.from({ length: size.previews }, (_, i) => {
            const d = documents[EDITED + (i % (documents.length - EDITED))];
            const source = new CancellationTokenSource();
            const run = outcome(client.request('cascade/runScenario', { uri: d.uri, scenario: `${d.name}_Baseline` }, source.token), true);
            if (i % 5 === 0) source.cancel();
            if (i % 5 === 1) setTimeout(() => source.cancel(), 50);
            return run;
        });
        await Promise.all([...pending, ...previews]);
        await settled(client, 120_000);

        for (const d of documents) {
            const published = client.latest.get(d.uri)?.diagnostics ?? [];
            const ghosts = published.flatMap(diagnostic => /Ghost_\d+/.exec(String(diagnostic.message)) ?? []);
            const expected = d.version % 2 === 0 ? [`Ghost_${d.version}`] : [];
            if (JSON.stringify(ghosts) !== JSON.stringify(expected)) report.stale.push(`${d.name} v${d.version}: ${ghosts.join(', ') || 'no unresolved name'}`);
        }
        report.peakMiB = client.peakMemoryMiB();
    } finally {
        await client.close();
        rmSync(folder, { recursive: true, force: true });
    }
    report.seconds = (performance.now() - started) / 1000;
    return report;
}
