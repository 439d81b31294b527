import type { RunOptions } from '@neurocascade/simulator';
import { oneOf, positiveNumber, wholeNumber } from '../arguments.js';

/** The options shared by `simulate`, `steady` and `cascade`: method and tolerances. */
export const SOLVER_ARGUMENTS = {
    method: { type: 'string' },
    rtol: { type: 'string' },
    atol: { type: 'string' }
} as const;

/** `--workers N` of the commands that run on the worker pool (default: the number of cores; the result is the same for any N). */
export const WORKERS_ARGUMENT = { workers: { type: 'string' } } as const;

export const workerCount = (values: { workers?: string }): number | undefined => wholeNumber(values.workers, '--workers', 1);

export function solverRunOptions(values: { method?: string; rtol?: string; atol?: string }): RunOptions {
    return {
        method: oneOf(values.method, ['auto', 'rk45', 'stiff', 'bdf'] as const, 'auto', '--method'),
        rtol: positiveNumber(values.rtol, '--rtol'),
        atol: positiveNumber(values.atol, '--atol')
    };
}
