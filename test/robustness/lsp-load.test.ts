import assert from 'node:assert/strict';
import { runLoad } from './lsp-load.js';

/** A modest load for `npm test`; `npm run load` runs the full size of issue 7. */
const SIZE = { documents: 40, edits: 200, previews: 10 };

describe('language server under load over stdio', function () {
    this.timeout(300_000);

    it(`${SIZE.documents} documents, ${SIZE.edits} rapid edits with cancelled requests and ${SIZE.previews} concurrent previews`, async () => {
        const report = await runLoad(SIZE);
        assert.deepEqual(report.failed, [], 'every request is answered or cancelled');
        assert.equal(report.answered + report.cancelled, 2 * SIZE.edits);
        assert.equal(report.previewsAnswered + report.previewsCancelled, SIZE.previews);
        assert.ok(report.previewsAnswered > 0, 'previews that were not cancelled ran');
        assert.deepEqual(report.stale, [], 'the last diagnostics of every document belong to its last edit');
        assert.ok(report.peakMiB < 1024, `peak memory ${report.peakMiB.toFixed(0)} MiB`);
    });
});
