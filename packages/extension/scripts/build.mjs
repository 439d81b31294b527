// Bundles the extension with esbuild: the client (CommonJS, as VS Code loads it), the language
// server (CommonJS, so that its launcher, dist/server.js, can run it from V8's code cache), its
// simulation worker and the population workers that one starts (ESM; the Object.groupBy polyfill is the server's first import),
// and the preview webview (an ES module with uPlot; elkjs a module of its own it loads for the first cascade).
// `--production` minifies.
import { build } from 'esbuild';
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { nodeBundleOptions, root, workspaceAlias } from '../../../scripts/node-bundles.mjs';

const here = fileURLToPath(new URL('..', import.meta.url));
const production = process.argv.includes('--production');
const started = performance.now();
const { common, esmNode, codeCacheBundle } = nodeBundleOptions(production);

// Built beside dist/ and swapped in at the end, so a server or packager reading dist/ meanwhile never sees it half-built.
const dist = `${here}.dist-${process.pid}`;
await mkdir(`${dist}/webview`, { recursive: true });
await mkdir(`${here}syntaxes`, { recursive: true });
await mkdir(`${here}docs`, { recursive: true });

/**
 * The client's modules it imports dynamically become files of their own (dist/<name>.cjs), loaded
 * when first needed instead of with the extension: activation then loads only its own small bundle.
 */
const lazyClientModules = ['server-connection', 'sbml-import'];
const clientNode = { ...common, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'],
    // import() becomes require(): VS Code provides `vscode` to CommonJS modules only.
    supported: { 'dynamic-import': false },
    // The client needs only the IR's constants from the simulator (through the SBML importer).
    alias: { ...workspaceAlias, '@neurocascade/simulator': `${root}packages/simulator/src/ir.ts` } };
const lazyChunks = {
    name: 'lazy-client-modules',
    setup(bundle) {
        bundle.onResolve({ filter: new RegExp(`^\\./(${lazyClientModules.join('|')})\\.js$`) }, ({ path, kind }) =>
            kind === 'dynamic-import' ? { path: path.replace(/\.js$/, '.cjs'), external: true } : undefined);
    }
};

try {
    await Promise.all([
        build({ ...clientNode, plugins: [lazyChunks], entryPoints: [`${here}src/extension.ts`], outfile: `${dist}/extension.cjs` }),
        ...lazyClientModules.map(name => build({ ...clientNode, entryPoints: [`${here}src/${name}.ts`], outfile: `${dist}/${name}.cjs` })),
        build({ ...esmNode, entryPoints: [`${here}src/server-launcher.ts`], outfile: `${dist}/server.js` }),
        build({ ...codeCacheBundle, entryPoints: [`${root}packages/language/src/server.ts`], outfile: `${dist}/language-server.cjs` }),
        build({ ...esmNode, entryPoints: [`${root}packages/language/src/simulation/simulation-worker.ts`], outfile: `${dist}/simulation-worker.js` }),
        // The simulation worker spreads a population's runs over these (the simulator's pool finds them beside it).
        build({ ...esmNode, entryPoints: [`${root}packages/simulator/src/analysis/population/sweep-worker.ts`], outfile: `${dist}/sweep-worker.js` }),
        // Two self-contained modules: the preview's (inlined into its page) and elkjs (imported by URL for the first cascade).
        build({ ...common, platform: 'browser', format: 'esm', target: 'es2022',
            entryPoints: { preview: `${here}src/webview/main.ts`, elk: `${root}node_modules/elkjs/lib/elk.bundled.js` }, outdir: `${dist}/webview` }),
        copyFile(`${root}syntaxes/cascade.tmLanguage.json`, `${here}syntaxes/cascade.tmLanguage.json`),
        // The server links each diagnostic's code to its section of the reference it finds above dist/.
        copyFile(`${root}docs/reference.md`, `${here}docs/reference.md`),
        copyFile(`${here}media/preview.css`, `${dist}/webview/preview.css`),
        copyFile(`${root}node_modules/uplot/dist/uPlot.min.css`, `${dist}/webview/uplot.css`)
    ]);
    await rm(`${here}dist`, { recursive: true, force: true });
    await rename(dist, `${here}dist`);
} finally {
    await rm(dist, { recursive: true, force: true });
}
console.log(`extension bundled${production ? ' for production' : ''} in ${Math.round(performance.now() - started)} ms`);
