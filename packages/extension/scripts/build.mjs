// Bundles the extension with esbuild: the client (CommonJS, as VS Code loads it), the language
// server and its simulation worker (ESM; the Object.groupBy polyfill is the server's first import),
// and the preview webview (a browser script with uPlot and elkjs). `--production` minifies.
import { build } from 'esbuild';
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('..', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));
const production = process.argv.includes('--production');
const started = performance.now();

// Built beside dist/ and swapped in at the end, so a server or packager reading dist/ meanwhile never sees it half-built.
const dist = `${here}.dist-${process.pid}`;
await mkdir(`${dist}/webview`, { recursive: true });
await mkdir(`${here}syntaxes`, { recursive: true });

/** Workspace packages are bundled from source, so a bundle never depends on a stale tsc build. */
const alias = Object.fromEntries(['simulator', 'language', 'sbml'].map(name => [`@neurocascade/${name}`, `${root}packages/${name}/src/index.ts`]));
const common = { bundle: true, minify: production, sourcemap: !production, logLevel: 'warning', alias, legalComments: 'none' };
const esmNode = {
    ...common, platform: 'node', format: 'esm', target: 'node20',
    // CommonJS dependencies (vscode-languageserver) call require(); ESM output has none of its own.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" }
};

try {
    await Promise.all([
        // The client needs only the IR's constants from the simulator (through the SBML importer).
        build({ ...common, alias: { ...alias, '@neurocascade/simulator': `${root}packages/simulator/src/ir.ts` },
            platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'],
            entryPoints: [`${here}src/extension.ts`], outfile: `${dist}/extension.cjs` }),
        build({ ...esmNode, entryPoints: [`${root}packages/language/src/server.ts`], outfile: `${dist}/server.js` }),
        build({ ...esmNode, entryPoints: [`${root}packages/language/src/simulation/simulation-worker.ts`], outfile: `${dist}/simulation-worker.js` }),
        build({ ...common, platform: 'browser', format: 'iife', target: 'es2022',
            entryPoints: [`${here}src/webview/main.ts`], outfile: `${dist}/webview/preview.js` }),
        copyFile(`${root}syntaxes/cascade.tmLanguage.json`, `${here}syntaxes/cascade.tmLanguage.json`),
        copyFile(`${here}media/preview.css`, `${dist}/webview/preview.css`),
        copyFile(`${root}node_modules/uplot/dist/uPlot.min.css`, `${dist}/webview/uplot.css`)
    ]);
    await rm(`${here}dist`, { recursive: true, force: true });
    await rename(dist, `${here}dist`);
} finally {
    await rm(dist, { recursive: true, force: true });
}
console.log(`extension bundled${production ? ' for production' : ''} in ${Math.round(performance.now() - started)} ms`);
