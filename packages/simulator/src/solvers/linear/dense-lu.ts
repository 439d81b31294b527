/** LU with partial pivoting of a dense row-major n×n matrix, factored in place. */
export class DenseLU {
    readonly matrix: Float64Array;
    private readonly pivots: Int32Array;

    constructor(readonly n: number) {
        this.matrix = new Float64Array(n * n);
        this.pivots = new Int32Array(n);
    }

    /** Factors `matrix` (filled by the caller); false when it is singular. */
    factor(): boolean {
        const { n, matrix: a, pivots } = this;
        for (let k = 0; k < n; k++) {
            let pivotRow = k;
            let largest = Math.abs(a[k * n + k]);
            for (let i = k + 1; i < n; i++) {
                const magnitude = Math.abs(a[i * n + k]);
                if (magnitude > largest) { largest = magnitude; pivotRow = i; }
            }
            if (!(largest > 0) || !Number.isFinite(largest)) return false;
            pivots[k] = pivotRow;
            if (pivotRow !== k) {
                for (let j = 0; j < n; j++) {
                    const swap = a[k * n + j]; a[k * n + j] = a[pivotRow * n + j]; a[pivotRow * n + j] = swap;
                }
            }
            const pivot = a[k * n + k];
            for (let i = k + 1; i < n; i++) {
                const l = (a[i * n + k] /= pivot);
                if (l === 0) continue;
                for (let j = k + 1; j < n; j++) a[i * n + j] -= l * a[k * n + j];
            }
        }
        return true;
    }

    /** Solves A x = b in place in x (which holds b on entry). */
    solveInPlace(x: Float64Array): void {
        const { n, matrix: a, pivots } = this;
        for (let k = 0; k < n; k++) {
            const p = pivots[k];
            if (p !== k) { const swap = x[k]; x[k] = x[p]; x[p] = swap; }
        }
        for (let i = 0; i < n; i++) {
            let sum = x[i];
            for (let j = 0; j < i; j++) sum -= a[i * n + j] * x[j];
            x[i] = sum;
        }
        for (let i = n - 1; i >= 0; i--) {
            let sum = x[i];
            for (let j = i + 1; j < n; j++) sum -= a[i * n + j] * x[j];
            x[i] = sum / a[i * n + i];
        }
    }
}
