/**
 * Bounded Levenberg–Marquardt for min ½‖r(u)‖² (docs/analysis.md#fitting): each step solves
 * (JᵀJ + λ·D)·δ = −Jᵀr over the free coordinates (D = diag(JᵀJ), Marquardt's scaling), is
 * projected onto the bounds, and is accepted when the cost falls; λ follows Nielsen's rule
 * from the gain ratio ρ = actual / predicted reduction, which makes it a trust-region method
 * (λ large: a short gradient step; λ small: Gauss–Newton). A coordinate at a bound whose
 * gradient points outwards is held there for the step (an active set).
 */
import { DenseLU } from '../../solvers/linear/dense-lu.js';
import { SimulationError } from '../../model/errors.js';

export interface LeastSquaresEvaluation {
    residuals: Float64Array;
    /** jacobian[i][j] = ∂rᵢ/∂uⱼ. */
    jacobian: Float64Array[];
}

export interface LeastSquaresProblem {
    lower: readonly number[];
    upper: readonly number[];
    /** Throws SimulationError where the model cannot be evaluated (the step is then rejected). */
    evaluate(u: readonly number[]): LeastSquaresEvaluation;
}

export interface LeastSquaresOptions {
    maxIterations?: number;
    /** Stop when an accepted step lowers the cost by less than this fraction. */
    costTolerance?: number;
    /** Stop when a step moves u by less than this, relative to |u| + this. */
    stepTolerance?: number;
    /** Stop when the largest free component of the gradient Jᵀr falls below this. */
    gradientTolerance?: number;
    signal?: AbortSignal;
    /** After each accepted step: the iteration and the cost ‖r‖². */
    onIteration?: (iteration: number, cost: number) => void;
}

export interface LeastSquaresResult {
    u: number[];
    evaluation: LeastSquaresEvaluation;
    /** ‖r‖² at u. */
    cost: number;
    iterations: number;
    converged: boolean;
    reason: string;
}

const sumOfSquares = (r: Float64Array) => r.reduce((s, x) => s + x * x, 0);

export function levenbergMarquardt(problem: LeastSquaresProblem, start: readonly number[], options: LeastSquaresOptions = {}): LeastSquaresResult {
    const maxIterations = options.maxIterations ?? 100;
    const costTolerance = options.costTolerance ?? 1e-10;
    const stepTolerance = options.stepTolerance ?? 1e-9;
    const gradientTolerance = options.gradientTolerance ?? 1e-8;
    const { lower, upper } = problem;
    const n = start.length;
    let u = start.map((x, j) => Math.min(upper[j], Math.max(lower[j], x)));
    let current = problem.evaluate(u);
    let cost = sumOfSquares(current.residuals);
    if (!Number.isFinite(cost)) throw new SimulationError('the objective is not finite at the start', 'not-finite');
    let lambda = -1, nu = 2;
    const done = (iterations: number, converged: boolean, reason: string): LeastSquaresResult => ({ u, evaluation: current, cost, iterations, converged, reason });
    for (let iteration = 1; iteration <= maxIterations; iteration++) {
        if (options.signal?.aborted) throw new SimulationError('the fit was cancelled', 'cancelled');
        const { residuals: r, jacobian: J } = current;
        const g = new Float64Array(n), A = new Float64Array(n * n);
        for (let i = 0; i < r.length; i++) {
            const row = J[i];
            for (let a = 0; a < n; a++) {
                if (row[a] === 0) continue;
                g[a] += row[a] * r[i];
                for (let b = 0; b < n; b++) A[a * n + b] += row[a] * row[b];
            }
        }
        const free = [...Array(n).keys()].filter(j => !(u[j] <= lower[j] && g[j] > 0) && !(u[j] >= upper[j] && g[j] < 0));
        if (free.length === 0 || Math.max(...free.map(j => Math.abs(g[j]))) < gradientTolerance) return done(iteration - 1, true, 'gradient');
        const largest = Math.max(...free.map(j => A[j * n + j]), 1e-300);
        if (lambda < 0) lambda = 1e-3 * largest;
        for (;;) {
            const m = free.length;
            const lu = new DenseLU(m);
            free.forEach((a, p) => free.forEach((b, q) => {
                lu.matrix[p * m + q] = A[a * n + b] + (p === q ? lambda * Math.max(A[a * n + a], 1e-12 * largest) : 0);
            }));
            const delta = Float64Array.from(free, a => -g[a]);
            if (!lu.factor()) { lambda *= nu; nu *= 2; continue; }
            lu.solveInPlace(delta);
            const trial = [...u];
            free.forEach((a, p) => { trial[a] = Math.min(upper[a], Math.max(lower[a], u[a] + delta[p])); });
            const h = trial.map((x, j) => x - u[j]);
            const size = Math.sqrt(h.reduce((s, x) => s + x * x, 0)), scale = Math.sqrt(u.reduce((s, x) => s + x * x, 0));
            if (size <= stepTolerance * (scale + stepTolerance)) return done(iteration, true, 'step');
            // Predicted fall of ½‖r‖² for the projected step h: −gᵀh − ½hᵀAh.
            let predicted = 0;
            for (let a = 0; a < n; a++) {
                predicted -= g[a] * h[a];
                for (let b = 0; b < n; b++) predicted -= 0.5 * h[a] * A[a * n + b] * h[b];
            }
            let next: LeastSquaresEvaluation | undefined;
            try {
                next = problem.evaluate(trial);
            } catch (e) {
                if (!(e instanceof SimulationError) || e.reason === 'cancelled') throw e;
            }
            const nextCost = next ? sumOfSquares(next.residuals) : Number.NaN;
            const rho = Number.isFinite(nextCost) && predicted > 0 ? (0.5 * (cost - nextCost)) / predicted : -1;
            if (rho > 0) {
                const fall = cost - nextCost;
                u = trial;
                current = next!;
                cost = nextCost;
                lambda *= Math.max(1 / 3, 1 - (2 * rho - 1) ** 3);
                nu = 2;
                options.onIteration?.(iteration, cost);
                if (fall <= costTolerance * cost) return done(iteration, true, 'cost');
                break;
            }
            lambda *= nu;
            nu *= 2;
            if (!Number.isFinite(lambda) || lambda > 1e300) return done(iteration, false, 'no step lowers the objective');
            if (options.signal?.aborted) throw new SimulationError('the fit was cancelled', 'cancelled');
        }
    }
    return done(maxIterations, false, `no convergence in ${maxIterations} iterations`);
}
