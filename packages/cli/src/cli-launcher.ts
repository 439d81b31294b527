/**
 * dist/cascade.js, which bin/cascade.js runs when the CLI was bundled (`npm run build`): the
 * command line's front, with each command taken from the command bundle (command-bundle.ts).
 */
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
