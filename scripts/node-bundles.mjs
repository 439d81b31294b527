// esbuild options shared by the bundles that run on Node: the extension's (packages/extension/scripts/build.mjs)
// and the CLI's (packages/cli/scripts/build.mjs).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Workspace packages are bundled from source, so a bundle never depends on a stale tsc build:
 * each entry of a package's `exports` (`./out/src/x.js`) is mapped to its source (`src/x.ts`); a
 * pattern (`./diagram/*`) to each source file of its folder, since esbuild's aliases have none.
 */
export const workspaceAlias = Object.fromEntries(['simulator', 'language', 'sbml'].flatMap(name => {
    const { exports } = JSON.parse(readFileSync(`${root}packages/${name}/package.json`, 'utf8'));
    const source = target => `${root}packages/${name}/${target.default.replace(/^\.\/out\//, '').replace(/\.js$/, '.ts')}`;
    return Object.entries(exports).flatMap(([subpath, target]) => {
        if (!subpath.includes('*')) return [[`@neurocascade/${name}${subpath.slice(1)}`, source(target)]];
        const folder = source(target).slice(0, source(target).lastIndexOf('/'));
        return readdirSync(folder).filter(file => file.endsWith('.ts') && !file.endsWith('.d.ts')).map(file => [
            `@neurocascade/${name}${subpath.slice(1).replace('*', file.slice(0, -3))}`, `${folder}/${file}`
        ]);
    });
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
