// `npm run test:vscode`: the extension-host suite under @vscode/test-electron, in a downloaded
// VS Code desktop. Where VS Code cannot be downloaded it says so and skips; the same suite
// runs in code-server under `npm test` either way.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { extensionRoot, packageExtension, repoRoot } from '../editor/extension-package.mjs';
import { bundleExtensionHostSuite } from './bundle.mjs';

const vscodeVersion = '1.100.3';
const downloadTimeoutMs = 60_000;

async function downloadVSCode() {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${downloadTimeoutMs / 1000} s`)), downloadTimeoutMs);
    });
    try {
        return await Promise.race([downloadAndUnzipVSCode(vscodeVersion), timeout]);
    } finally {
        clearTimeout(timer);
    }
}

let executable;
try {
    executable = await downloadVSCode();
} catch (error) {
    console.log(`test:vscode SKIPPED: VS Code ${vscodeVersion} desktop could not be downloaded (${error.message}).`);
    console.log('No test ran here. The same extension-host suite runs in code-server as part of `npm test`.');
    process.exit(0);
}

packageExtension();
const testsPath = await bundleExtensionHostSuite(join(repoRoot, 'test', 'out', 'extension-host-electron'));
const root = mkdtempSync(join(tmpdir(), 'neurocascade-electron-'));
const workspace = join(root, 'workspace');
cpSync(join(repoRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
const resultsFile = join(root, 'results.json');
let exitCode = 0;
try {
    await runTests({
        vscodeExecutablePath: executable,
        extensionDevelopmentPath: extensionRoot,
        extensionTestsPath: testsPath,
        extensionTestsEnv: { NEUROCASCADE_TEST_RESULTS: resultsFile },
        launchArgs: [workspace, '--disable-workspace-trust', '--disable-gpu', `--user-data-dir=${join(root, 'user-data')}`],
    });
} catch (error) {
    console.error(`VS Code reported a failed run: ${error.message ?? error}`);
    exitCode = 1;
}
const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : [];
for (const result of results) console.log(`${result.state === 'passed' ? '✔' : '✘'} ${result.title}${result.error ? `\n    ${result.error}` : ''}`);
const count = (state) => results.filter((r) => r.state === state).length;
console.log(`test:vscode: ${count('passed')} passed, ${count('failed')} failed`);
rmSync(root, { recursive: true, force: true });
process.exit(results.length === 0 || count('failed') > 0 ? 1 : exitCode);
