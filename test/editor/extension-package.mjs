// Builds the extension's .vsix with the extension's own `npm run package` script.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Found by walking up: this file also runs as its compiled copy in test/out/editor.
function findRepoRoot(from) {
    if (existsSync(join(from, 'packages', 'extension', 'package.json'))) return from;
    if (dirname(from) === from) throw new Error('not inside the NeuroCascade repository');
    return findRepoRoot(dirname(from));
}

export const repoRoot = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
export const extensionRoot = join(repoRoot, 'packages', 'extension');

function newestVsix(since) {
    const candidates = readdirSync(extensionRoot, { recursive: true })
        .filter((file) => String(file).endsWith('.vsix') && !String(file).includes('node_modules'))
        .map((file) => join(extensionRoot, String(file)))
        .map((path) => ({ path, mtime: statSync(path).mtimeMs }))
        .filter(({ mtime }) => mtime >= since)
        .sort((a, b) => b.mtime - a.mtime);
    return candidates[0]?.path;
}

let packaged;

/**
 * Runs `npm run package` in packages/extension (once per process) and returns a private copy
 * of the .vsix it wrote, which a later build in the working tree cannot change under the tests.
 */
export function packageExtension({ quiet = false } = {}) {
    packaged ??= buildVsix(quiet);
    return packaged;
}

function buildVsix(quiet) {
    const started = Date.now() - 1000;
    console.log('[extension] npm run package (packages/extension)');
    try {
        execFileSync('npm', ['run', 'package', '--workspace', 'packages/extension'], {
            cwd: repoRoot,
            stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'],
            encoding: 'utf8',
        });
    } catch (error) {
        const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim();
        throw new Error(`npm run package failed in packages/extension${output ? `:\n${output}` : ''}`);
    }
    const vsix = newestVsix(started);
    if (!vsix) throw new Error(`npm run package wrote no new .vsix under ${extensionRoot}`);
    const folder = mkdtempSync(join(tmpdir(), 'neurocascade-vsix-'));
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
    const copy = join(folder, basename(vsix));
    copyFileSync(vsix, copy);
    return copy;
}
