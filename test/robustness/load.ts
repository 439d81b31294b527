/** `npm run load [-- --documents N --edits N --previews N]`: the full load (200 documents, 1000 edits, 50 previews by default), as a table. */
import { parseArgs } from 'node:util';
import { runLoad } from './lsp-load.js';

const { values } = parseArgs({ options: { documents: { type: 'string', default: '200' }, edits: { type: 'string', default: '1000' }, previews: { type: 'string', default: '50' } } });
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
