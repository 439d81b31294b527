import type { Tolerances } from './error-norm.js';
import type { JacobianFunction, OdeProblem, SparsityPattern } from './problem.js';
import type { CountedRhs } from './stepper.js';

/** Evaluates ∂f/∂y into values ordered as `pattern`; f0 = f(t, y) is given, h is the step about to be taken. */
export interface JacobianSource {
    readonly pattern: SparsityPattern;
    evaluate(t: number, y: Float64Array, f0: Float64Array, h: number, values: Float64Array): void;
}

/** Every entry present: the pattern to assume when the problem gives none. */
export function densePattern(n: number): SparsityPattern {
    const rowStart = Int32Array.from({ length: n + 1 }, (_, i) => i * n);
    const colIndex = Int32Array.from({ length: n * n }, (_, p) => p % n);
    return { n, rowStart, colIndex };
}

/**
 * Forward differences with Curtis–Powell–Reid column grouping: columns that share no row are
 * perturbed together, so a banded or chain-like Jacobian costs a handful of evaluations of f
 * instead of n.
 */
export class FiniteDifferenceJacobian implements JacobianSource {
    /** Columns of group g: groupColumns[groupStart[g] .. groupStart[g + 1]). */
    private readonly groupStart: Int32Array;
    private readonly groupColumns: Int32Array;
    /** Column j's entries: rows and their positions in the row-compressed values. */
    private readonly columnStart: Int32Array;
    private readonly columnRows: Int32Array;
    private readonly columnPositions: Int32Array;
    private readonly perturbed: Float64Array;
    private readonly fPerturbed: Float64Array;
    private readonly steps: Float64Array;

    constructor(readonly pattern: SparsityPattern, private readonly rhs: CountedRhs, private readonly tol: Tolerances) {
        const { n, rowStart, colIndex } = pattern;
        this.columnStart = new Int32Array(n + 1);
        for (const j of colIndex) this.columnStart[j + 1]++;
        for (let j = 0; j < n; j++) this.columnStart[j + 1] += this.columnStart[j];
        this.columnRows = new Int32Array(colIndex.length);
        this.columnPositions = new Int32Array(colIndex.length);
        const fill = this.columnStart.slice(0, n);
        for (let i = 0; i < n; i++) {
            for (let p = rowStart[i]; p < rowStart[i + 1]; p++) {
                const slot = fill[colIndex[p]]++;
                this.columnRows[slot] = i;
                this.columnPositions[slot] = p;
            }
        }
        [this.groupStart, this.groupColumns] = this.groupColumnsGreedily();
        this.perturbed = new Float64Array(n);
        this.fPerturbed = new Float64Array(n);
        this.steps = new Float64Array(n);
    }

    /** Number of f evaluations per Jacobian. */
    get groupCount(): number {
        return this.groupStart.length - 1;
    }

    evaluate(t: number, y: Float64Array, f0: Float64Array, h: number, values: Float64Array): void {
        const { perturbed, fPerturbed, steps, groupStart, groupColumns, columnStart, columnRows, columnPositions, tol } = this;
        const n = y.length;
        // CVODE's increments: √ε·|y_j|, but at least an amount whose effect on f over the
        // step h stands clear of rounding in f (measured in the error norm's units).
        let fNorm = 0;
        for (let i = 0; i < n; i++) fNorm += (f0[i] / (tol.atol + tol.rtol * Math.abs(y[i]))) ** 2;
        fNorm = Math.sqrt(fNorm / n);
        const minimum = fNorm > 0 ? 1000 * Math.abs(h) * Number.EPSILON * n * fNorm : 1;
        perturbed.set(y);
        for (let g = 0; g + 1 < groupStart.length; g++) {
            for (let c = groupStart[g]; c < groupStart[g + 1]; c++) {
                const j = groupColumns[c];
                const weight = tol.atol + tol.rtol * Math.abs(y[j]);
                perturbed[j] = y[j] + Math.max(Math.sqrt(Number.EPSILON) * Math.abs(y[j]), minimum * weight);
                steps[j] = perturbed[j] - y[j];
            }
            this.rhs.evaluate(t, perturbed, fPerturbed);
            for (let c = groupStart[g]; c < groupStart[g + 1]; c++) {
                const j = groupColumns[c];
                for (let q = columnStart[j]; q < columnStart[j + 1]; q++) {
                    const i = columnRows[q];
                    values[columnPositions[q]] = (fPerturbed[i] - f0[i]) / steps[j];
                }
                perturbed[j] = y[j];
            }
        }
    }

    /** Greedy colouring: each column takes the first group holding no column that shares a row. */
    private groupColumnsGreedily(): [Int32Array, Int32Array] {
        const { n, rowStart, colIndex } = this.pattern;
        const group = new Int32Array(n).fill(-1);
        const forbiddenFor = new Int32Array(n + 1).fill(-1);
        let groups = 0;
        for (let j = 0; j < n; j++) {
            for (let q = this.columnStart[j]; q < this.columnStart[j + 1]; q++) {
                const i = this.columnRows[q];
                for (let p = rowStart[i]; p < rowStart[i + 1]; p++) {
                    const other = group[colIndex[p]];
                    if (other >= 0) forbiddenFor[other] = j;
                }
            }
            let g = 0;
            while (forbiddenFor[g] === j) g++;
            group[j] = g;
            groups = Math.max(groups, g + 1);
        }
        const start = new Int32Array(groups + 1);
        for (let j = 0; j < n; j++) start[group[j] + 1]++;
        for (let g = 0; g < groups; g++) start[g + 1] += start[g];
        const columns = new Int32Array(n);
        const fill = start.slice(0, groups);
        for (let j = 0; j < n; j++) columns[fill[group[j]]++] = j;
        return [start, columns];
    }
}

/** The problem's analytic Jacobian when it has one, else grouped finite differences. */
class AnalyticJacobian implements JacobianSource {
    constructor(readonly pattern: SparsityPattern, private readonly jacobian: JacobianFunction) {}

    evaluate(t: number, y: Float64Array, _f0: Float64Array, _h: number, values: Float64Array): void {
        this.jacobian(t, y, values);
    }
}

export function jacobianSource(problem: OdeProblem, rhs: CountedRhs, tol: Tolerances): JacobianSource {
    const analytic = problem.jacobian;
    if (analytic === undefined) return new FiniteDifferenceJacobian(problem.sparsity ?? densePattern(problem.y0.length), rhs, tol);
    return new AnalyticJacobian(analytic.pattern, analytic.evaluate);
}
