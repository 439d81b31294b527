// esbuild options shared by the bundles that run on Node: the extension's (packages/extension/scripts/build.mjs)
// and the CLI's (packages/cli/scripts/build.mjs).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Workspace packages are bundled from source, so a bundle never depends on a stale tsc build:
 * each entry of a package's `exports` (`./out/src/x.js`) is mapped to its source (`src/x.ts`).
 */
export const workspaceAlias = Object.fromEntries(['simulator', 'language', 'sbml'].flatMap(name => {
    const { exports } = JSON.parse(readFileSync(`${root}packages/${name}/package.json`, 'utf8'));
    return Object.entries(exports).map(([subpath, target]) => [
        `@neurocascade/${name}${subpath.slice(1)}`,
        `${root}packages/${name}/${target.default.replace(/^\.\/out\//, '').replace(/\.js$/, '.ts')}`
    ]);
}));

export function nodeBundleOptions(production) {
    const common = { bundle: true, minify: production, sourcemap: !production, logLevel: 'warning', alias: workspaceAlias, legalComments: 'none' };
    return {
        common,
        /** ES modules (launchers, workers). */
        esmNode: {
            ...common, platform: 'node', format: 'esm', target: 'node20',
            // CommonJS dependencies (vscode-languageserver) call require(); ESM output has none of its own.
            banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" }
        },
        /**
         * CommonJS, so that a launcher can run it from V8's code cache (bundle-launcher.ts). Modules
         * find their workers beside themselves by their own URL: the bundle's.
         */
        codeCacheBundle: {
            ...common, platform: 'node', format: 'cjs', target: 'node20',
            define: { 'import.meta.url': '__bundleUrl' }, banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" }
        }
    };
}
