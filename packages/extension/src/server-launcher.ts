/**
 * dist/server.js: starts the bundled language server (dist/language-server.cjs) from V8's code
 * cache (see the language package's bundle-launcher).
 */
import { fileURLToPath } from 'node:url';
import { runBundleFromCodeCache } from '@neurocascade/language/bundle-launcher';

runBundleFromCodeCache(fileURLToPath(new URL('./language-server.cjs', import.meta.url)), { writeCacheAfterMs: 20_000 });
