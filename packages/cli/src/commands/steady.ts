import { steadyStateOfScenario, type DisplayUnit, type Observable, type SteadyStateReport } from '@neurocascade/simulator';
import { listOption, oneOf, parseArguments } from '../arguments.js';
import { UsageError } from '../usage.js';
import { loadCheckedModel, requireDeclared } from '../simulation/load-model.js';
import { emit, jsonChunks } from '../simulation/output.js';
import { chosenQuantities, modelQuantities, observing } from '../simulation/quantities.js';
import { reportRunWarnings } from '../simulation/run-warnings.js';
import { SOLVER_ARGUMENTS, solverRunOptions } from '../simulation/run-options.js';
import { renderTable } from '../simulation/table.js';
import { displayFor, inDisplay, UNITS_ARGUMENT, unitsChoice } from '../simulation/display.js';

/** `cascade steady <file> [--scenario S[,S2…]] [--observe a,b] [--format table|json|csv] [--units display|base]`: every quantity at steady state, scenarios side by side. */
export async function steady(args: string[]): Promise<number> {
    const { values, positionals } = parseArguments(args, {
        scenario: { type: 'string' }, observe: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, ...UNITS_ARGUMENT, ...SOLVER_ARGUMENTS
    });
    if (positionals.length !== 1) throw new UsageError('steady needs exactly one file');
    const format = oneOf(values.format, ['table', 'json', 'csv'] as const, 'table', '--format');
    const options = solverRunOptions(values);
    const units = unitsChoice(values.units);
    const { model } = await loadCheckedModel(positionals[0]);
    const scenarios = values.scenario === undefined ? [undefined] : listOption(values.scenario);
    scenarios.forEach(name => requireDeclared('scenario', name, model.scenarios));
    const observe = listOption(values.observe);
    const quantities = new Map<string, Observable>();
    const reports = scenarios.map(name => {
        const run = observing(model, name, scenario => observe.length > 0 ? chosenQuantities(model, scenario, observe) : modelQuantities(model, scenario));
        run.model.scenarios[0].observe.forEach(quantity => quantities.set(quantity.name, quantities.get(quantity.name) ?? quantity));
        const report = steadyStateOfScenario(run.model, run.scenario, options);
        reportRunWarnings(report.scenario, report.warnings);
        return report;
    });
    const displays = new Map([...quantities.values()].map(quantity => [quantity.name,
        displayFor(quantity, reports.flatMap(report => report.values.filter(value => value.name === quantity.name).map(value => value.value)), units)]));
    const json = () => {
        const withUnits = reports.map(report => ({ ...report, values: report.values.map(value => ({ ...value, displayUnit: displays.get(value.name)?.unit })) }));
        return jsonChunks(withUnits.length === 1 ? withUnits[0] : withUnits);
    };
    await emit(format === 'json' ? json() : steadyTable(reports, displays, format), values.out);
    for (const report of reports) if (!report.converged) process.stderr.write(`cascade: ${report.scenario}: no steady state (${report.reason ?? 'did not converge'})\n`);
    return reports.every(report => report.converged) ? 0 : 1;
}

/** One row per quantity, one column per scenario (empty where a scenario has no steady state). */
function steadyTable(reports: SteadyStateReport[], displays: Map<string, DisplayUnit | undefined>, format: 'table' | 'csv'): string {
    const names = [...new Map(reports.flatMap(report => report.values.map(value => [value.name, value.unit] as const))).entries()];
    const header = ['quantity', 'unit', ...reports.map(report => report.scenario)];
    const rows = names.map(([name, unit]) => {
        const display = displays.get(name);
        return [name, display?.unit ?? unit, ...reports.map(report => inDisplay(report.values.find(value => value.name === name)?.value ?? null, display))];
    });
    return renderTable(header, rows, format);
}
