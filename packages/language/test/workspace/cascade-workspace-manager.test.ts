import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createCascadeServices } from '../../src/cascade-module.js';

describe('the language server\'s workspace loading', () => {
    it('loads regular .cascade files within the size limit: no links, FIFOs, other extensions or oversized files', async () => {
        const root = mkdtempSync(path.join(tmpdir(), 'cascade-workspace-'));
        try {
            const folder = path.join(root, 'ws');
            mkdirSync(path.join(folder, 'sub.cascade'), { recursive: true });
            writeFileSync(path.join(root, 'outside.cascade'), 'parameter Secret = 1\n');
            writeFileSync(path.join(folder, 'ok.cascade'), 'parameter k = 1\n');
            writeFileSync(path.join(folder, 'sub.cascade', 'inner.cascade'), 'parameter j = 1\n');
            writeFileSync(path.join(folder, 'notes.txt'), 'text\n');
            symlinkSync('../outside.cascade', path.join(folder, 'leak.cascade'));
            symlinkSync('/dev/zero', path.join(folder, 'zero.cascade'));
            execFileSync('mkfifo', [path.join(folder, 'pipe.cascade')]);
            writeFileSync(path.join(folder, 'big.cascade'), 'parameter big = 1\n');
            truncateSync(path.join(folder, 'big.cascade'), 10_500_000);
            const { shared } = createCascadeServices(NodeFileSystem);
            const found = await shared.workspace.WorkspaceManager.searchFolder(URI.file(folder));
            assert.deepEqual(found.map(uri => path.relative(folder, uri.fsPath)).sort(), ['ok.cascade', path.join('sub.cascade', 'inner.cascade')]);
        } finally {
            rmSync(root, { recursive: true, force: true });
        }
    });
});
