/**
 * dist/server.js: starts the bundled language server (dist/language-server.cjs) from V8's code
 * cache when there is one. Compiling the 800 KB bundle, and the functions its start-up and first
 * builds run, is about a tenth of the server's start; the cache, written after the first session,
 * spares it. A cache V8 rejects (another Node, another bundle) is rebuilt; one that cannot be read
 * or written only costs that time.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/** The cache is written this long after start-up at the latest (a client may kill the server instead of letting it exit). */
const WRITE_CACHE_AFTER_MS = 20_000;

const bundle = fileURLToPath(new URL('./language-server.cjs', import.meta.url));
const source = readFileSync(bundle, 'utf8');
// V8 checks a cache against the source's length only: the name carries its content and Node's version.
const key = createHash('sha256').update(process.version).update(source).digest('hex').slice(0, 16);
const cacheFile = `${bundle}.${key}.cache`;

let cachedData: Buffer | undefined;
try {
    cachedData = readFileSync(cacheFile);
} catch {
    cachedData = undefined;
}
const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
if (!cachedData || script.cachedDataRejected) {
    let written = false;
    const writeCache = () => {
        if (written) return;
        written = true;
        try {
            // Written beside and renamed, so a server starting meanwhile never reads half a cache.
            writeFileSync(`${cacheFile}.${process.pid}`, script.createCachedData());
            renameSync(`${cacheFile}.${process.pid}`, cacheFile);
        } catch (error) {
            process.stderr.write(`The language server's code cache could not be written (${String(error)}); it starts uncached.\n`);
        }
    };
    process.once('exit', writeCache);
    setTimeout(writeCache, WRITE_CACHE_AFTER_MS).unref();
}
const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
const module = { exports: {} };
run(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
