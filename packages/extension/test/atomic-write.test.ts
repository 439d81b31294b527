import { strict as assert } from 'node:assert';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../src/atomic-write.js';

describe('atomic write', () => {
    let folder: string;
    beforeEach(async () => { folder = await mkdtemp(join(tmpdir(), 'neurocascade-')); });
    afterEach(() => rm(folder, { recursive: true, force: true }));

    it('replaces the file and leaves no temporary file behind', async () => {
        const path = join(folder, 'results.csv');
        await writeFile(path, 'old');
        await writeFileAtomic(path, 'new');
        assert.equal(await readFile(path, 'utf8'), 'new');
        assert.deepEqual(await readdir(folder), ['results.csv']);
    });

    it('fails without touching anything when the folder does not exist', async () => {
        await assert.rejects(writeFileAtomic(join(folder, 'missing', 'results.csv'), 'x'), /ENOENT/);
        assert.deepEqual(await readdir(folder), []);
    });
});
