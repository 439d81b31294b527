/**
 * `expect-failed` warnings (docs/reference.md#expect-failed): the expects the last run of each scenario broke, shown on
 * their lines next to the document's own diagnostics. They belong to the document version
 * that was run; an edit drops them until the scenario runs again.
 */
import { DocumentState, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { ExpectOutcome } from './simulation-protocol.js';

export const EXPECT_FAILED = 'expect-failed';

interface DocumentFailures {
    version: number;
    byScenario: Map<string, Diagnostic[]>;
}

export class ExpectDiagnostics {
    private readonly failures = new Map<string, DocumentFailures>();

    constructor(private readonly shared: LangiumSharedServices) {
        shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
            const uri = document.uri.toString();
            const entry = this.failures.get(uri);
            if (entry && entry.version !== document.textDocument.version) this.failures.delete(uri);
            else if (entry) this.publish(document);
        });
    }

    /** Replaces what the scenario's previous run reported, and publishes every document it touches. */
    record(scenario: string, expects: ExpectOutcome[]): void {
        const touched = new Set<string>();
        for (const [uri, entry] of this.failures) {
            if (entry.byScenario.delete(scenario)) touched.add(uri);
        }
        for (const expect of expects) {
            if (expect.passed || !expect.uri || !expect.range) continue;
            const document = this.document(expect.uri);
            if (!document) continue;
            const entry = this.entryFor(expect.uri, document.textDocument.version);
            const list = entry.byScenario.get(scenario) ?? [];
            list.push(expectDiagnostic(expect));
            entry.byScenario.set(scenario, list);
            touched.add(expect.uri);
        }
        for (const uri of touched) {
            const document = this.document(uri);
            if (document) this.publish(document);
        }
    }

    diagnosticsFor(uri: string): Diagnostic[] {
        return [...(this.failures.get(uri)?.byScenario.values() ?? [])].flat();
    }

    private entryFor(uri: string, version: number): DocumentFailures {
        const existing = this.failures.get(uri);
        if (existing?.version === version) return existing;
        const fresh: DocumentFailures = { version, byScenario: new Map() };
        this.failures.set(uri, fresh);
        return fresh;
    }

    private document(uri: string): LangiumDocument | undefined {
        return this.shared.workspace.LangiumDocuments.all.find(d => d.uri.toString() === uri);
    }

    private publish(document: LangiumDocument): void {
        const uri = document.uri.toString();
        this.shared.lsp.Connection?.sendDiagnostics({ uri, diagnostics: [...(document.diagnostics ?? []), ...this.diagnosticsFor(uri)] });
    }
}

function expectDiagnostic(expect: ExpectOutcome): Diagnostic {
    return {
        range: expect.range!,
        severity: DiagnosticSeverity.Warning,
        code: EXPECT_FAILED,
        source: 'cascade',
        message: `${expect.message} (scenario ${expect.scenario})`
    };
}

/** Four significant digits, for hints and messages. */
export function formatNumber(value: number): string {
    return Number.isFinite(value) ? String(Number(value.toPrecision(4))) : String(value);
}
