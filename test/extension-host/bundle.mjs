// Bundles the extension-host suite (mocha included) into one CommonJS file, the module
// format every VS Code extension host can load.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from '../editor/extension-package.mjs';

const suiteDir = join(repoRoot, 'test', 'extension-host');

/** Bundles `<entry>.ts` of this folder (the suite by default) into `<outDir>/index.js`; returns that path. */
export async function bundleExtensionHostSuite(outDir, entry = 'index') {
    mkdirSync(outDir, { recursive: true });
    // The repo is "type": "module"; this folder's files are CommonJS.
    writeFileSync(join(outDir, 'package.json'), JSON.stringify({ type: 'commonjs' }));
    const outfile = join(outDir, 'index.js');
    await build({
        entryPoints: [join(suiteDir, `${entry}.ts`)],
        outfile,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['vscode'],
        sourcemap: 'inline',
        logLevel: 'error',
    });
    return outfile;
}
