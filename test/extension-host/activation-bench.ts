// Loaded as `extensionTestsPath` by the editor benchmark: times the extension's activation
// in a fresh extension host (no .cascade file opened yet) and writes it to the results file.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { cascadeExtension } from './workspace-helpers.js';

export async function run(): Promise<void> {
    const resultsFile = process.env.NEUROCASCADE_TEST_RESULTS;
    if (!resultsFile) throw new Error('NEUROCASCADE_TEST_RESULTS is not set: the benchmark reads the timing from that file');
    const extension = cascadeExtension();
    const alreadyActive = extension.isActive;
    const started = performance.now();
    await extension.activate();
    writeFileSync(resultsFile, JSON.stringify({ activationMs: performance.now() - started, alreadyActive }));
}
