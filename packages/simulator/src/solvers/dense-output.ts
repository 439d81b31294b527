/**
 * Evaluates one step's continuous extension at θ ∈ [0, 1] (t = tStart + θh) into `out`,
 * from the coefficient vectors the method stored for that step (n values each, back to back).
 */
export type Interpolant = (coefficients: Float64Array, theta: number, out: Float64Array) => void;

interface Segment {
    start: number;
    h: number;
    coefficients: Float64Array;
    interpolant: Interpolant;
}

/** The continuous solution over all accepted steps, for `OdeSolution.at`. */
export class DenseHistory {
    private readonly segments: Segment[] = [];

    private readonly y0: Float64Array;

    constructor(private readonly t0: number, y0: Float64Array) {
        this.y0 = Float64Array.from(y0);
    }

    append(start: number, h: number, coefficients: Float64Array, interpolant: Interpolant): void {
        this.segments.push({ start, h, coefficients, interpolant });
    }

    /** The state at t; the caller guarantees t0 ≤ t ≤ the end of the last step. */
    at(t: number): Float64Array {
        const out = new Float64Array(this.y0.length);
        const segments = this.segments;
        if (segments.length === 0 || t <= this.t0) {
            out.set(this.y0);
            return out;
        }
        let low = 0;
        let high = segments.length - 1;
        while (low < high) {
            const middle = (low + high + 1) >> 1;
            if (segments[middle].start <= t) low = middle; else high = middle - 1;
        }
        const segment = segments[low];
        segment.interpolant(segment.coefficients, Math.min(1, (t - segment.start) / segment.h), out);
        return out;
    }
}
