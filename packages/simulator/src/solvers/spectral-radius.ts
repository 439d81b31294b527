import type { SparsityPattern } from './problem.js';

/**
 * Estimates the largest |eigenvalue| of a sparse matrix by a few power iterations, warm-started
 * from the previous call's vector (the Jacobian changes slowly from step to step).
 */
export class SpectralRadiusEstimator {
    private readonly vector: Float64Array;
    private readonly product: Float64Array;
    /** Positions of the diagonal entries present in the pattern. */
    private readonly diagonal: Int32Array;

    constructor(private readonly pattern: SparsityPattern, private readonly iterations = 8) {
        this.vector = Float64Array.from({ length: pattern.n }, (_, i) => 1 + (i % 7) / 7);
        this.product = new Float64Array(pattern.n);
        const { n, rowStart, colIndex } = pattern;
        const diagonal: number[] = [];
        for (let i = 0; i < n; i++) {
            for (let p = rowStart[i]; p < rowStart[i + 1]; p++) if (colIndex[p] === i) diagonal.push(p);
        }
        this.diagonal = Int32Array.from(diagonal);
    }

    /** |trace| / n, a lower bound of the spectral radius (the mean of the eigenvalues), at the cost of n additions. */
    lowerBound(values: Float64Array): number {
        let trace = 0;
        for (const p of this.diagonal) trace += values[p];
        return Math.abs(trace) / this.pattern.n;
    }

    estimate(values: Float64Array): number {
        const { rowStart, colIndex, n } = this.pattern;
        const { vector: v, product: w } = this;
        let radius = 0;
        for (let iteration = 0; iteration < this.iterations; iteration++) {
            let vNorm = 0, wNorm = 0;
            for (let i = 0; i < n; i++) {
                let sum = 0;
                for (let p = rowStart[i]; p < rowStart[i + 1]; p++) sum += values[p] * v[colIndex[p]];
                w[i] = sum;
                wNorm += sum * sum;
                vNorm += v[i] * v[i];
            }
            if (!(wNorm > 0) || !Number.isFinite(wNorm)) return Number.isFinite(wNorm) ? 0 : Infinity;
            radius = Math.sqrt(wNorm / vNorm);
            const scale = 1 / Math.sqrt(wNorm);
            for (let i = 0; i < n; i++) v[i] = w[i] * scale;
        }
        return radius;
    }
}
