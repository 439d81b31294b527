/**
 * Runs a CommonJS bundle (the language server's, the CLI's) from V8's code cache when there is
 * one. Compiling a bundle of a few megabytes, and the functions its start-up runs, is a large part
 * of a short process's life; the cache, written after the first run, spares it. A cache V8 rejects
 * (another Node, another bundle, a damaged file) is rebuilt; one that cannot be read or written
 * only costs that time. Node built-ins only: this module is what a process loads first.
 */
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

export interface BundleLaunchOptions {
    /**
     * Which run this is (a CLI command): each kind keeps its own cache, holding the functions
     * that kind of run compiled. Letters, digits and '-' only; anything else shares 'other'.
     */
    profile?: string;
    /** The cache is also written this long after start (a client may kill a server instead of letting it exit). */
    writeCacheAfterMs?: number;
    /**
     * Asked before the cache is written: a run it declines (a usage error) leaves none, since it
     * compiled too little of the bundle to start the next run of its kind well.
     */
    cacheThisRun?: () => boolean;
}

/** The code-cache file of `bundle` for this Node and this build of the bundle. */
export function codeCacheFile(bundle: string, profile = 'main'): string {
    // V8 checks a cache against the source's length only: the name carries the bundle's build
    // (size and modification time, read without hashing megabytes) and Node's version.
    const { size, mtimeNs } = statSync(bundle, { bigint: true });
    const name = /^[a-z0-9-]{1,32}$/i.test(profile) ? profile : 'other';
    return `${bundle}.${process.version}-${size}-${mtimeNs}.${name}.cache`;
}

/** Compiles and runs `bundle` (an absolute path) as a CommonJS module and returns its exports. */
export function runBundleFromCodeCache(bundle: string, options: BundleLaunchOptions = {}): unknown {
    const cacheFile = codeCacheFile(bundle, options.profile);
    const source = readFileSync(bundle, 'utf8');
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
            if (written || options.cacheThisRun?.() === false) return;
            written = true;
            try {
                // Written beside and renamed, so a process starting meanwhile never reads half a cache.
                writeFileSync(`${cacheFile}.${process.pid}`, script.createCachedData());
                renameSync(`${cacheFile}.${process.pid}`, cacheFile);
            } catch (error) {
                process.stderr.write(`The code cache of ${bundle} could not be written (${String(error)}); it starts uncached.\n`);
            }
        };
        process.once('exit', writeCache);
        if (options.writeCacheAfterMs !== undefined) setTimeout(writeCache, options.writeCacheAfterMs).unref();
    }
    const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;
    const module = { exports: {} as unknown };
    run(module.exports as object, createRequire(bundle), module, bundle, dirname(bundle));
    return module.exports;
}
