#!/usr/bin/env node
// The bundle `npm run build` writes (dist/, run from V8's code cache) when there is one; the
// modules tsc built otherwise. Both run main() on this process's arguments.
import { existsSync } from 'node:fs';

const bundled = new URL('../dist/cascade.js', import.meta.url);
if (existsSync(bundled)) await import(bundled.href);
else process.exitCode = await (await import('../out/src/main.js')).main(process.argv.slice(2));
