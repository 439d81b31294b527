// Every command: the entry of the CLI's command bundle, dist/commands.cjs (scripts/build.mjs).
export { cascade } from './cascade.js';
export { check } from './check.js';
export { diagram } from './diagram.js';
export { format } from './format.js';
export { lsp } from './lsp.js';
export { sbmlExport } from './sbml-export.js';
export { sbmlImport } from './sbml-import.js';
export { simulate } from './simulate.js';
export { steady } from './steady.js';
