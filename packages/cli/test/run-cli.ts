import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/cascade.js', import.meta.url));

export interface CliRun {
    status: number | null;
    stdout: string;
    stderr: string;
}

/** Runs `cascade …` in `cwd` as a user would, with a generous time limit so a hang fails the test. */
export function cascade(args: string[], cwd: string): CliRun {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const folders: string[] = [];
// Removed when the test process ends, however it ends: each run left about twenty folders behind.
process.once('exit', () => folders.forEach(folder => rmSync(folder, { recursive: true, force: true })));

/** A fresh folder holding the given files, removed when the tests end. */
export function folderWith(files: Record<string, string>): string {
    const folder = mkdtempSync(path.join(tmpdir(), 'cascade-cli-'));
    folders.push(folder);
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
    return folder;
}
