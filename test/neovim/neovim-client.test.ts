// A second LSP client: headless Neovim drives the Cascade language server over stdio.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ensureDebianPackages } from '../editor/code-server-install.mjs';
import { repoRoot } from '../editor/extension-package.mjs';

interface NeovimReport {
    diagnostics: { line: number; character: number; message: string; severity: number; code?: string }[];
    completion: string[];
    errors: string[];
}

const fixtures = join(repoRoot, 'test', 'fixtures', 'workspace');
const script = join(repoRoot, 'test', 'neovim', 'lsp-client.lua');
const cli = join(repoRoot, 'packages', 'cli', 'bin', 'cascade.js');

/** The CLI's `cascade lsp --stdio` (what the README tells Neovim users), or the bare server before the CLI is built. */
function serverCommand(): string[] {
    return existsSync(join(repoRoot, 'packages', 'cli', 'out', 'src', 'main.js'))
        ? ['node', cli, 'lsp', '--stdio']
        : ['node', join(repoRoot, 'packages', 'language', 'out', 'src', 'server.js'), '--stdio'];
}

async function runNeovim(file: string, position: { line: number; character: number }): Promise<NeovimReport> {
    const resultFile = join(file, '..', 'neovim-result.json');
    const timeoutMs = 15_000;
    const run = promisify(execFile)('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${script}`], {
        timeout: timeoutMs * 3,
        env: {
            ...process.env,
            CASCADE_FILE: file,
            CASCADE_SERVER_CMD: JSON.stringify(serverCommand()),
            CASCADE_COMPLETION_POSITION: JSON.stringify(position),
            CASCADE_TIMEOUT_MS: String(timeoutMs),
            CASCADE_RESULT: resultFile,
        },
    });
    await run.catch((error: { killed?: boolean; stderr?: string }) => {
        throw new Error(error.killed ? `Neovim did not quit within ${(timeoutMs * 3) / 1000} s` : `Neovim failed: ${error.stderr ?? error}`);
    });
    assert.ok(existsSync(resultFile), 'Neovim quit without writing its report');
    return JSON.parse(readFileSync(resultFile, 'utf8')) as NeovimReport;
}

describe('Neovim as a second LSP client', function () {
    this.timeout(60_000);
    let workspace: string;
    let report: NeovimReport;

    before(async function () {
        ensureDebianPackages(['neovim']);
        workspace = mkdtempSync(join(tmpdir(), 'neurocascade-neovim-'));
        cpSync(fixtures, workspace, { recursive: true });
        const broken = join(workspace, 'broken.cascade');
        const lines = readFileSync(broken, 'utf8').split('\n');
        const line = lines.findIndex((text) => text.includes('Dopamin '));
        // Completion right after the misspelled 'Dopamin'.
        report = await runNeovim(broken, { line, character: lines[line].indexOf('Dopamin ') + 'Dopamin'.length });
        console.log(`      server: ${serverCommand().slice(1).join(' ')}`);
    });

    after(() => rmSync(workspace, { recursive: true, force: true }));

    it('runs without client or server errors', () => {
        assert.deepEqual(report.errors, []);
    });

    it('receives the unresolved-name error of the misspelled species', () => {
        const unresolved = report.diagnostics.filter((d) => d.code === 'unresolved');
        assert.equal(unresolved.length, 1, JSON.stringify(report.diagnostics));
        assert.match(unresolved[0].message, /Dopamin\b/);
        assert.equal(unresolved[0].severity, 1, 'an unresolved name is an error');
    });

    it('completes the misspelled name to the declared species', () => {
        assert.ok(report.completion.includes('Dopamine'), `completion offered: ${report.completion.join(', ')}`);
    });
});
