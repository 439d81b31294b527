import { VectorStore } from './vector-store.js';

/**
 * Evaluates one step's continuous extension at θ ∈ [0, 1] (t = tStart + θh) into `out`,
 * from the coefficient vectors the method stored for that step (n values each, back to back).
 */
export type Interpolant = (coefficients: Float64Array, theta: number, out: Float64Array) => void;

/** The continuous solution over all accepted steps, for `OdeSolution.at`. */
export class DenseHistory {
    private readonly starts: number[] = [];
    private readonly steps: number[] = [];
    private readonly offsets: number[] = [];
    private readonly lengths: number[] = [];
    private readonly interpolants: Interpolant[] = [];
    private readonly store: VectorStore;
    private readonly y0: Float64Array;

    constructor(private readonly t0: number, y0: Float64Array) {
        this.y0 = Float64Array.from(y0);
        this.store = new VectorStore(64 * y0.length);
    }

    /** Keeps a copy of the step's coefficients. */
    append(start: number, h: number, coefficients: Float64Array, interpolant: Interpolant): void {
        this.starts.push(start);
        this.steps.push(h);
        this.offsets.push(this.store.append(coefficients));
        this.lengths.push(coefficients.length);
        this.interpolants.push(interpolant);
    }

    /** The state at t; the caller guarantees t0 ≤ t ≤ the end of the last step. */
    at(t: number): Float64Array {
        const out = new Float64Array(this.y0.length);
        const starts = this.starts;
        if (starts.length === 0 || t <= this.t0) {
            out.set(this.y0);
            return out;
        }
        let low = 0;
        let high = starts.length - 1;
        while (low < high) {
            const middle = (low + high + 1) >> 1;
            if (starts[middle] <= t) low = middle; else high = middle - 1;
        }
        const coefficients = this.store.view(this.offsets[low], this.lengths[low]);
        this.interpolants[low](coefficients, Math.min(1, (t - starts[low]) / this.steps[low]), out);
        return out;
    }
}
