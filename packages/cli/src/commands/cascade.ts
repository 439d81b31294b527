import { runCascade, type CascadeResult } from '@neurocascade/simulator';
import { oneOf, parseArguments } from '../arguments.js';
import { UsageError } from '../usage.js';
import { loadCheckedModel, requireDeclared } from '../simulation/load-model.js';
import { emit } from '../simulation/output.js';
import { SOLVER_ARGUMENTS, solverRunOptions } from '../simulation/run-options.js';
import { renderTable } from '../simulation/table.js';

/** `cascade cascade <file> [--name C] [--format table|json|csv]`: every perturbation's responses, run in parallel. */
export async function cascade(args: string[]): Promise<number> {
    const { values, positionals } = parseArguments(args, { name: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, ...SOLVER_ARGUMENTS });
    if (positionals.length !== 1) throw new UsageError('cascade needs exactly one file');
    const format = oneOf(values.format, ['table', 'json', 'csv'] as const, 'table', '--format');
    const { model } = await loadCheckedModel(positionals[0]);
    requireDeclared('cascade', values.name, model.cascades);
    if (values.name === undefined && model.cascades.length > 1) {
        throw new UsageError(`the file has ${model.cascades.length} cascades; name one with --name (${model.cascades.map(c => c.name).join(', ')})`);
    }
    const result = await runCascade(model, values.name, solverRunOptions(values));
    // The time of `at T` is in minutes, the model's time unit; JSON says so.
    const json = { ...result, at: result.at === 'steady' ? 'steady' : { value: result.at, unit: 'min' } };
    await emit(format === 'json' ? JSON.stringify(json, null, 2) + '\n' : cascadeTable(result, format), values.out);
    return 0;
}

/** One row per perturbation and measured quantity: base and perturbed values, the change in %, the response coefficient. */
function cascadeTable(result: CascadeResult, format: 'table' | 'csv'): string {
    const header = ['perturbation', 'quantity', 'unit', 'base', 'perturbed', 'change %', 'coefficient'];
    const rows = result.perturbations.flatMap(p => p.responses.map(r => [p.change, r.name, r.unit, r.base, r.perturbed, r.percent, r.coefficient]));
    const when = result.at === 'steady' ? 'at steady state' : `at ${result.at} min`;
    return (format === 'table' ? `Cascade ${result.cascade}, ${when}\n` : '') + renderTable(header, rows, format);
}
