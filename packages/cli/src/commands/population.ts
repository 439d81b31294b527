import { runSweepPool, sweepResult, type MorrisResult, type PopulationResult, type SobolResult, type SweepMethod } from '@neurocascade/simulator';
import { listOption, oneOf, parseArguments } from '../arguments.js';
import { loadCheckedModel, requireDeclared } from '../simulation/load-model.js';
import { emit } from '../simulation/output.js';
import { progressBar } from '../simulation/progress.js';
import { SOLVER_ARGUMENTS, solverRunOptions, workerCount, WORKERS_ARGUMENT } from '../simulation/run-options.js';
import { morrisTable, onlyQuantities, populationTable, sobolTable, sweepJson } from '../simulation/sweep-output.js';
import { UsageError } from '../usage.js';

const OPTIONS = {
    name: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' },
    members: { type: 'boolean' }, of: { type: 'string' }, ...WORKERS_ARGUMENT, ...SOLVER_ARGUMENTS
} as const;

/** A declared population's runs on the task pool, and its result. */
async function runDeclared(args: string[], method: SweepMethod) {
    const { values, positionals } = parseArguments(args, OPTIONS);
    if (positionals.length !== 1) throw new UsageError(`${method} needs exactly one file`);
    const { model } = await loadCheckedModel(positionals[0]);
    requireDeclared('population', values.name, model.populations ?? []);
    const workers = workerCount(values);
    const progress = progressBar(method);
    const population = values.name ?? model.populations?.[0]?.name;
    if (population === undefined) throw new UsageError('the file declares no population');
    const job = { method, population };
    try {
        const { plan, outcomes } = await runSweepPool(model, job, { ...solverRunOptions(values), workers, onProgress: progress.onProgress });
        return { values, plan, result: sweepResult(plan, outcomes, { members: values.members }) };
    } finally {
        progress.stop();
    }
}

/** `cascade population <file> [--name P] [--workers N] [--format json|csv|table] [--members]`: percentile bands. */
export async function population(args: string[]): Promise<number> {
    const { values, result } = await runDeclared(args, 'population');
    const format = oneOf(values.format, ['json', 'csv', 'table'] as const, 'json', '--format');
    const population = result as PopulationResult;
    await emit(format === 'json' ? sweepJson(population) : populationTable(population, format), values.out);
    return population.failed.length === 0 ? 0 : 1;
}

/** `cascade sobol|morris <file> --name P [--of Y,…] [--format table|json|csv]`: global sensitivities at the last time. */
async function globalSensitivity(args: string[], method: 'sobol' | 'morris'): Promise<number> {
    const { values, plan, result } = await runDeclared(args, method);
    const format = oneOf(values.format, ['table', 'json', 'csv'] as const, 'table', '--format');
    let chosen: SobolResult | MorrisResult;
    try {
        chosen = onlyQuantities(result as SobolResult | MorrisResult, listOption(values.of), plan.quantities.map(q => q.name));
    } catch (error) {
        throw new UsageError((error as Error).message);
    }
    const text = format === 'json' ? sweepJson(chosen) : chosen.method === 'sobol' ? sobolTable(chosen, format) : morrisTable(chosen as MorrisResult, format);
    await emit(text, values.out);
    return 0;
}

export const sobol = (args: string[]) => globalSensitivity(args, 'sobol');
export const morris = (args: string[]) => globalSensitivity(args, 'morris');
