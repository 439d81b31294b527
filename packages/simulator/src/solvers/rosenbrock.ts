import type { Interpolant } from './dense-output.js';
import { errorNorm, firstNonFinite, type Tolerances } from './error-norm.js';
import { jacobianSource, type JacobianSource } from './jacobian.js';
import { iterationMatrixSolver, type IterationMatrixSolver } from './linear/block-triangular-lu.js';
import type { SolverStats } from './problem.js';
import type { RosenbrockTableau } from './rodas-tableaus.js';
import { PredictiveController } from './step-size-control.js';
import type { AttemptFailure, CountedRhs, StepContext, Stepper } from './stepper.js';

/** y(θ) = (1−θ)y0 + θ(y1 + (1−θ)(q1 + θ(q2 + θ(…)))), from the vectors y0, y1, q1, q2, … */
function rosenbrockInterpolant(rows: number): Interpolant {
    return (r, theta, out) => {
        const n = out.length;
        const rest = 1 - theta;
        for (let i = 0; i < n; i++) {
            let inner = r[(rows + 1) * n + i];
            for (let q = rows; q >= 2; q--) inner = r[q * n + i] + theta * inner;
            out[i] = rest * r[i] + theta * (r[n + i] + rest * inner);
        }
    };
}

/** Row i of a strictly lower triangular coefficient table, flattened to i·s + j. */
function flatten(rows: readonly (readonly number[])[], stages: number): Float64Array {
    const flat = new Float64Array(stages * stages);
    rows.forEach((row, i) => flat.set(row, i * stages));
    return flat;
}

/** One linearly implicit step of a Rosenbrock method: one Jacobian, one sparse factorisation, a solve per stage. */
export class RosenbrockStepper implements Stepper {
    readonly method = 'stiff';
    readonly order: number;
    readonly denseVectors: number;
    readonly errorEstimate: Float64Array;
    failure: AttemptFailure | undefined;
    readonly jacobian: JacobianSource;
    /** ∂f/∂y at the start of the current step, ordered as `jacobian.pattern`. */
    readonly jacobianValues: Float64Array;
    private readonly lu: IterationMatrixSolver;
    private readonly controller: PredictiveController;
    private readonly interpolant: Interpolant;
    private readonly rhs: CountedRhs;
    private readonly tol: Tolerances;
    private readonly stats: SolverStats;
    private readonly stages: number;
    private readonly a: Float64Array;
    private readonly C: Float64Array;
    /** b, then the rows of H: the weights of y_new − y and of the dense output vectors. */
    private readonly outputs: Float64Array;
    private readonly dfdt: Float64Array;
    /** The stage increments; the last one is `errorEstimate`. */
    private readonly kViews: Float64Array[];
    /** trailing[s]: stage s's point is stage s − 1's plus its increment (s = stages: y_new). */
    private readonly trailing: boolean[];
    private readonly point: Float64Array;
    private readonly fPoint: Float64Array;
    private jacobianCurrent = false;
    /** A row of J or ∂f/∂t that is not finite at the current step's start, or −1. */
    private nonFiniteRow = -1;

    constructor(context: StepContext, private readonly tableau: RosenbrockTableau) {
        const n = context.problem.y0.length;
        const stages = tableau.b.length;
        this.rhs = context.rhs;
        this.tol = context.tol;
        this.stats = context.stats;
        this.order = tableau.order;
        this.stages = stages;
        this.a = flatten(tableau.a, stages);
        this.C = flatten(tableau.C, stages);
        this.outputs = Float64Array.from([tableau.b, ...tableau.H].flat());
        this.denseVectors = 2 + tableau.H.length;
        this.interpolant = rosenbrockInterpolant(tableau.H.length);
        this.controller = new PredictiveController(tableau.order);
        this.jacobian = jacobianSource(context.problem, context.rhs, context.tol);
        this.jacobianValues = new Float64Array(this.jacobian.pattern.colIndex.length);
        this.lu = iterationMatrixSolver(this.jacobian.pattern, context.problem.jacobian?.blocks);
        this.kViews = Array.from({ length: stages }, () => new Float64Array(n));
        const rows = [...tableau.a, tableau.b];
        this.trailing = rows.map((row, s) => s > 1 && row[s - 1] === 1 && rows[s - 1].every((v, j) => row[j] === v));
        this.errorEstimate = this.kViews[stages - 1];
        [this.dfdt, this.point, this.fPoint] = Array.from({ length: 3 }, () => new Float64Array(n));
    }

    attempt(t: number, y: Float64Array, f: Float64Array, h: number, yNew: Float64Array): number {
        if (!this.jacobianCurrent) this.evaluateJacobian(t, y, f, h);
        if (this.nonFiniteRow >= 0) {
            this.errorEstimate.fill(0);
            this.errorEstimate[this.nonFiniteRow] = NaN;
            this.failure = 'not-finite';
            return Infinity;
        }
        const { gamma, c, d } = this.tableau;
        this.stats.factorizations++;
        if (!this.lu.factor(this.jacobianValues, 1 / (gamma * h), -1)) {
            this.failure = 'singular';
            return Infinity;
        }
        const { kViews, a, C, stages, point, fPoint, dfdt, rhs, lu } = this;
        for (let s = 0; s < stages; s++) {
            const row = s * stages;
            if (s > 0) {
                // A stiffly accurate method's trailing stages step on from the previous point by its increment.
                if (this.trailing[s]) addTo(point, 1, kViews[s - 1]); else combine(point, y, a, row, s, 1, kViews);
                rhs.evaluate(t + c[s] * h, point, fPoint);
            }
            const ks = kViews[s];
            combine(ks, s === 0 ? f : fPoint, C, row, s, 1 / h, kViews);
            addTo(ks, d[s] * h, dfdt);
            lu.solve(ks, ks);
        }
        if (this.trailing[stages]) {
            yNew.set(point);
            addTo(yNew, 1, kViews[stages - 1]);
        } else {
            combine(yNew, y, this.outputs, 0, stages, 1, kViews);
        }
        const error = errorNorm(this.errorEstimate, y, yNew, this.tol);
        this.failure = Number.isFinite(error) ? undefined : 'not-finite';
        return error;
    }

    accept(t: number, y: Float64Array, _f: Float64Array, h: number, yNew: Float64Array, fNew: Float64Array, dense: Float64Array): Interpolant {
        const n = y.length;
        dense.set(y);
        dense.set(yNew, n);
        for (let r = 2; r < this.denseVectors; r++) combine(dense, undefined, this.outputs, (r - 1) * this.stages, this.stages, 1, this.kViews, r * n);
        this.rhs.evaluate(t + h, yNew, fNew);
        this.jacobianCurrent = false;
        return this.interpolant;
    }

    nextStep(h: number, error: number, accepted: boolean): number {
        return this.controller.next(h, error, accepted);
    }

    resetControl(): void {
        this.controller.reset();
    }

    /** J at (t, y), and ∂f/∂t by a forward difference (zero for autonomous problems). */
    private evaluateJacobian(t: number, y: Float64Array, f: Float64Array, h: number): void {
        this.jacobian.evaluate(t, y, f, h, this.jacobianValues);
        this.stats.jacobianEvaluations++;
        const dt = Math.sqrt(Number.EPSILON) * Math.max(1, Math.abs(t));
        const tShifted = t + dt;
        this.rhs.evaluate(tShifted, y, this.fPoint);
        const step = tShifted - t;
        for (let i = 0; i < y.length; i++) this.dfdt[i] = (this.fPoint[i] - f[i]) / step;
        this.jacobianCurrent = true;
        this.nonFiniteRow = firstNonFinite(this.dfdt);
        const { rowStart } = this.jacobian.pattern;
        for (let row = 0; row < y.length && this.nonFiniteRow < 0; row++) {
            for (let p = rowStart[row]; p < rowStart[row + 1]; p++) {
                if (!Number.isFinite(this.jacobianValues[p])) this.nonFiniteRow = row;
            }
        }
    }
}

/**
 * out[offset…] = base + scale·Σ_j weights[from + j]·k_j over j < count (no base: 0). Vector
 * by vector, so every loop runs the length of the state, unit-stride.
 */
function combine(out: Float64Array, base: Float64Array | undefined, weights: Float64Array, from: number, count: number,
    scale: number, k: readonly Float64Array[], offset = 0): void {
    const n = k[0].length;
    if (base === undefined) out.fill(0, offset, offset + n); else out.set(base, offset);
    for (let j = 0; j < count; j++) {
        const w = scale * weights[from + j];
        if (w === 0) continue;
        const kj = k[j];
        for (let i = 0; i < n; i++) out[offset + i] += w * kj[i];
    }
}

/** out += scale·v. */
function addTo(out: Float64Array, scale: number, v: Float64Array): void {
    if (scale === 0) return;
    for (let i = 0; i < out.length; i++) out[i] += scale * v[i];
}
