import { printExpression } from '../expression-printer.js';
import { importSbml } from '../import-sbml.js';
import { SbmlImportError } from '../sbml-error.js';
import { reportedValue, type SbmlMapping } from '../sbml-mapping.js';
import { firstMismatch } from './compare-results.js';
import type { SimulationTools } from './simulation-tools.js';
import type { CaseSettings, TestCase } from './test-case.js';

export type CaseStatus = 'passed' | 'failed' | 'unsupported';
export interface CaseResult { id: string; status: CaseStatus; reason: string }

/** Imports, simulates and checks one case; never throws (a failure is a result with its reason). */
export async function runCase(testCase: TestCase, tools: SimulationTools): Promise<CaseResult> {
    const { id, settings, expected } = testCase;
    const result = (status: CaseStatus, reason = '') => ({ id, status, reason });
    if (settings.start !== 0) return result('unsupported', `start time ${settings.start} (Cascade runs start at 0)`);
    let text: string;
    let mapping: SbmlMapping;
    try {
        ({ text, mapping } = importSbml(testCase.xml, { sourceName: `${id}-sbml-l3v2.xml` }));
    } catch (error) {
        if (error instanceof SbmlImportError) return result(error.unsupported ? 'unsupported' : 'failed', `import: ${error.message}`);
        return result('failed', `import crashed: ${String(error)}`);
    }
    let scenario: { name: string; text: string };
    try {
        scenario = conformanceScenario(mapping, settings);
    } catch (error) {
        return result('failed', (error as Error).message);
    }
    let columns: number[][];
    let times: number[];
    try {
        const model = await tools.load(`${text}\n${scenario.text}`, `${id}.cascade`);
        const run = tools.simulate(model, scenario.name, solverTolerances(settings));
        times = run.time;
        columns = run.series.map(s => Array.from(s.values));
    } catch (error) {
        return result('failed', `simulation: ${(error as Error).message}`);
    }
    if (times.length !== expected.times.length || columns.length !== settings.variables.length) {
        return result('failed', `expected ${expected.times.length} times × ${settings.variables.length} variables, got ${times.length} × ${columns.length}`);
    }
    const order = settings.variables.map(v => expected.variables.indexOf(v));
    const expectedRows = expected.rows.map(row => order.map(i => row[i]));
    const actualRows = expected.times.map((_, row) => columns.map(column => column[row]));
    const mismatch = firstMismatch(settings.variables, expected.times, expectedRows, actualRows, settings.absolute, settings.relative);
    return mismatch
        ? result('failed', `${mismatch.variable} at t = ${mismatch.time}: expected ${mismatch.expected}, got ${mismatch.actual}`)
        : result('passed');
}

/** Solver tolerances well inside the case's own, so integration error does not decide the verdict. */
export function solverTolerances(settings: CaseSettings): { rtol: number; atol: number } {
    return { rtol: Math.min(1e-10, settings.relative * 1e-6), atol: Math.min(1e-12, settings.absolute * 1e-4) };
}

/** The scenario that runs the case: its duration, output step and reported variables. */
export function conformanceScenario(mapping: SbmlMapping, settings: CaseSettings): { name: string; text: string } {
    const taken = new Set(mapping.entries.map(e => e.name));
    let name = 'Conformance';
    while (taken.has(name)) name += '_';
    const observe = settings.variables.map(variable => {
        const entry = mapping.entries.find(e => e.id === variable);
        if (!entry) throw new Error(`the reported variable '${variable}' is not in the imported model`);
        return printExpression(reportedValue(entry, settings.amount.has(variable) ? 'amount' : 'concentration'));
    });
    const step = settings.duration / settings.steps;
    const text = `scenario ${name} {\n    simulate ${settings.duration} step ${step}\n    observe ${observe.join(', ')}\n}\n`;
    return { name, text };
}
