import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** The launcher as tsc built it (plain ESM with Node built-ins only). */
const launcher = new URL('../src/bundle-launcher.js', import.meta.url).href;
/** Stands in for a bundle: says where it runs, as CommonJS, does some work to cache, and exports. */
const STAND_IN = "const path = require('node:path'); const square = n => n * n; module.exports = { answer: square(7) }; process.stdout.write(`${path.basename(__filename)} in ${path.basename(__dirname)} `);";

describe('the bundle launcher (code cache)', () => {
    let folder: string;
    /** A process that runs the stand-in through the launcher, as dist/server.js and the CLI's dist/cascade.js do. */
    const start = async (profile?: string, cacheThisRun = true) => {
        const script = `import { runBundleFromCodeCache } from '${launcher}';
            const exported = runBundleFromCodeCache(${JSON.stringify(join(folder, 'bundle.cjs'))}, { profile: ${JSON.stringify(profile)}, cacheThisRun: () => ${cacheThisRun} });
            process.stdout.write(String(exported.answer));`;
        return (await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script])).stdout;
    };
    const expected = () => `bundle.cjs in ${folder.split('/').pop()} 49`;
    const caches = async () => (await readdir(folder)).filter(name => name.endsWith('.cache')).sort();
    beforeEach(async () => {
        folder = await mkdtemp(join(tmpdir(), 'neurocascade-launcher-'));
        await writeFile(join(folder, 'bundle.cjs'), STAND_IN);
    });
    afterEach(() => rm(folder, { recursive: true, force: true }));

    it('runs the bundle as a CommonJS module, returns its exports and leaves a code cache for the next start', async () => {
        assert.equal(await start(), expected());
        const [cache] = await caches();
        assert.ok(cache, 'a cache is written');
        const written = (await stat(join(folder, cache))).mtimeMs;
        assert.equal(await start(), expected());
        assert.deepEqual(await caches(), [cache]);
        assert.equal((await stat(join(folder, cache))).mtimeMs, written, 'a cache that was used is not written again');
    });

    it('starts from a damaged cache and replaces it', async () => {
        await start();
        const [cache] = await caches();
        const good = await readFile(join(folder, cache));
        for (const damage of [Buffer.from('not a code cache'), good.subarray(0, good.length >> 1)]) {
            await writeFile(join(folder, cache), damage);
            assert.equal(await start(), expected());
            assert.ok(!(await readFile(join(folder, cache))).equals(damage), 'the damaged cache is replaced');
            const replaced = (await stat(join(folder, cache))).mtimeMs;
            assert.equal(await start(), expected());
            assert.equal((await stat(join(folder, cache))).mtimeMs, replaced, 'the replacement is accepted');
        }
    });

    it('keys the cache to the bundle: a changed bundle gets a cache of its own', async () => {
        await start();
        await writeFile(join(folder, 'bundle.cjs'), STAND_IN.replace('n * n', 'n * n * 1'));
        assert.equal(await start(), expected());
        assert.equal((await caches()).length, 2);
    });

    it('keeps one cache per profile (a CLI command), and a profile that is not a plain name shares "other"', async () => {
        await start('check');
        await start('simulate');
        await start('../../etc');
        await start('--weird name');
        assert.deepEqual((await caches()).map(name => name.split('.').at(-2)), ['check', 'other', 'simulate']);
    });

    it('leaves no cache after a run it is told not to cache', async () => {
        assert.equal(await start('check', false), expected());
        assert.deepEqual(await caches(), []);
    });
});
