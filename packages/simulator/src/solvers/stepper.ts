import type { Interpolant } from './dense-output.js';
import type { Tolerances } from './error-norm.js';
import type { OdeProblem, RightHandSide, SolverStats } from './problem.js';

/**
 * The problem's right-hand side, counting its evaluations in the statistics. A class rather
 * than a fresh closure per run, so the methods' hot call sites keep seeing one call target.
 */
export class CountedRhs {
    constructor(private readonly f: RightHandSide, private readonly stats: SolverStats) {}

    evaluate(t: number, y: Float64Array, dydt: Float64Array): void {
        this.stats.rhsEvaluations++;
        this.f(t, y, dydt);
    }
}

/** What a method needs from the integration loop. */
export interface StepContext {
    problem: OdeProblem;
    rhs: CountedRhs;
    tol: Tolerances;
    stats: SolverStats;
}

/** Why an attempt produced no usable error estimate. */
export type AttemptFailure = 'not-finite' | 'singular';

/**
 * One method's single step, driven by `integrate`: attempt a step, and on acceptance fill the
 * derivative at the new point and the step's dense-output coefficients.
 */
export interface Stepper {
    /** Name for the statistics. */
    readonly method: string;
    /** Order of the step (drives the initial-step estimate). */
    readonly order: number;
    /** Dense output coefficient vectors (of length n) stored per step. */
    readonly denseVectors: number;
    /** Local error estimate of the last attempt (to blame a component when the run fails; NaN marks a non-finite one). */
    readonly errorEstimate: Float64Array;
    /** Set when the last attempt failed outright rather than by a large error. */
    readonly failure: AttemptFailure | undefined;
    /** Tries the step (t, y) → (t + h, yNew) where f = f(t, y); returns the error norm (≤ 1 passes). */
    attempt(t: number, y: Float64Array, f: Float64Array, h: number, yNew: Float64Array): number;
    /**
     * Completes the last attempt: fNew = f(t + h, yNew), dense coefficients into `dense`. A
     * multistep method, whose history carries the slope, reads f only at the run's start and
     * leaves fNew as it is.
     */
    accept(t: number, y: Float64Array, f: Float64Array, h: number, yNew: Float64Array, fNew: Float64Array, dense: Float64Array): Interpolant;
    /** The next step size after an attempt with this error norm. */
    nextStep(h: number, error: number, accepted: boolean): number;
}
