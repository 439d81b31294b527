import { ALPHA, BackwardDifferences, bdfInterpolant, ERROR_CONSTANT, MAX_ORDER } from './backward-differences.js';
import type { Interpolant } from './dense-output.js';
import { errorNorm, type Tolerances } from './error-norm.js';
import { integrate } from './integrate.js';
import { jacobianSource, type JacobianSource } from './jacobian.js';
import { iterationMatrixSolver, type IterationMatrixSolver } from './linear/block-triangular-lu.js';
import { SparseLU } from './linear/sparse-lu.js';
import type { ForwardSensitivities, OdeProblem, OdeSolution, OdeSolver, SolverOptions, SolverStats } from './problem.js';
import { CountedRhs, type AttemptFailure, type StepContext, type Stepper } from './stepper.js';

/** Newton iterations of one corrector before it counts as failed. */
const NEWTON_MAX_ITERATIONS = 4;
/** A rejected step shrinks by at most this factor; an order or step change grows by at most MAX_FACTOR. */
const MIN_FACTOR = 0.2;
const MAX_FACTOR = 10;

/** The staggered sensitivities' own factorisation and the inhomogeneities bⱼ at the new point. */
interface Staggered {
    declared: ForwardSensitivities;
    lu: SparseLU;
    parameters: number;
    inhomogeneity: Float64Array;
}

/**
 * Variable-order (1–5), variable-step NDF/BDF in quasi-constant-step form ('bdf';
 * docs/analysis.md#the-bdf-method): each step predicts from the backward differences, solves
 * the corrector d − (h/αₖ)·f(yₚ + d) + ψ = 0 by modified Newton with the iteration matrix
 * I − (h/αₖ)·J, and estimates the local error as ERROR_CONSTANT[k]·d. J and its factorisation
 * are kept across steps: J is evaluated again only when Newton fails, the matrix factored again
 * when h/αₖ changes. After k + 1 steps of one size the order moves to whichever of k − 1, k,
 * k + 1 allows the largest step. A problem that declares forward sensitivities is corrected
 * staggered: Newton on the state alone, then, with J at the new point, each step's
 * sensitivities from their linear corrector, all parameters in one pass over L and U.
 */
export class BdfStepper implements Stepper {
    readonly method = 'bdf';
    readonly errorEstimate: Float64Array;
    failure: AttemptFailure | undefined;
    private currentOrder = 1;
    /** The spacing the differences are on; 0 before the first step. */
    private spacing = 0;
    private equalSteps = 0;
    private readonly history: BackwardDifferences;
    private readonly tol: Tolerances;
    /** The state's tolerances (staggered: the state alone) and the Newton iteration's. */
    private readonly stateTol: Tolerances;
    private readonly newtonTol: Tolerances;
    private readonly newtonTolerance: number;
    private readonly stats: SolverStats;
    /** The Newton iteration's right-hand side: the whole problem's, or the state's alone when staggered. */
    private readonly rhs: CountedRhs;
    private readonly jacobian: JacobianSource | undefined;
    private readonly jacobianValues: Float64Array;
    private readonly lu: IterationMatrixSolver;
    private readonly staggered: Staggered | undefined;
    /** h/αₖ the iteration matrix was factored for (NaN: none). */
    private factoredFor = NaN;
    /** J was evaluated during the current step's attempts. */
    private jacobianCurrent = false;
    private newtonFailed = false;
    private iterations = 0;
    private readonly predicted: Float64Array;
    private readonly psi: Float64Array;
    private readonly correction: Float64Array;
    private readonly increment: Float64Array;
    private readonly slope: Float64Array;

    constructor(context: StepContext) {
        const { problem, tol, stats } = context;
        const length = problem.y0.length;
        const declared = problem.forwardSensitivities;
        const corrected = declared?.states ?? length;
        this.tol = tol;
        this.stats = stats;
        this.stateTol = { ...tol, components: Math.min(corrected, tol.components ?? length) };
        this.newtonTol = { rtol: tol.rtol, atol: tol.atol, components: corrected };
        this.newtonTolerance = Math.max(10 * Number.EPSILON / tol.rtol, Math.min(0.03, Math.sqrt(tol.rtol)));
        this.history = new BackwardDifferences(length);
        [this.errorEstimate, this.predicted, this.psi, this.correction] = Array.from({ length: 4 }, () => new Float64Array(length));
        this.increment = new Float64Array(corrected);
        this.slope = new Float64Array(corrected);
        if (declared === undefined) {
            this.rhs = context.rhs;
            this.jacobian = jacobianSource(problem, context.rhs, tol);
            this.lu = iterationMatrixSolver(this.jacobian.pattern, problem.jacobian?.blocks);
            this.jacobianValues = new Float64Array(this.jacobian.pattern.colIndex.length);
            return;
        }
        const lu = new SparseLU(declared.jacobian.pattern);
        this.rhs = new CountedRhs(declared.rhs, stats);
        this.lu = lu;
        this.jacobianValues = new Float64Array(declared.jacobian.pattern.colIndex.length);
        const parameters = length / corrected - 1;
        this.staggered = { declared, lu, parameters, inhomogeneity: new Float64Array(corrected * parameters) };
    }

    get order(): number {
        return this.currentOrder;
    }

    get denseVectors(): number {
        return this.currentOrder + 1;
    }

    attempt(t: number, y: Float64Array, f: Float64Array, h: number, yNew: Float64Array): number {
        this.failure = undefined;
        this.newtonFailed = false;
        if (this.spacing === 0) {
            this.history.start(y, f, h);
            this.spacing = h;
            this.evaluateJacobian(t, y);
        } else if (h !== this.spacing) {
            this.history.rescale(this.currentOrder, h / this.spacing);
            this.spacing = h;
            this.equalSteps = 0;
        }
        const order = this.currentOrder;
        const c = h / ALPHA[order];
        const tNew = t + h;
        this.history.predict(order, this.predicted, this.psi);
        for (;;) {
            if (this.factoredFor !== c && !this.factor(c)) return Infinity;
            if (this.correct(tNew, c, yNew)) break;
            if (this.failure !== undefined || this.jacobianCurrent) {
                this.newtonFailed = true;
                this.errorEstimate.fill(0);
                this.errorEstimate.set(this.increment);
                return Infinity;
            }
            this.evaluateJacobian(tNew, this.predicted);
        }
        const { errorEstimate, correction } = this;
        const corrected = this.increment.length;
        for (let i = 0; i < corrected; i++) errorEstimate[i] = ERROR_CONSTANT[order] * correction[i];
        const stateError = errorNorm(errorEstimate, y, yNew, this.stateTol);
        if (this.staggered === undefined || !(stateError <= 1)) return this.checked(stateError);
        if (!this.solveSensitivities(tNew, c, yNew)) return Infinity;
        for (let i = corrected; i < errorEstimate.length; i++) errorEstimate[i] = ERROR_CONSTANT[order] * correction[i];
        return this.checked(this.norm(errorEstimate, y, yNew));
    }

    /** The differences updated from the correction; f at the new point is not needed (the history carries the slope). */
    accept(_t: number, _y: Float64Array, _f: Float64Array, _h: number, _yNew: Float64Array, _fNew: Float64Array, dense: Float64Array): Interpolant {
        this.history.accept(this.currentOrder, this.correction);
        this.history.copyInto(this.currentOrder, dense);
        this.equalSteps++;
        this.jacobianCurrent = false;
        return bdfInterpolant;
    }

    nextStep(h: number, error: number, accepted: boolean): number {
        const order = this.currentOrder;
        const safety = 0.9 * (2 * NEWTON_MAX_ITERATIONS + 1) / (2 * NEWTON_MAX_ITERATIONS + this.iterations);
        if (!accepted) {
            if (this.newtonFailed) return h / 2;
            return h * (Number.isFinite(error) ? Math.max(MIN_FACTOR, safety * Math.pow(error, -1 / (order + 1))) : MIN_FACTOR);
        }
        if (this.equalSteps < order + 1) return h;
        // The estimates of orders k − 1 and k + 1 from the updated differences, y_new in row 0.
        const y = this.history.row(0);
        const lower = order > 1 ? ERROR_CONSTANT[order - 1] * this.norm(this.history.row(order), y, y) : Infinity;
        const higher = order < MAX_ORDER ? ERROR_CONSTANT[order + 1] * this.norm(this.history.row(order + 2), y, y) : Infinity;
        const factors = [Math.pow(lower, -1 / order), Math.pow(error, -1 / (order + 1)), Math.pow(higher, -1 / (order + 2))];
        const best = factors.indexOf(Math.max(...factors));
        this.currentOrder = order + best - 1;
        this.equalSteps = 0;
        return h * Math.min(MAX_FACTOR, safety * factors[best]);
    }

    /** Modified Newton on the corrector (SciPy's convergence test from the rate of successive increments). */
    private correct(tNew: number, c: number, yNew: Float64Array): boolean {
        const { predicted, psi, correction, increment, slope, newtonTolerance } = this;
        const corrected = increment.length;
        for (let i = 0; i < corrected; i++) {
            yNew[i] = predicted[i];
            correction[i] = 0;
        }
        let previous = 0;
        for (let k = 0; k < NEWTON_MAX_ITERATIONS; k++) {
            this.iterations = k + 1;
            this.rhs.evaluate(tNew, yNew, slope);
            for (let i = 0; i < corrected; i++) increment[i] = c * slope[i] - psi[i] - correction[i];
            this.lu.solve(increment, increment);
            const size = errorNorm(increment, predicted, predicted, this.newtonTol);
            if (!Number.isFinite(size)) {
                this.failure = 'not-finite';
                return false;
            }
            const rate = k > 0 ? size / previous : undefined;
            if (rate !== undefined && (rate >= 1 || Math.pow(rate, NEWTON_MAX_ITERATIONS - k) / (1 - rate) * size > newtonTolerance)) return false;
            for (let i = 0; i < corrected; i++) {
                yNew[i] += increment[i];
                correction[i] += increment[i];
            }
            if (size === 0 || (rate !== undefined && rate / (1 - rate) * size < newtonTolerance)) return true;
            previous = size;
        }
        return false;
    }

    /**
     * Each sⱼ's corrector is linear: (I − cJ)·sⱼ = sⱼ,ₚ − ψⱼ + c·bⱼ with J and bⱼ at the new
     * state. J is evaluated there and factored, so one solve per parameter (all in one pass)
     * is exact; the same J and factorisation start the next step's Newton iteration.
     */
    private solveSensitivities(tNew: number, c: number, yNew: Float64Array): boolean {
        const { declared, parameters, inhomogeneity } = this.staggered!;
        const n = declared.states;
        this.evaluateJacobian(tNew, yNew);
        if (!this.factor(c)) return false;
        declared.parameterDerivatives(tNew, yNew, inhomogeneity);
        const { predicted, psi, correction } = this;
        for (let i = n; i < yNew.length; i++) yNew[i] = predicted[i] - psi[i] + c * inhomogeneity[i - n];
        this.staggered!.lu.solveMany(yNew, n, parameters);
        for (let i = n; i < yNew.length; i++) correction[i] = yNew[i] - predicted[i];
        return true;
    }

    /** The error test's norm: staggered, the larger of the state's and the sensitivities' (those in the test). */
    private norm(v: Float64Array, before: Float64Array, after: Float64Array): number {
        const state = errorNorm(v, before, after, this.stateTol);
        const tested = this.tol.components ?? v.length;
        if (this.staggered === undefined || tested <= this.staggered.declared.states) return state;
        return Math.max(state, errorNorm(v, before, after, this.tol, this.staggered.declared.states));
    }

    private checked(error: number): number {
        if (!Number.isFinite(error)) this.failure = 'not-finite';
        return error;
    }

    private evaluateJacobian(t: number, y: Float64Array): void {
        this.stats.jacobianEvaluations++;
        this.jacobianCurrent = true;
        this.factoredFor = NaN;
        if (this.jacobian === undefined) {
            this.staggered!.declared.jacobian.evaluate(t, y, this.jacobianValues);
            return;
        }
        // A difference-quotient Jacobian needs f at its point; the history does not keep it.
        this.rhs.evaluate(t, y, this.slope);
        this.jacobian.evaluate(t, y, this.slope, this.spacing, this.jacobianValues);
    }

    private factor(c: number): boolean {
        this.stats.factorizations++;
        this.factoredFor = c;
        if (this.lu.factor(this.jacobianValues, 1, -c)) return true;
        this.factoredFor = NaN;
        this.failure = 'singular';
        return false;
    }
}

/** Variable-order BDF (NDF) for stiff problems, staggered forward sensitivities ('bdf'). */
export class Bdf implements OdeSolver {
    readonly name = 'bdf';

    solve(problem: OdeProblem, options: SolverOptions = {}): OdeSolution {
        return integrate(problem, options, (context) => new BdfStepper(context));
    }
}
