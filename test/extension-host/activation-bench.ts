// Loaded as `extensionTestsPath` by the editor benchmark: times the extension's activation
// in a fresh extension host (no .cascade file opened yet), and how long after it began the
// language server answered, and writes both to the results file.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { cascadeExtension } from './workspace-helpers.js';

export interface ActivationTiming {
    /** From asking VS Code to activate the extension until it is active (loading its code included). */
    activationMs: number;
    /** What the extension's own `activate` function took, as it reports it. */
    activateFunctionMs: number;
    /** From asking for activation until the language server has answered `initialize`. */
    serverReadyMs: number;
    alreadyActive: boolean;
}

export async function run(): Promise<void> {
    const resultsFile = process.env.NEUROCASCADE_TEST_RESULTS;
    if (!resultsFile) throw new Error('NEUROCASCADE_TEST_RESULTS is not set: the benchmark reads the timing from that file');
    const extension = cascadeExtension();
    const alreadyActive = extension.isActive;
    const started = performance.now();
    const api = await extension.activate() as { activationMs: number; serverReady: Promise<void> };
    const activationMs = performance.now() - started;
    await api.serverReady;
    const timing: ActivationTiming = { activationMs, activateFunctionMs: api.activationMs, serverReadyMs: performance.now() - started, alreadyActive };
    writeFileSync(resultsFile, JSON.stringify(timing));
}
