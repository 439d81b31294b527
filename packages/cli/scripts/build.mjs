// Bundles the CLI with esbuild (run by `npm run build`): dist/cascade.js, which bin/cascade.js runs,
// is the front (arguments, usage) and takes each command from dist/commands.cjs (CommonJS, run
// from V8's code cache), beside which lie the workers its commands start: the language server's
// simulation worker (`cascade lsp`), the cascade pool's and the sweep pool's (populations, Sobol, Morris).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdir, rename, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { nodeBundleOptions, root } from '../../../scripts/node-bundles.mjs';

const here = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();
// Minified: less to read and compile at every start.
const { esmNode, codeCacheBundle } = nodeBundleOptions(true);

/** In the front, `import('./commands/<name>.js')` takes the command from the command bundle. */
const commandsFromBundle = {
    name: 'commands-from-bundle',
    setup(bundle) {
        bundle.onResolve({ filter: /^\.\/commands\/[a-z-]+\.js$/ }, ({ kind }) =>
            kind === 'dynamic-import' ? { path: 'commands', namespace: 'command-bundle' } : undefined);
        bundle.onLoad({ filter: /.*/, namespace: 'command-bundle' }, () => ({
            contents: `import { commandBundle } from ${JSON.stringify(`${here}src/command-bundle.ts`)}; module.exports = commandBundle();`,
            resolveDir: `${here}src`, loader: 'js'
        }));
    }
};

/** In the commands, `usage.js` is the front's (command-bundle.ts): one UsageError class in the process. */
const usageFromFront = {
    name: 'usage-from-front',
    setup(bundle) {
        bundle.onResolve({ filter: /(^|\/)usage\.js$/ }, ({ importer }) =>
            importer.startsWith(`${here}src`) ? { path: 'usage', namespace: 'front-usage' } : undefined);
        bundle.onLoad({ filter: /.*/, namespace: 'front-usage' }, () => ({
            contents: "module.exports = globalThis[Symbol.for('neurocascade.cli.usage')];", loader: 'js'
        }));
    }
};

// Built beside dist/ and swapped in at the end, so a command starting meanwhile never sees it half-built.
const dist = `${here}.dist-${process.pid}`;
await mkdir(dist, { recursive: true });
try {
    await Promise.all([
        build({ ...esmNode, plugins: [commandsFromBundle], entryPoints: [`${here}src/cli-launcher.ts`], outfile: `${dist}/cascade.js` }),
        build({ ...codeCacheBundle, plugins: [usageFromFront], entryPoints: [`${here}src/commands/index.ts`], outfile: `${dist}/commands.cjs` }),
        build({ ...esmNode, entryPoints: [`${root}packages/language/src/simulation/simulation-worker.ts`], outfile: `${dist}/simulation-worker.js` }),
        build({ ...esmNode, entryPoints: [`${root}packages/simulator/src/run/cascade-worker.ts`], outfile: `${dist}/cascade-worker.js` }),
        build({ ...esmNode, entryPoints: [`${root}packages/simulator/src/analysis/population/sweep-worker.ts`], outfile: `${dist}/sweep-worker.js` })
    ]);
    await rm(`${here}dist`, { recursive: true, force: true });
    await rename(dist, `${here}dist`);
} finally {
    await rm(dist, { recursive: true, force: true });
}
// Each command keeps V8's code cache of what it compiled, written at the end of its first run; without one
// a first `check` or `simulate` compiles the bundle's functions afresh (~0.2 s more). Running the commands
// a user starts with once here gives the first run after an install or a build the cache a later run has.
const example = `${root}examples/dopamine.cascade`;
for (const command of [['check', example], ['simulate', example], ['steady', example]]) {
    const run = spawnSync(process.execPath, [`${here}bin/cascade.js`, ...command], { stdio: 'ignore' });
    if (run.status !== 0) console.warn(`cascade ${command[0]} ${example} exited with ${run.status}: its code cache is written at its first run instead`);
}
console.log(`CLI bundled in ${Math.round(performance.now() - started)} ms`);
