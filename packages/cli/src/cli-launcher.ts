/**
 * dist/cascade.js, which bin/cascade.js runs when the CLI was bundled (`npm run build`): the
 * command line's front. In it, main's `import('./commands/<name>.js')` loads the command bundle
 * instead (command-bundle.ts; scripts/build.mjs makes the substitution).
 */
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
