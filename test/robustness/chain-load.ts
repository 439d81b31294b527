/**
 * A chain of scenarios over stdio (each `extends` the one before and adds one timed dose): the
 * time to diagnostics, an inlay-hint request (sent by editors on their own) and a preview run of
 * the last scenario, with the CPU they cost the server's main thread and the longest it was held
 * at once (a heartbeat in the server); how long a hover waits while another preview runs; and the
 * server's peak memory.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from './lsp-load.js';

export interface ChainReport {
    length: number;
    kilobytes: number;
    diagnosticsSeconds: number;
    inlayHintMs: number;
    previewMs: number;
    /** CPU time the first inlay hints and the preview cost the server's main thread (10 ms resolution). */
    runsMainThreadCpuMs: number;
    /** The longest the server's main thread was held at once meanwhile (event-loop-probe.ts), the machine's scheduling delays included. */
    longestBlockMs: number;
    /** The slowest answer to a hover sent every 25 ms while another scenario's preview ran. */
    longestStallMs: number;
    peakMiB: number;
}

/** Scenario S0 runs 100 min; each S_i extends S_(i-1) and doses 1 µM of A at (i mod 100) min. */
export function scenarioChain(length: number): string {
    const lines = ['compartment c { volume 1 uL }', 'precursor A in c { initial 1 uM  clearance 0.1 /min }', 'scenario S0 { simulate 100 min }'];
    for (let i = 1; i < length; i++) lines.push(`scenario S${i} extends S${i - 1} { at ${i % 100} min dose A 1 uM }`);
    return lines.join('\n');
}

/** Texts that once took seconds to diagnostics: one name declared 10,000 times, and a sum of 250,000 terms on one line (1 MB). */
export const SLOW_TEXTS: Record<string, () => string> = {
    '10,000 duplicate declarations': () => 'parameter p = 1\n'.repeat(10_000),
    'a 1 MB sum on one line': () => `parameter a = 1\nparameter s = ${Array(250_000).fill('a').join(' + ')}\n`
};

/**
 * CPU seconds the server process has used (Linux), or only its main thread (whose thread id is
 * the process id), at 10 ms resolution: wall time is unreliable on a shared machine.
 */
function cpuSeconds(client: { process: { pid?: number } }, mainThread = false): number {
    const pid = client.process.pid;
    const fields = readFileSync(mainThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Seconds (wall and the server's CPU) from opening `text` to its diagnostics, and how many were published. */
export async function timeToDiagnostics(text: string): Promise<{ seconds: number; cpuSeconds: number; diagnostics: number }> {
    const folder = mkdtempSync(path.join(tmpdir(), 'cascade-slow-'));
    const client = await startServer();
    try {
        await client.initialize(pathToFileURL(folder).toString());
        const uri = pathToFileURL(path.join(folder, 'slow.cascade')).toString();
        const opened = performance.now();
        const cpu = cpuSeconds(client as unknown as { process: { pid?: number } });
        const published = client.diagnostics(uri) as Promise<{ diagnostics: unknown[] }>;
        client.open(uri, text);
        const { diagnostics } = await published;
        return {
            seconds: (performance.now() - opened) / 1000, diagnostics: diagnostics.length,
            cpuSeconds: cpuSeconds(client as unknown as { process: { pid?: number } }) - cpu
        };
    } finally {
        await client.close();
        rmSync(folder, { recursive: true, force: true });
    }
}

export async function measureChain(length: number): Promise<ChainReport> {
    const folder = mkdtempSync(path.join(tmpdir(), 'cascade-chain-'));
    const beats = path.join(folder, 'event-loop.json');
    process.env.CASCADE_EVENT_LOOP_LOG = beats;
    const client = await startServer(['--import', new URL('./event-loop-probe.js', import.meta.url).href]);
    delete process.env.CASCADE_EVENT_LOOP_LOG;
    try {
        const measured = await measureOpenChain(client, folder, length);
        // The probe writes its beats when the server exits.
        await client.close();
        const late = JSON.parse(readFileSync(beats, 'utf8')) as [number, number][];
        const inWindow = late.filter(([at]) => at >= measured.windowStart && at <= measured.windowEnd);
        return { ...measured.report, longestBlockMs: Math.max(0, ...inWindow.map(([, ms]) => ms)) };
    } finally {
        await client.close();
        rmSync(folder, { recursive: true, force: true });
    }
}

/**
 * Opens the chain; then, with nothing else asked meanwhile, times the first inlay hints and the
 * preview of the last scenario and the CPU they cost the server's main thread; then a preview of
 * another scenario with a hover sent every 25 ms. The window of the first two is in epoch ms.
 */
async function measureOpenChain(client: Awaited<ReturnType<typeof startServer>>, folder: string, length: number) {
    await client.initialize(pathToFileURL(folder).toString());
    const uri = pathToFileURL(path.join(folder, 'chain.cascade')).toString();
    const text = scenarioChain(length);
    const opened = performance.now();
    const published = client.diagnostics(uri);
    client.open(uri, text);
    await published;
    const diagnosticsSeconds = (performance.now() - opened) / 1000;

    const timed = async (work: () => Promise<unknown>) => {
        const started = performance.now();
        await work();
        return performance.now() - started;
    };
    const windowStart = Date.now();
    const mainThreadCpu = () => cpuSeconds(client as unknown as { process: { pid?: number } }, true);
    const cpuBefore = mainThreadCpu();
    const inlayHintMs = await timed(() => client.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: length + 3, character: 0 } } }));
    const previewMs = await timed(() => client.request('cascade/runScenario', { uri, scenario: `S${length - 1}` }));
    const runsMainThreadCpuMs = 1000 * (mainThreadCpu() - cpuBefore);
    const windowEnd = Date.now();

    let longestStallMs = 0;
    let pinging = true;
    const pings = (async () => {
        while (pinging) {
            const sent = performance.now();
            // Hover on the precursor A (line 2).
            await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 11 } });
            longestStallMs = Math.max(longestStallMs, performance.now() - sent);
            await new Promise(resolve => setTimeout(resolve, 25));
        }
    })();
    await client.request('cascade/runScenario', { uri, scenario: `S${Math.floor(length / 2)}` });
    pinging = false;
    await pings;
    return {
        windowStart, windowEnd,
        report: { length, kilobytes: Math.round(text.length / 1024), diagnosticsSeconds, inlayHintMs, previewMs, runsMainThreadCpuMs, longestStallMs, peakMiB: client.peakMemoryMiB() }
    };
}
