// Every command: the entry of the CLI's command bundle, dist/commands.cjs (scripts/build.mjs).
export { cascade } from './cascade.js';
export { check } from './check.js';
export { completion } from './completion.js';
export { diagram } from './diagram.js';
export { fit } from './fit.js';
export { format } from './format.js';
export { lsp } from './lsp.js';
export { mca } from './mca.js';
export { petab } from './petab.js';
export { sbmlExport } from './sbml-export.js';
export { sbmlImport } from './sbml-import.js';
export { morris, population, sobol } from './population.js';
export { scan } from './scan.js';
export { sweep } from './sweep.js';
export { sensitivity } from './sensitivity.js';
export { simulate } from './simulate.js';
export { steady } from './steady.js';
