// Runs the extension-host suite (test/extension-host) inside code-server: the installed .vsix
// is the extension under development, and each spec's result becomes a test here.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { bundleExtensionHostSuite } from '../extension-host/bundle.mjs';
import type { SpecResult } from '../extension-host/index.js';
import { openEditor, withTimeout, type EditorSession } from './editor-session.js';
import { packageExtension, repoRoot } from './extension-package.mjs';
import { copyWorkspace, fixtureWorkspace, type WorkspaceCopy } from './fixture-workspace.js';

const suiteTimeoutMs = 180_000;
const logs = 'test-results/editor/extension-host-logs';

describe('Extension host suite in code-server', function () {
    this.timeout(suiteTimeoutMs + 120_000);
    let workspace: WorkspaceCopy;
    let session: EditorSession | undefined;
    let exitCode: number;
    let results: SpecResult[] = [];

    before(async function () {
        const vsix = packageExtension({ quiet: true });
        const testsPath = await bundleExtensionHostSuite(join(repoRoot, 'test', 'out', 'extension-host-bundle'));
        workspace = copyWorkspace(fixtureWorkspace);
        const resultsFile = join(workspace.folder, '..', 'extension-host-results.json');
        session = await openEditor({ name: 'extension-host', folder: workspace.folder, vsix, extensionTestsPath: testsPath, env: { NEUROCASCADE_TEST_RESULTS: resultsFile } });
        try {
            exitCode = await withTimeout(session.automationExit, suiteTimeoutMs,
                `the extension-host suite did not finish within ${suiteTimeoutMs / 1000} s`);
        } catch (error) {
            await session.screenshot('extension-host-timeout');
            throw error;
        } finally {
            results = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as SpecResult[]) : [];
        }
        for (const result of results) {
            this.test!.parent!.addTest(new Mocha.Test(result.title, () => {
                if (result.state === 'failed') throw new Error(`${result.error}\n(the extension's logs: ${logs})`);
                assert.equal(result.state, 'passed', `${result.title} did not run (${result.state})`);
            }));
        }
    });

    after(async () => {
        await session?.close();
        workspace?.remove();
    });

    it('runs the suite to the end and reports its exit code', () => {
        assert.ok(results.length > 0, `the suite reported no results (exit code ${exitCode}); code-server log:\n${session?.serverLog().slice(-4000)}`);
        const failed = results.filter((r) => r.state === 'failed').length;
        assert.equal(exitCode !== 0, failed > 0, `exit code ${exitCode} with ${failed} failed spec(s)`);
    });
});
