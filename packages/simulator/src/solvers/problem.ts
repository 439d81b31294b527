/**
 * The solver interface, after SciPy's solve_ivp: a problem, a method and options go in,
 * a solution with dense output comes out. Solvers know nothing of models.
 */

/** dy/dt = f(t, y), written into `dydt` (no allocation per call). */
export type RightHandSide = (t: number, y: Float64Array, dydt: Float64Array) => void;

/** Sparse Jacobian in compressed-row form: J[i][colIndex[k]] = values[k] for k in rowStart[i]..rowStart[i+1]. */
export interface SparsityPattern {
    n: number;
    rowStart: Int32Array;
    colIndex: Int32Array;
}

/** Fills `values` (ordered as `pattern`) with ∂f_i/∂y_j at (t, y). */
export type JacobianFunction = (t: number, y: Float64Array, values: Float64Array) => void;

/** A scalar function whose sign change is an event (located by root finding). */
export interface EventFunction {
    g: (t: number, y: Float64Array) => number;
    /** +1: only rising crossings (false → true), -1 falling, 0 both. */
    direction: 1 | -1 | 0;
    /**
     * The longest time between two looks at g inside a step. Without it g is compared at the
     * step's ends only, and a short excursion of g (a narrow true window, a jump and back)
     * inside a long step goes unseen.
     */
    scan?: number;
}

export interface OdeProblem {
    rhs: RightHandSide;
    y0: Float64Array;
    t0: number;
    tEnd: number;
    /**
     * Analytic Jacobian, when known; solvers otherwise use finite differences. `blocks` > 1
     * declares it block lower-triangular with that many equal blocks and every diagonal block
     * equal to the first (a state extended by its forward sensitivities): the stiff method
     * then factors the first block alone (BlockTriangularLU).
     */
    jacobian?: { pattern: SparsityPattern; evaluate: JacobianFunction; blocks?: number };
    /**
     * Where ∂f_i/∂y_j may be non-zero, when known without an analytic Jacobian: finite
     * differences then perturb columns that share no row together. Ignored when `jacobian` is given.
     */
    sparsity?: SparsityPattern;
    /**
     * Declares y = [x, s₁ … s_P], a state x of `states` components extended by its forward
     * sensitivities sⱼ' = ∂f/∂x·sⱼ + bⱼ(t, x): x' = f(t, x) is `rhs`, ∂f/∂x is `jacobian` and
     * bⱼ = ∂f/∂pⱼ comes from `parameterDerivatives` (bⱼ at j·states of its output). All three
     * read the first `states` components of the y they are given. A method may then correct
     * the state alone and solve each step's sensitivities after it (staggered, 'bdf'); the
     * problem's own `rhs` and `jacobian` stay those of the whole extended system.
     */
    forwardSensitivities?: ForwardSensitivities;
    /** Names of the state components, for error messages. */
    names?: readonly string[];
    /** Root functions: integration stops at the first crossing, reported in the solution. */
    events?: readonly EventFunction[];
}

export interface ForwardSensitivities {
    states: number;
    rhs: RightHandSide;
    jacobian: { pattern: SparsityPattern; evaluate: JacobianFunction };
    parameterDerivatives: (t: number, y: Float64Array, out: Float64Array) => void;
}

export type MethodName = 'rk45' | 'stiff' | 'auto' | 'bdf';

export interface SolverOptions {
    rtol?: number;
    atol?: number;
    maxSteps?: number;
    /** Initial step (default: estimated). */
    firstStep?: number;
    maxStep?: number;
    /** Only the first this many components enter the local error test (default all; Tolerances.components). */
    errorComponents?: number;
    /** Times at which the solution is sampled (ascending, within [t0, tEnd]). */
    outputTimes?: readonly number[];
    /** Checked between steps; an aborted run throws SolverError with reason 'cancelled'. */
    signal?: AbortSignal;
    /**
     * Polled between steps; returning true cancels like an aborted `signal`. A worker thread
     * cannot see another thread abort its AbortSignal, but it can read an Atomics flag here.
     */
    shouldStop?: () => boolean;
    /**
     * Keep every step's dense output for `OdeSolution.at` (default true). False keeps memory
     * to the output times alone — for long explicit runs of large systems — and `at` then throws.
     */
    keepDenseOutput?: boolean;
    /** Called between steps with the fraction of [t0, tEnd] done. */
    onProgress?: (fraction: number) => void;
}

export interface SolverStats {
    method: string;
    steps: number;
    rejectedSteps: number;
    rhsEvaluations: number;
    jacobianEvaluations: number;
    factorizations: number;
    /** Accepted steps per method, for a run that switched methods (`auto`). */
    stepsByMethod?: Record<string, number>;
}

export interface OdeSolution {
    /** The output times actually reached (all of `outputTimes` unless an event stopped the run). */
    times: number[];
    /** One state vector per output time. */
    values: Float64Array[];
    /** Where integration ended (tEnd, or an event's time). */
    tFinal: number;
    yFinal: Float64Array;
    /** Index into `problem.events` of the event that stopped integration, if one did. */
    event?: number;
    /** The state anywhere in [t0, tFinal] (interpolated from the steps taken). */
    at(t: number): Float64Array;
    stats: SolverStats;
}

export type SolverFailure = 'step-underflow' | 'not-finite' | 'max-steps' | 'cancelled' | 'singular';

/** A failed solve, naming the time and (where one is to blame) the state component. */
export class SolverError extends Error {
    constructor(
        readonly reason: SolverFailure,
        readonly time: number,
        message: string,
        readonly component?: string
    ) {
        super(message);
        this.name = 'SolverError';
    }
}

/** One integration method; `solve` is the whole contract. */
export interface OdeSolver {
    readonly name: string;
    solve(problem: OdeProblem, options?: SolverOptions): OdeSolution;
}
