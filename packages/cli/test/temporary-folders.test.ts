import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

describe('test folders', () => {
    it('are removed when the test process ends, even when it ends by an uncaught error', () => {
        const temporary = mkdtempSync(path.join(tmpdir(), 'cascade-litter-'));
        try {
            const helper = new URL('./run-cli.js', import.meta.url).href;
            for (const ending of ['', 'throw new Error("a test crashed")']) {
                const script = `const { folderWith } = await import(${JSON.stringify(helper)}); const f = folderWith({ 'a.cascade': 'x' }); console.log(f); ${ending}`;
                const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, TMPDIR: temporary }, encoding: 'utf8' });
                const folder = run.stdout.trim();
                assert.ok(folder.startsWith(temporary), run.stderr);
                assert.ok(!existsSync(folder), `${folder} is left behind`);
            }
            assert.deepEqual(readdirSync(temporary), []);
        } finally {
            rmSync(temporary, { recursive: true, force: true });
        }
    });
});
