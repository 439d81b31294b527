import type { RunOptions } from '@neurocascade/simulator';
import { oneOf, positiveNumber } from '../arguments.js';

/** The options shared by `simulate`, `steady` and `cascade`: method and tolerances. */
export const SOLVER_ARGUMENTS = {
    method: { type: 'string' },
    rtol: { type: 'string' },
    atol: { type: 'string' }
} as const;

export function solverRunOptions(values: { method?: string; rtol?: string; atol?: string }): RunOptions {
    return {
        method: oneOf(values.method, ['auto', 'rk45', 'stiff', 'bdf'] as const, 'auto', '--method'),
        rtol: positiveNumber(values.rtol, '--rtol'),
        atol: positiveNumber(values.atol, '--atol')
    };
}
