import { steadyStateOfScenario, type SteadyStateReport } from '@neurocascade/simulator';
import { listOption, oneOf, parseArguments } from '../arguments.js';
import { UsageError } from '../usage.js';
import { loadCheckedModel, requireDeclared } from '../simulation/load-model.js';
import { emit } from '../simulation/output.js';
import { chosenQuantities, modelQuantities, observing } from '../simulation/quantities.js';
import { SOLVER_ARGUMENTS, solverRunOptions } from '../simulation/run-options.js';
import { renderTable } from '../simulation/table.js';

/** `cascade steady <file> [--scenario S[,S2…]] [--observe a,b] [--format table|json|csv]`: every quantity at steady state, scenarios side by side. */
export async function steady(args: string[]): Promise<number> {
    const { values, positionals } = parseArguments(args, {
        scenario: { type: 'string' }, observe: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, ...SOLVER_ARGUMENTS
    });
    if (positionals.length !== 1) throw new UsageError('steady needs exactly one file');
    const format = oneOf(values.format, ['table', 'json', 'csv'] as const, 'table', '--format');
    const options = solverRunOptions(values);
    const { model } = await loadCheckedModel(positionals[0]);
    const scenarios = values.scenario === undefined ? [undefined] : listOption(values.scenario);
    scenarios.forEach(name => requireDeclared('scenario', name, model.scenarios));
    const observe = listOption(values.observe);
    const reports = scenarios.map(name => {
        const run = observing(model, name, scenario => observe.length > 0 ? chosenQuantities(model, scenario, observe) : modelQuantities(model, scenario));
        return steadyStateOfScenario(run.model, run.scenario, options);
    });
    await emit(format === 'json' ? JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2) + '\n' : steadyTable(reports, format), values.out);
    for (const report of reports) if (!report.converged) process.stderr.write(`cascade: ${report.scenario}: no steady state (${report.reason ?? 'did not converge'})\n`);
    return reports.every(report => report.converged) ? 0 : 1;
}

/** One row per quantity, one column per scenario (empty where a scenario has no steady state). */
function steadyTable(reports: SteadyStateReport[], format: 'table' | 'csv'): string {
    const names = [...new Map(reports.flatMap(report => report.values.map(value => [value.name, value.unit] as const))).entries()];
    const header = ['quantity', 'unit', ...reports.map(report => report.scenario)];
    const rows = names.map(([name, unit]) => [name, unit, ...reports.map(report => report.values.find(value => value.name === name)?.value ?? null)]);
    return renderTable(header, rows, format);
}
