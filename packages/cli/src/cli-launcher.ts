/**
 * dist/cascade.js, which bin/cascade.js runs when the CLI was bundled (`npm run build`): runs the
 * CLI's bundle, dist/cli.cjs, from V8's code cache. Each command keeps its own cache, holding the
 * functions it compiled: `check` and `lsp` start from different parts of the bundle.
 */
import { fileURLToPath } from 'node:url';
import { runBundleFromCodeCache } from '@neurocascade/language/bundle-launcher';

/** `cascade lsp` runs until its client kills it, perhaps before it exits on its own: its cache is written by then. */
const WRITE_CACHE_AFTER_MS = 20_000;

const cli = runBundleFromCodeCache(fileURLToPath(new URL('./cli.cjs', import.meta.url)), {
    profile: process.argv[2] ?? 'usage',
    writeCacheAfterMs: WRITE_CACHE_AFTER_MS,
    // Exit code 2 (bad usage, unreadable input): the command hardly ran; a mistyped one is no command at all.
    cacheThisRun: () => process.exitCode !== 2
}) as typeof import('./main.js');
process.exitCode = await cli.main(process.argv.slice(2));
