import type { SparsityPattern } from '../problem.js';
import { DenseLU } from './dense-lu.js';
import { analyseLu, type LuStructure } from './symbolic-lu.js';

/** A pivot this small next to its row's largest entry makes the fixed pivot order unstable. */
const PIVOT_TOLERANCE = 1e-8;
/**
 * Above this fraction of non-zeros (in A, or in L + U after fill) dense LU is faster. Below
 * it sparse wins even on ten species: dense LU's pivot search alone costs n² per factorisation.
 */
const DENSE_FRACTION = 0.5;

/**
 * Analyses by pattern: a model's Jacobian pattern is one object for all its runs and
 * segments, and the analysis of a thousand species costs more than a short solve.
 */
const analyses = new WeakMap<SparsityPattern, LuStructure | 'dense'>();

/** The fill-reducing structure of L + U for `pattern`, or undefined where dense LU serves better. */
function structureOf(pattern: SparsityPattern): LuStructure | undefined {
    let analysis = analyses.get(pattern);
    if (analysis === undefined) {
        const n = pattern.n;
        const sparse = pattern.colIndex.length > DENSE_FRACTION * n * n ? undefined : analyseLu(pattern, DENSE_FRACTION * n * n);
        analyses.set(pattern, analysis = sparse ?? 'dense');
    }
    return analysis === 'dense' ? undefined : analysis;
}

/**
 * Sparse LU of M = shift·I + scale·A for a fixed sparsity pattern of A: the ordering and fill
 * are analysed once, each `factor` only redoes the arithmetic on L + U in place. When a
 * pivot in the fixed order turns out tiny, that factorisation falls back to dense LU with
 * partial pivoting (correct, slower, and rare for iteration matrices I/(γh) − J). A pattern
 * that is nearly full, or fills in to nearly full, goes to dense LU directly.
 */
export class SparseLU {
    readonly structure: LuStructure | undefined;
    /** True when the last factorisation was dense. */
    usedFallback = false;
    private readonly values: Float64Array;
    private readonly position: Int32Array;
    private readonly rowScale: Float64Array;
    private readonly work: Float64Array;
    /** Work for `solveMany`, interleaved: entry i of vector k at i·count + k. */
    private many = new Float64Array(0);
    private dense: DenseLU | undefined;

    constructor(private readonly pattern: SparsityPattern) {
        const n = pattern.n;
        this.structure = structureOf(pattern);
        this.values = new Float64Array(this.structure?.colIndex.length ?? 0);
        this.position = new Int32Array(n);
        this.rowScale = new Float64Array(n);
        this.work = new Float64Array(n);
    }

    /** Entries in L + U (a measure of fill). */
    get nonZeros(): number {
        return this.structure === undefined ? this.pattern.n ** 2 : this.values.length;
    }

    /** Factors shift·I + scale·A for A's values (ordered as the pattern); false if singular. */
    factor(a: Float64Array, shift: number, scale: number): boolean {
        if (this.structure === undefined) return this.factorDense(a, shift, scale);
        const { n, rowStart, colIndex, diagonal, entryPosition } = this.structure;
        const { values: lu, position, rowScale } = this;
        lu.fill(0);
        for (let p = 0; p < a.length; p++) lu[entryPosition[p]] += scale * a[p];
        for (let i = 0; i < n; i++) {
            lu[diagonal[i]] += shift;
            let largest = 0;
            for (let p = rowStart[i]; p < rowStart[i + 1]; p++) largest = Math.max(largest, Math.abs(lu[p]));
            rowScale[i] = largest;
        }
        this.usedFallback = false;
        for (let i = 0; i < n; i++) {
            const end = rowStart[i + 1];
            const d = diagonal[i];
            for (let p = rowStart[i]; p < end; p++) position[colIndex[p]] = p;
            for (let p = rowStart[i]; p < d; p++) {
                const k = colIndex[p];
                const l = (lu[p] /= lu[diagonal[k]]);
                if (l === 0) continue;
                for (let q = diagonal[k] + 1, kEnd = rowStart[k + 1]; q < kEnd; q++) lu[position[colIndex[q]]] -= l * lu[q];
            }
            if (!(Math.abs(lu[d]) > PIVOT_TOLERANCE * rowScale[i])) return this.factorDense(a, shift, scale);
        }
        return true;
    }

    /** Solves M x = b (x and b may be the same array), both read from `offset` on. */
    solve(b: Float64Array, x: Float64Array, offset = 0): void {
        if (this.usedFallback) {
            const n = this.pattern.n;
            const view = x.subarray(offset, offset + n);
            if (x !== b) view.set(b.subarray(offset, offset + n));
            this.dense!.solveInPlace(view);
            return;
        }
        const { n, order, rowStart, colIndex, diagonal } = this.structure!;
        const { values: lu, work: w } = this;
        for (let i = 0; i < n; i++) w[i] = b[offset + order[i]];
        for (let i = 0; i < n; i++) {
            let sum = w[i];
            for (let p = rowStart[i], d = diagonal[i]; p < d; p++) sum -= lu[p] * w[colIndex[p]];
            w[i] = sum;
        }
        for (let i = n - 1; i >= 0; i--) {
            const d = diagonal[i];
            let sum = w[i];
            for (let p = d + 1, end = rowStart[i + 1]; p < end; p++) sum -= lu[p] * w[colIndex[p]];
            w[i] = sum / lu[d];
        }
        for (let i = 0; i < n; i++) x[offset + order[i]] = w[i];
    }

    /**
     * Solves M xₖ = bₖ in place for `count` vectors of length n stored back to back in x from
     * `offset`, in one pass over L and U (each entry read once for all of them).
     */
    solveMany(x: Float64Array, offset: number, count: number): void {
        const n = this.pattern.n;
        if (this.usedFallback || count === 1) {
            for (let k = 0; k < count; k++) this.solve(x, x, offset + k * n);
            return;
        }
        const { order, rowStart, colIndex, diagonal } = this.structure!;
        const lu = this.values;
        if (this.many.length < n * count) this.many = new Float64Array(n * count);
        const w = this.many;
        for (let i = 0; i < n; i++) {
            const from = offset + order[i], to = i * count;
            for (let k = 0; k < count; k++) w[to + k] = x[from + k * n];
        }
        for (let i = 0; i < n; i++) {
            const row = i * count;
            for (let p = rowStart[i], d = diagonal[i]; p < d; p++) {
                const l = lu[p], column = colIndex[p] * count;
                for (let k = 0; k < count; k++) w[row + k] -= l * w[column + k];
            }
        }
        for (let i = n - 1; i >= 0; i--) {
            const row = i * count, d = diagonal[i];
            for (let p = d + 1, end = rowStart[i + 1]; p < end; p++) {
                const u = lu[p], column = colIndex[p] * count;
                for (let k = 0; k < count; k++) w[row + k] -= u * w[column + k];
            }
            const pivot = lu[d];
            for (let k = 0; k < count; k++) w[row + k] /= pivot;
        }
        for (let i = 0; i < n; i++) {
            const to = offset + order[i], from = i * count;
            for (let k = 0; k < count; k++) x[to + k * n] = w[from + k];
        }
    }

    private factorDense(a: Float64Array, shift: number, scale: number): boolean {
        const { n, rowStart, colIndex } = this.pattern;
        this.dense ??= new DenseLU(n);
        const matrix = this.dense.matrix;
        matrix.fill(0);
        for (let i = 0; i < n; i++) {
            matrix[i * n + i] = shift;
            for (let p = rowStart[i]; p < rowStart[i + 1]; p++) matrix[i * n + colIndex[p]] += scale * a[p];
        }
        this.usedFallback = true;
        return this.dense.factor();
    }
}
