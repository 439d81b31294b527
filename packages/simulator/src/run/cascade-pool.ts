/**
 * Runs a cascade's runs in parallel on the task pool: the base run and each perturbation are
 * tasks. Without the base run nothing can be compared, so its failure ends the whole run; a
 * failed perturbation is reported on its own.
 */
import type { ModelIR } from '../ir.js';
import { failedPerturbation, findCascade, perturbationError, responses, type CascadeResult, type Measurement } from './cascade.js';
import type { RunOptions } from './run-options.js';
import { runTasks } from './task-pool.js';

export interface CascadeOptions extends Omit<RunOptions, 'shouldStop'> {
    /** Pool size (default: the number of cores). */
    workers?: number;
}

export async function runCascade(ir: ModelIR, name?: string, options: CascadeOptions = {}): Promise<CascadeResult> {
    const cascade = findCascade(ir, name);
    const tasks = [-1, ...cascade.perturbations.map((_, i) => i)];
    const job = {
        kind: 'cascade', ir, cascade: cascade.name,
        options: { method: options.method, rtol: options.rtol, atol: options.atol, maxSteps: options.maxSteps }
    } as const;
    const results = await runTasks(job, tasks, options, task => task < 0);
    const base = results.get(-1) as Measurement;
    return {
        cascade: cascade.name, at: cascade.at,
        perturbations: cascade.perturbations.map((_, i) => {
            const result = results.get(i)!;
            return result instanceof Error ? failedPerturbation(cascade, i, perturbationError(result)) : responses(cascade, i, base, result as Measurement);
        })
    };
}
