// Bundles the CLI with esbuild (run by `npm run build`): dist/cascade.js, the launcher bin/cascade.js
// runs, which runs dist/cli.cjs (CommonJS, for V8's code cache) with the workers its commands
// start beside it: the language server's simulation worker (`cascade lsp`) and the cascade pool's.
import { build } from 'esbuild';
import { mkdir, rename, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { nodeBundleOptions, root } from '../../../scripts/node-bundles.mjs';

const here = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();
// Minified: less to read and compile at every start.
const { esmNode, codeCacheBundle } = nodeBundleOptions(true);

// Built beside dist/ and swapped in at the end, so a command starting meanwhile never sees it half-built.
const dist = `${here}.dist-${process.pid}`;
await mkdir(dist, { recursive: true });
try {
    await Promise.all([
        build({ ...esmNode, entryPoints: [`${here}src/cli-launcher.ts`], outfile: `${dist}/cascade.js` }),
        build({ ...codeCacheBundle, entryPoints: [`${here}src/main.ts`], outfile: `${dist}/cli.cjs` }),
        build({ ...esmNode, entryPoints: [`${root}packages/language/src/simulation/simulation-worker.ts`], outfile: `${dist}/simulation-worker.js` }),
        build({ ...esmNode, entryPoints: [`${root}packages/simulator/src/run/cascade-worker.ts`], outfile: `${dist}/cascade-worker.js` })
    ]);
    await rm(`${here}dist`, { recursive: true, force: true });
    await rename(dist, `${here}dist`);
} finally {
    await rm(dist, { recursive: true, force: true });
}
console.log(`CLI bundled in ${Math.round(performance.now() - started)} ms`);
