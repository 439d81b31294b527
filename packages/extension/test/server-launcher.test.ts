import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The launcher as tsc built it (plain ESM with Node built-ins only), copied beside a stand-in server. */
const launcher = fileURLToPath(new URL('../src/server-launcher.js', import.meta.url));
/** Stands in for the bundled server: says where it runs, as CommonJS, and does some work to cache. */
const STAND_IN = "const path = require('node:path'); const square = n => n * n; process.stdout.write(`${path.basename(__filename)} in ${path.basename(__dirname)} ${square(7)}`);";

describe('the language server launcher', () => {
    let folder: string;
    const start = async () => (await promisify(execFile)(process.execPath, [join(folder, 'server.js')])).stdout;
    const caches = async () => (await readdir(folder)).filter(name => name.endsWith('.cache'));
    beforeEach(async () => {
        folder = await mkdtemp(join(tmpdir(), 'neurocascade-launcher-'));
        await copyFile(launcher, join(folder, 'server.js'));
        await writeFile(join(folder, 'language-server.cjs'), STAND_IN);
    });
    afterEach(() => rm(folder, { recursive: true, force: true }));

    it('runs the bundle as a CommonJS module and leaves a code cache for the next start', async () => {
        assert.equal(await start(), `language-server.cjs in ${folder.split('/').pop()} 49`);
        const [cache] = await caches();
        const written = (await stat(join(folder, cache))).mtimeMs;
        assert.equal(await start(), `language-server.cjs in ${folder.split('/').pop()} 49`);
        assert.deepEqual(await caches(), [cache]);
        assert.equal((await stat(join(folder, cache))).mtimeMs, written, 'a cache that was used is not written again');
    });

    it('starts from a damaged cache and replaces it', async () => {
        await start();
        const [cache] = await caches();
        await writeFile(join(folder, cache), 'not a code cache');
        assert.equal(await start(), `language-server.cjs in ${folder.split('/').pop()} 49`);
        assert.notEqual(await readFile(join(folder, cache), 'utf8'), 'not a code cache');
    });

    it('keys the cache to the bundle: a changed bundle gets a cache of its own', async () => {
        await start();
        await writeFile(join(folder, 'language-server.cjs'), STAND_IN.replace('n * n', 'n * n * 1'));
        assert.equal(await start(), `language-server.cjs in ${folder.split('/').pop()} 49`);
        assert.equal((await caches()).length, 2);
    });
});
