/**
 * `npm run load [-- --documents N --edits N --previews N --chains 3000,4500]`: texts that were
 * slow, scenario chains, then the full load (200 documents, 1000 edits, 50 previews by default), as a table.
 */
import { parseArgs } from 'node:util';
import { measureChain, SLOW_TEXTS, timeToDiagnostics } from './chain-load.js';
import { runLoad } from './lsp-load.js';

const { values } = parseArgs({ options: {
    documents: { type: 'string', default: '200' }, edits: { type: 'string', default: '1000' }, previews: { type: 'string', default: '50' },
    chains: { type: 'string', default: '3000,4500' }
} });
for (const [what, text] of Object.entries(SLOW_TEXTS)) {
    const { seconds, cpuSeconds, diagnostics } = await timeToDiagnostics(text());
    console.log(`${what}: ${diagnostics} diagnostics in ${seconds.toFixed(2)} s (server CPU ${cpuSeconds.toFixed(2)} s)`);
}
for (const length of values.chains.split(',').filter(Boolean).map(Number)) {
    const chain = await measureChain(length);
    console.log(`chain of ${chain.length} scenarios (${chain.kilobytes} KB): diagnostics ${chain.diagnosticsSeconds.toFixed(1)} s, inlay hints ${chain.inlayHintMs.toFixed(0)} ms, `
        + `preview ${chain.previewMs.toFixed(0)} ms, their main-thread CPU ${chain.runsMainThreadCpuMs.toFixed(0)} ms, main thread held at most ${chain.longestBlockMs.toFixed(0)} ms, slowest hover during a preview ${chain.longestStallMs.toFixed(0)} ms, peak RSS ${chain.peakMiB.toFixed(0)} MiB`);
}
const size = { documents: Number(values.documents), edits: Number(values.edits), previews: Number(values.previews) };
const report = await runLoad(size);
console.log(`documents ${size.documents}, edits ${size.edits}, previews ${size.previews}`);
console.log(`requests    answered ${report.answered}, cancelled ${report.cancelled}, failed ${report.failed.length}`);
console.log(`previews    answered ${report.previewsAnswered}, cancelled ${report.previewsCancelled}`);
console.log(`stale       ${report.stale.length} document(s)${report.stale.length ? ': ' + report.stale.slice(0, 5).join('; ') : ''}`);
console.log(`peak RSS    ${report.peakMiB.toFixed(0)} MiB (server process)`);
console.log(`wall time   ${report.seconds.toFixed(1)} s`);
report.failed.slice(0, 10).forEach(message => console.log(`failed: ${message}`));
process.exitCode = report.failed.length > 0 || report.stale.length > 0 ? 1 : 0;
