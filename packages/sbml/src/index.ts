export { importSbml, importSbmlFile, type ImportOptions, type ImportResult } from './import-sbml.js';
export { reportedValue, type SbmlMapping, type SbmlMappingEntry } from './sbml-mapping.js';
export { SbmlImportError } from './sbml-error.js';
export { printExpression } from './expression-printer.js';
export { exportSbml, exportSbmlWithIds, SbmlExportError, type SbmlExportWithIds } from './export-sbml.js';
export { exportPetab } from './export-petab.js';
export { importPetab, importPetabFile } from './import-petab.js';
export { readPetabProblem, writePetabProblem, petabFileNames, type PetabProblem } from './petab-problem.js';
export { PetabError } from './petab-table.js';
