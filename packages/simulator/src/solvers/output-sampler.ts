import type { Interpolant } from './dense-output.js';

/**
 * Collects the solution at the requested output times from each accepted step's dense
 * output, so output times never shorten a step. Without requested times every step end
 * is recorded, as SciPy's solve_ivp does.
 */
export class OutputSampler {
    readonly times: number[] = [];
    readonly values: Float64Array[] = [];
    private next = 0;

    constructor(private readonly requested: readonly number[] | undefined, t0: number, y0: Float64Array) {
        if (requested === undefined) {
            this.record(t0, y0);
            return;
        }
        while (this.next < requested.length && requested[this.next] <= t0) this.record(requested[this.next++], y0);
    }

    /** Records every output time in (start, end] of a step, end being the step end or an event. */
    addStep(start: number, h: number, end: number, coefficients: Float64Array, interpolant: Interpolant, yEnd: Float64Array): void {
        if (this.requested === undefined) {
            this.record(end, yEnd);
            return;
        }
        const requested = this.requested;
        while (this.next < requested.length && requested[this.next] <= end) {
            const t = requested[this.next++];
            if (t === end) {
                this.record(t, yEnd);
                continue;
            }
            const y = new Float64Array(yEnd.length);
            interpolant(coefficients, (t - start) / h, y);
            this.times.push(t);
            this.values.push(y);
        }
    }

    private record(t: number, y: Float64Array): void {
        this.times.push(t);
        this.values.push(Float64Array.from(y));
    }
}
