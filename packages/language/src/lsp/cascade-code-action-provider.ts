import type { LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Diagnostic } from 'vscode-languageserver';
import type { CascadeServices } from '../cascade-module.js';
import type { CascadeScopeProvider } from '../scoping/cascade-scope-provider.js';
import { CODE_UNIT_DIMENSION, CODE_UNIT_MISSING, CODE_UNRESOLVED, CODE_UNUSED } from '../validation/diagnostic-codes.js';
import { addUnitFix, replaceUnitFixes } from './unit-fixes.js';
import { removeDeclarationFix } from './unused-fix.js';
import { unresolvedFixes } from './unresolved-fixes.js';

/** Quick fixes for the diagnostics (docs/reference.md#checks) that name one: unresolved, unit-missing, unit-dimension, unused. */
export class CascadeCodeActionProvider implements CodeActionProvider {
    private readonly scope: CascadeScopeProvider;

    constructor(services: CascadeServices) {
        this.scope = services.references.ScopeProvider;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
        return params.context.diagnostics.flatMap(diagnostic => this.fixes(document, diagnostic));
    }

    private fixes(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        switch (diagnostic.data?.code ?? diagnostic.code) {
            case CODE_UNRESOLVED: return unresolvedFixes(document, diagnostic, this.scope);
            case CODE_UNIT_MISSING: return addUnitFix(document, diagnostic);
            case CODE_UNIT_DIMENSION: return replaceUnitFixes(document, diagnostic);
            case CODE_UNUSED: return removeDeclarationFix(document, diagnostic);
            default: return [];
        }
    }
}
