/**
 * `expect-failed` warnings (docs/reference.md#expect-failed): the expects the last run of each scenario broke, shown on
 * their lines next to the document's own diagnostics, and the run's own warnings
 * (docs/reference.md#negative-concentration) on its scenario. They belong to the document
 * version that was run; an edit drops them until the scenario runs again.
 */
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { CascadeServices } from '../cascade-module.js';
import { CODE_EXPECT_FAILED } from '../validation/diagnostic-codes.js';
import type { ExpectOutcome, RunWarningOutcome } from './simulation-protocol.js';

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
    record(scenario: string, expects: ExpectOutcome[], warnings: RunWarningOutcome[] = []): void {
        const touched = new Set<string>();
        for (const [uri, entry] of this.failures) {
            if (entry.byScenario.delete(scenario)) touched.add(uri);
        }
        const found = [
            ...expects.filter(expect => !expect.passed).map(expect => ({ uri: expect.uri, diagnostic: expect.range && this.diagnostic(expect.uri!, expect.range, CODE_EXPECT_FAILED, expect.message, expect.scenario) })),
            ...warnings.map(warning => ({ uri: warning.uri, diagnostic: warning.range && this.diagnostic(warning.uri!, warning.range, warning.code, warning.message, scenario) }))
        ];
        for (const { uri, diagnostic } of found) {
            if (!uri || !diagnostic) continue;
            const document = this.document(uri);
            if (!document) continue;
            const entry = this.entryFor(uri, document.textDocument.version);
            const list = entry.byScenario.get(scenario) ?? [];
            list.push(diagnostic);
            entry.byScenario.set(scenario, list);
            touched.add(uri);
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

    /** A run's warning on its line, linked like every diagnostic to its check's section of the reference. */
    private diagnostic(uri: string, range: Diagnostic['range'], code: string, message: string, scenario: string): Diagnostic {
        const services = this.shared.ServiceRegistry.getServices(URI.parse(uri)) as CascadeServices;
        const href = services.documentation.ReferenceLinks.href(code);
        return {
            range,
            severity: DiagnosticSeverity.Warning,
            code,
            ...(href && { codeDescription: { href } }),
            source: 'cascade',
            message: `${message} (scenario ${scenario})`
        };
    }

    private publish(document: LangiumDocument): void {
        const uri = document.uri.toString();
        this.shared.lsp.Connection?.sendDiagnostics({ uri, diagnostics: [...(document.diagnostics ?? []), ...this.diagnosticsFor(uri)] });
    }
}

/** Four significant digits, for hints and messages. */
export function formatNumber(value: number): string {
    return Number.isFinite(value) ? String(Number(value.toPrecision(4))) : String(value);
}
