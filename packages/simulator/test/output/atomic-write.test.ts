import { strict as assert } from 'node:assert';
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/output/atomic-write.js';

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

    it('writes chunks as they are produced', async () => {
        const path = join(folder, 'rows.csv');
        async function* rows() { for (let i = 0; i < 3; i++) yield `${i}\n`; }
        await writeFileAtomic(path, rows());
        assert.equal(await readFile(path, 'utf8'), '0\n1\n2\n');
    });

    it('keeps the old file and removes its temporary file when the chunks fail midway', async () => {
        const path = join(folder, 'rows.csv');
        await writeFile(path, 'old');
        function* failing() { yield 'half a file'; throw new Error('the run failed'); }
        await assert.rejects(writeFileAtomic(path, failing()), /the run failed/);
        assert.equal(await readFile(path, 'utf8'), 'old');
        assert.deepEqual(await readdir(folder), ['rows.csv']);
    });

    it('never writes through a symlink planted under the temporary names the old writers used', async () => {
        // The old importer wrote `.<name>.<pid>.<time>.tmp` with flag `w`; plant links for a span of names like it.
        const victim = join(folder, 'victim.txt');
        await writeFile(victim, 'precious');
        for (let ms = Date.now(); ms < Date.now() + 50; ms++) await symlink(victim, join(folder, `.model.cascade.${process.pid}.${ms}.tmp`));
        await writeFileAtomic(join(folder, 'model.cascade'), 'model M');
        assert.equal(await readFile(victim, 'utf8'), 'precious');
        assert.equal(await readFile(join(folder, 'model.cascade'), 'utf8'), 'model M');
    });

    it('gives concurrent writes of one file distinct temporary files: one whole text wins', async () => {
        const path = join(folder, 'out.json');
        const texts = Array.from({ length: 20 }, (_, i) => `${i}`.repeat(10_000));
        await Promise.all(texts.map(text => writeFileAtomic(path, text)));
        assert.ok(texts.includes(await readFile(path, 'utf8')));
        assert.deepEqual(await readdir(folder), ['out.json']);
    });
});
