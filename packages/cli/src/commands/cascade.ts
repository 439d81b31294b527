import { findCascade, runCascade, type CascadeResult, type DisplayUnit } from '@neurocascade/simulator';
import { oneOf, parseArguments } from '../arguments.js';
import { UsageError } from '../usage.js';
import { loadCheckedModel, requireDeclared } from '../simulation/load-model.js';
import { emit, jsonChunks } from '../simulation/output.js';
import { SOLVER_ARGUMENTS, solverRunOptions } from '../simulation/run-options.js';
import { renderTable } from '../simulation/table.js';
import { cascadeDisplayUnits, cascadeRows, CASCADE_COLUMNS } from '@neurocascade/language/results/cascade-table';
import { UNITS_ARGUMENT, unitsChoice } from '../simulation/display.js';

/** `cascade cascade <file> [--name C] [--format table|json|csv] [--units display|base]`: every perturbation's responses, run in parallel. */
export async function cascade(args: string[]): Promise<number> {
    const { values, positionals } = parseArguments(args, { name: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, ...UNITS_ARGUMENT, ...SOLVER_ARGUMENTS });
    if (positionals.length !== 1) throw new UsageError('cascade needs exactly one file');
    const format = oneOf(values.format, ['table', 'json', 'csv'] as const, 'table', '--format');
    const units = unitsChoice(values.units);
    const { model } = await loadCheckedModel(positionals[0]);
    requireDeclared('cascade', values.name, model.cascades);
    if (values.name === undefined && model.cascades.length > 1) {
        throw new UsageError(`the file has ${model.cascades.length} cascades; name one with --name (${model.cascades.map(c => c.name).join(', ')})`);
    }
    const result = await runCascade(model, values.name, solverRunOptions(values));
    // The time of `at T` is in minutes, the model's time unit; JSON says so.
    const displays = cascadeDisplayUnits(result, findCascade(model, result.cascade).measure, units);
    const json = {
        ...result, at: result.at === 'steady' ? 'steady' : { value: result.at, unit: 'min' },
        perturbations: result.perturbations.map(p => ({ ...p, responses: p.responses.map(r => ({ ...r, displayUnit: displays[r.name]?.unit })) }))
    };
    await emit(format === 'json' ? jsonChunks(json) : cascadeTable(result, displays, format), values.out);
    return 0;
}

/** The one cascade table (cascadeRows), as the preview's CSV export writes it. */
function cascadeTable(result: CascadeResult, displays: Record<string, DisplayUnit>, format: 'table' | 'csv'): string {
    const when = result.at === 'steady' ? 'at steady state' : `at ${result.at} min`;
    return (format === 'table' ? `Cascade ${result.cascade}, ${when}\n` : '') + renderTable(CASCADE_COLUMNS, cascadeRows(result, displays), format);
}
