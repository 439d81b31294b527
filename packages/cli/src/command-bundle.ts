/**
 * The commands of the bundled CLI (dist/commands.cjs), run from V8's code cache. The bundle's
 * front (dist/cascade.js: the argument handling and usage) loads them only for a command, so
 * `--help` reads none of their megabytes. Each command keeps its own cache, holding the
 * functions it compiled: `check` and `lsp` start from different parts of the bundle.
 */
import { fileURLToPath } from 'node:url';
import { runBundleFromCodeCache } from '@neurocascade/language/bundle-launcher';
import * as usage from './usage.js';

/**
 * The bundle's commands throw the front's UsageError and InputError (scripts/build.mjs points their
 * `usage.js` here), so that the front's `instanceof` tells bad usage (exit 2) from failure (exit 1).
 */
const SHARED_USAGE = Symbol.for('neurocascade.cli.usage');

/** `cascade lsp` runs until its client kills it, perhaps before it exits on its own: its cache is written by then. */
const WRITE_CACHE_AFTER_MS = 20_000;

let commands: typeof import('./commands/index.js') | undefined;

export function commandBundle(): typeof import('./commands/index.js') {
    (globalThis as Record<symbol, unknown>)[SHARED_USAGE] = usage;
    commands ??= runBundleFromCodeCache(fileURLToPath(new URL('./commands.cjs', import.meta.url)), {
        profile: process.argv[2],
        writeCacheAfterMs: WRITE_CACHE_AFTER_MS,
        // Exit code 2 (bad usage, unreadable input): the command hardly ran.
        cacheThisRun: () => process.exitCode !== 2
    }) as typeof import('./commands/index.js');
    return commands;
}
