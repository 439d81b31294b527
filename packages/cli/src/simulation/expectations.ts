import { compileModelCached, resolveScenario, simulateScenario, type ModelIR, type SourceRef } from '@neurocascade/simulator';
import type { CascadeDiagnostic } from '@neurocascade/language';
import { compileThroughUserCache } from './load-model.js';

/**
 * `check --simulate`: runs every scenario and reports each failed `expect` as an
 * `expect-failed` diagnostic on its line, a concentration the run drove below zero as a
 * `negative-concentration` warning on its scenario, and a run that fails as an error there.
 */
export async function simulateExpectations(model: ModelIR, file: string): Promise<CascadeDiagnostic[]> {
    const diagnostics: CascadeDiagnostic[] = [];
    // Compiled once: every scenario starts from the model's own values (runs reset the slots).
    compileThroughUserCache();
    const compiled = compileModelCached(model);
    for (const written of model.scenarios) {
        // With what it inherits: the expects of the run are the whole chain's.
        const scenario = resolveScenario(model, written);
        try {
            const result = simulateScenario(compiled, scenario.name);
            for (const [index, expect] of result.expects.entries()) {
                if (expect.passed) continue;
                diagnostics.push(diagnosticAt(scenario.expects[index].source, file, 'warning', 'expect-failed', `${scenario.name}: ${expect.message}`));
            }
            for (const warning of result.warnings) {
                diagnostics.push(diagnosticAt(scenario.source, file, 'warning', warning.code, `${scenario.name}: ${warning.message}`));
            }
        } catch (error) {
            const message = `${scenario.name}: ${error instanceof Error ? error.message : String(error)}`;
            diagnostics.push(diagnosticAt(scenario.source, file, 'error', 'simulation-failed', message));
        }
    }
    return diagnostics;
}

function diagnosticAt(source: SourceRef | undefined, file: string, severity: CascadeDiagnostic['severity'], code: string, message: string): CascadeDiagnostic {
    return {
        file: source?.file ?? file, line: source?.line ?? 1, column: source?.column ?? 1,
        endLine: source?.endLine ?? 1, endColumn: source?.endColumn ?? 1, severity, code, message
    };
}
