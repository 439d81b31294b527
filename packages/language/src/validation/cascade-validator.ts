import type { ValidationChecks } from 'langium';
import type { CascadeAstType } from '../generated/ast.js';
import type { CascadeServices } from '../cascade-module.js';
import { checkImport } from './import-checks.js';

/** Registers every check of LANGUAGE.md §12 with Langium's validation registry. */
export function registerValidationChecks(services: CascadeServices): void {
    const checks: ValidationChecks<CascadeAstType> = {
        Import: checkImport(services.references.CascadeImports)
    };
    services.validation.ValidationRegistry.register(checks);
}
