import { steadyStateOfScenario } from '@neurocascade/simulator';
import { reportableQuantities } from '@neurocascade/language/results/reportable-quantities';
import { steadyRows, type SteadyColumn, type SteadyRow } from '@neurocascade/language/results/steady-table';
import { listOption, oneOf, parseArguments } from '../arguments.js';
import { UsageError } from '../usage.js';
import { loadCheckedModel, requireDeclared } from '../simulation/load-model.js';
import { emit, jsonChunks } from '../simulation/output.js';
import { chosenQuantities, observing } from '../simulation/quantities.js';
import { reportRunWarnings } from '../simulation/run-warnings.js';
import { SOLVER_ARGUMENTS, solverRunOptions } from '../simulation/run-options.js';
import { renderTable } from '../simulation/table.js';
import { inDisplay, UNITS_ARGUMENT, unitsChoice } from '../simulation/display.js';

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
    const reports = scenarios.map(name => {
        const run = observing(model, name, scenario => observe.length > 0 ? chosenQuantities(model, scenario, observe) : reportableQuantities(model, scenario));
        const report = steadyStateOfScenario(run.model, run.scenario, options);
        reportRunWarnings(report.scenario, report.warnings);
        // Each value with the unit its author wrote, which the simulator does not carry.
        const written = new Map(run.model.scenarios[0].observe.map(quantity => [quantity.name, quantity.display]));
        return { report, column: { scenario: report.scenario, values: report.values.map(value => ({ ...value, display: written.get(value.name) })) } };
    });
    const rows = steadyRows(reports.map(r => r.column), units);
    const json = () => {
        const shown = new Map(rows.map(row => [row.name, row.display?.unit]));
        const withUnits = reports.map(({ report }) => ({ ...report, values: report.values.map(value => ({ ...value, displayUnit: shown.get(value.name) })) }));
        return jsonChunks(withUnits.length === 1 ? withUnits[0] : withUnits);
    };
    await emit(format === 'json' ? json() : steadyTable(reports.map(r => r.column), rows, format), values.out);
    for (const { report } of reports) if (!report.converged) process.stderr.write(`cascade: ${report.scenario}: no steady state (${report.reason ?? 'did not converge'})\n`);
    return reports.every(({ report }) => report.converged) ? 0 : 1;
}

/** One row per quantity, one column per scenario (empty where a scenario has no steady state), in the row's display unit. */
function steadyTable(columns: readonly SteadyColumn[], rows: readonly SteadyRow[], format: 'table' | 'csv'): string {
    const header = ['quantity', 'unit', ...columns.map(column => column.scenario)];
    return renderTable(header, rows.map(row => [row.name, row.display?.unit ?? row.unit, ...row.values.map(value => inDisplay(value, row.display))]), format);
}
