import assert from 'node:assert/strict';
import fc from 'fast-check';
import { exampleMutations, exampleTexts, unicodeAndBinary } from './cascade-inputs.js';
import { TEST_SEED } from './language-fuzz.js';
import { measureChain } from './chain-load.js';
import { runLoad, startServer } from './lsp-load.js';

/** A modest load for `npm test`; `npm run load` runs the full size. */
const SIZE = { documents: 40, edits: 200, previews: 10 };

describe('language server over stdio', function () {
    this.timeout(300_000);

    it('answers hostile documents with diagnostics and keeps serving', async () => {
        const examples = exampleTexts().map(e => e.text);
        const texts = [
            `parameter p = ${'('.repeat(10_000)}1${')'.repeat(10_000)}`,
            'precursor A\n/* never closed',
            ...fc.sample(unicodeAndBinary(examples), { numRuns: 5, seed: TEST_SEED }),
            ...fc.sample(exampleMutations(examples), { numRuns: 5, seed: TEST_SEED })
        ];
        const client = await startServer();
        try {
            await client.initialize('file:///hostile');
            const published = await Promise.all(texts.map((text, i) => {
                const uri = `file:///hostile/h${i}.cascade`;
                const diagnostics = client.diagnostics(uri);
                client.open(uri, text);
                return diagnostics;
            }));
            assert.equal(published.length, texts.length);
            const good = 'file:///hostile/good.cascade';
            const diagnostics = client.diagnostics(good);
            client.open(good, 'precursor A { initial 1 uM clearance 0.1 /min }\n');
            assert.deepEqual((await diagnostics as { diagnostics: { severity: number }[] }).diagnostics.filter(d => d.severity === 1), [], 'a clean file after them has no errors');
            const hover = await client.request('textDocument/hover', { textDocument: { uri: good }, position: { line: 0, character: 10 } });
            assert.ok(hover, 'hover still answers after the hostile documents');
        } finally {
            await client.close();
        }
    });

    it(`${SIZE.documents} documents, ${SIZE.edits} rapid edits with cancelled requests and ${SIZE.previews} concurrent previews`, async () => {
        const report = await runLoad(SIZE);
        assert.deepEqual(report.failed, [], 'every request is answered or cancelled');
        assert.equal(report.answered + report.cancelled, 2 * SIZE.edits);
        assert.equal(report.previewsAnswered + report.previewsCancelled, SIZE.previews);
        assert.ok(report.previewsAnswered > 0, 'previews that were not cancelled ran');
        assert.deepEqual(report.stale, [], 'the last diagnostics of every document belong to its last edit');
        assert.ok(report.peakMiB < 1024, `peak memory ${report.peakMiB.toFixed(0)} MiB`);
    });

    it('keeps answering while the first inlay hints and previews of a 3,000-scenario chain run', async () => {
        // Generous bounds for a loaded 2-core machine (measured at load average 13-17: held at most
        // 199-293 ms at once, hovers answered within 41-101 ms, hints within 104-211 ms); the chain
        // once left the server unresponsive for 100 s. model-lowering.test.ts bounds the main thread's share.
        const chain = await measureChain(3000);
        assert.ok(chain.longestBlockMs < 600, `the server's main thread was held ${chain.longestBlockMs.toFixed(0)} ms at once`);
        assert.ok(chain.longestStallMs < 1000, `a hover waited ${chain.longestStallMs.toFixed(0)} ms`);
        assert.ok(chain.inlayHintMs < 1000, `the inlay hints answered in ${chain.inlayHintMs.toFixed(0)} ms`);
    });
});
