import type { LangiumDocument } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';

/** A diagnostic as the CLI prints it: 1-based lines and columns. */
export interface CascadeDiagnostic {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: 'error' | 'warning' | 'info' | 'hint';
    code: string;
    message: string;
}

const SEVERITIES: Record<number, CascadeDiagnostic['severity']> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info',
    [DiagnosticSeverity.Hint]: 'hint'
};

export function toCascadeDiagnostic(diagnostic: Diagnostic, file: string): CascadeDiagnostic {
    return {
        file,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        endLine: diagnostic.range.end.line + 1,
        endColumn: diagnostic.range.end.character + 1,
        severity: SEVERITIES[diagnostic.severity ?? DiagnosticSeverity.Error],
        code: String(diagnostic.code ?? diagnostic.data?.code ?? 'unknown'),
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value
    };
}

export function documentDiagnostics(document: LangiumDocument): CascadeDiagnostic[] {
    return (document.diagnostics ?? []).map(diagnostic => toCascadeDiagnostic(diagnostic, document.uri.fsPath));
}

export function hasErrors(diagnostics: readonly CascadeDiagnostic[]): boolean {
    return diagnostics.some(diagnostic => diagnostic.severity === 'error');
}
