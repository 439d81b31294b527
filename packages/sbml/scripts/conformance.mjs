#!/usr/bin/env node
// Entry point of `npm run conformance`; the harness lives in src/conformance (build the package first).
import { main } from '../out/src/conformance/cli.js';

process.exitCode = await main(process.argv.slice(2));
