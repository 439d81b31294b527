import { steadyStateOfScenario } from '@neurocascade/simulator';
import { oneOf, parseArguments } from '../arguments.js';
import { UsageError } from '../usage.js';
import { loadCheckedModel, requireDeclared } from '../simulation/load-model.js';
import { emit, jsonChunks } from '../simulation/output.js';
import { reportRunWarnings } from '../simulation/run-warnings.js';
import { SOLVER_ARGUMENTS, solverRunOptions } from '../simulation/run-options.js';

/** `cascade steady <file> [--scenario S] --format json`: the steady state of the scenario's observed quantities. */
export async function steady(args: string[]): Promise<number> {
    const { values, positionals } = parseArguments(args, { scenario: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, ...SOLVER_ARGUMENTS });
    if (positionals.length !== 1) throw new UsageError('steady needs exactly one file');
    oneOf(values.format, ['json'] as const, 'json', '--format');
    const { model } = await loadCheckedModel(positionals[0]);
    requireDeclared('scenario', values.scenario, model.scenarios);
    const report = steadyStateOfScenario(model, values.scenario, solverRunOptions(values));
    reportRunWarnings(report.scenario, report.warnings);
    await emit(jsonChunks(report), values.out);
    return report.converged ? 0 : 1;
}
