// A throwaway copy of a workspace folder, so editor tests may edit, save and export freely.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './extension-package.mjs';

export const fixtureWorkspace = join(repoRoot, 'test', 'fixtures', 'workspace');

export interface WorkspaceCopy {
    folder: string;
    remove(): void;
}

export function copyWorkspace(source: string): WorkspaceCopy {
    const root = mkdtempSync(join(tmpdir(), 'neurocascade-workspace-'));
    const folder = join(root, 'workspace');
    cpSync(source, folder, { recursive: true });
    return { folder, remove: () => rmSync(root, { recursive: true, force: true }) };
}
