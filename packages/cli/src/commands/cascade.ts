import { runCascade } from '@neurocascade/simulator';
import { oneOf, parseArguments } from '../arguments.js';
import { UsageError } from '../usage.js';
import { loadCheckedModel, requireDeclared } from '../simulation/load-model.js';
import { emit, jsonChunks } from '../simulation/output.js';
import { SOLVER_ARGUMENTS, solverRunOptions } from '../simulation/run-options.js';

/** `cascade cascade <file> [--name C] --format json`: every perturbation's responses, run in parallel. */
export async function cascade(args: string[]): Promise<number> {
    const { values, positionals } = parseArguments(args, { name: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, ...SOLVER_ARGUMENTS });
    if (positionals.length !== 1) throw new UsageError('cascade needs exactly one file');
    oneOf(values.format, ['json'] as const, 'json', '--format');
    const { model } = await loadCheckedModel(positionals[0]);
    requireDeclared('cascade', values.name, model.cascades);
    const result = await runCascade(model, values.name, solverRunOptions(values));
    await emit(jsonChunks(result), values.out);
    return 0;
}
