// Entry point VS Code loads as `extensionTestsPath`: runs the specs with mocha inside the
// extension host and writes each result to the file the outside runner reads, because
// the extension host's console is not the runner's.
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';

export interface SpecResult {
    title: string;
    state: 'passed' | 'failed' | 'pending';
    durationMs: number;
    error?: string;
}

export async function run(): Promise<void> {
    const resultsFile = process.env.NEUROCASCADE_TEST_RESULTS;
    if (!resultsFile) throw new Error('NEUROCASCADE_TEST_RESULTS is not set: the runner reads the results from that file');
    const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false });
    // Bundled specs register through the globals that mocha's bdd interface installs here.
    mocha.suite.emit('pre-require', globalThis, 'extension-host', mocha);
    await import('./specs.js');
    const results: SpecResult[] = [];
    const record = (test: Mocha.Test, state: SpecResult['state'], error?: Error) => {
        results.push({ title: test.fullTitle(), state, durationMs: test.duration ?? 0, error: error && (error.stack ?? error.message) });
        writeFileSync(resultsFile, JSON.stringify(results, undefined, 2));
    };
    const failures = await new Promise<number>((resolve) => {
        const runner = mocha.run(resolve);
        runner.on('pass', (test) => record(test, 'passed'));
        runner.on('fail', (test, error) => record(test as Mocha.Test, 'failed', error));
        runner.on('pending', (test) => record(test, 'pending'));
    });
    writeFileSync(resultsFile, JSON.stringify(results, undefined, 2));
    if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}
