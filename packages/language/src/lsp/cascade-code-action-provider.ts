import type { LangiumDocument } from 'langium';
import type { CodeActionProvider, LangiumSharedServices } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Diagnostic } from 'vscode-languageserver';
import type { CascadeServices } from '../cascade-module.js';
import type { CascadeScopeProvider } from '../scoping/cascade-scope-provider.js';
import { simulationsFor } from '../simulation/cascade-simulations.js';
import { CODE_RANGE, CODE_SYNTAX, CODE_UNIT_DIMENSION, CODE_UNIT_MISSING, CODE_UNRESOLVED, CODE_UNUSED } from '../validation/diagnostic-codes.js';
import { fittedValuesFix } from './fitted-values-fix.js';
import { suggestionFix } from './suggestion-fix.js';
import { addUnitFix, replaceUnitFixes } from './unit-fixes.js';
import { removeDeclarationFix } from './unused-fix.js';
import { unresolvedFixes } from './unresolved-fixes.js';

/**
 * Quick fixes for the diagnostics (docs/reference.md#checks) that name one: syntax (a misspelt keyword), range (a fraction written as a percentage), unresolved, unit-missing, unit-dimension, unused;
 * and inside a fit that has run, writing its fitted values into the model.
 */
export class CascadeCodeActionProvider implements CodeActionProvider {
    private readonly scope: CascadeScopeProvider;
    private readonly shared: LangiumSharedServices;

    constructor(services: CascadeServices) {
        this.scope = services.references.ScopeProvider;
        this.shared = services.shared;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
        return [
            ...params.context.diagnostics.flatMap(diagnostic => this.fixes(document, diagnostic)),
            ...fittedValuesFix(document, params.range, simulationsFor(this.shared).lastFits)
        ];
    }

    private fixes(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        switch (diagnostic.data?.code ?? diagnostic.code) {
            case CODE_SYNTAX:
            case CODE_RANGE: return suggestionFix(document, diagnostic);
            case CODE_UNRESOLVED: return unresolvedFixes(document, diagnostic, this.scope);
            case CODE_UNIT_MISSING: return addUnitFix(document, diagnostic);
            case CODE_UNIT_DIMENSION: return replaceUnitFixes(document, diagnostic);
            case CODE_UNUSED: return removeDeclarationFix(document, diagnostic);
            default: return [];
        }
    }
}
