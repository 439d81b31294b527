import type { MethodName, SolverOptions } from '../solvers/problem.js';
import { SolverError } from '../solvers/problem.js';
import { SimulationError } from '../model/errors.js';

export interface RunOptions {
    method?: MethodName;
    rtol?: number;
    atol?: number;
    maxSteps?: number;
    signal?: AbortSignal;
    /** Polled between steps (a worker reads an Atomics flag here); true cancels the run. */
    shouldStop?: () => boolean;
    /**
     * Report observed values that are NaN or infinite instead of failing (SBML's semantics: a
     * model may define INF and NaN values). Off by default: a NaN in a result is an error.
     */
    reportNonFinite?: boolean;
    /** Fraction of the whole run done. */
    onProgress?: (fraction: number) => void;
    /** Only the first this many states enter the solver's error test (default all; SolverOptions.errorComponents). */
    errorComponents?: number;
}

/** The solver options of one integration over [t0, t1] of a run lasting `duration`. */
export function solverOptions(o: RunOptions, t0: number, t1: number, duration: number, outputTimes: number[]): SolverOptions {
    const progress = o.onProgress;
    return {
        rtol: o.rtol, atol: o.atol, maxSteps: o.maxSteps, errorComponents: o.errorComponents, signal: o.signal, shouldStop: o.shouldStop, outputTimes,
        // A run reads its output times and end state, never `at`: keeping every step's dense output only costs.
        keepDenseOutput: false,
        onProgress: progress && duration > 0 ? f => progress(Math.min(1, (t0 + f * (t1 - t0)) / duration)) : undefined
    };
}

const REASONS: Record<SolverError['reason'], (who: string) => string> = {
    'step-underflow': who => `the step size became too small to follow ${who || 'the solution'} (the model may be too stiff for this method, or blow up)`,
    'not-finite': who => `${who || 'a value'} became NaN or infinite`,
    'max-steps': () => 'the solver reached its maximum number of steps (raise maxSteps, or try the stiff method)',
    'cancelled': () => 'the run was cancelled',
    'singular': () => 'the Jacobian became singular'
};

/** A solver failure in the model's words: the time in minutes and the species or parameter to blame. */
export function simulationError(e: unknown, describe: (name: string) => string): unknown {
    if (!(e instanceof SolverError)) return e;
    const who = e.component ? describe(e.component) : '';
    const time = Number.isFinite(e.time) ? ` at t = ${+e.time.toPrecision(6)} min` : '';
    return new SimulationError(`Simulation stopped${time}: ${REASONS[e.reason](who)}`, e.reason, e.time, e.component);
}

export function cancelled(o: RunOptions): boolean {
    return (o.signal?.aborted ?? false) || (o.shouldStop?.() ?? false);
}
