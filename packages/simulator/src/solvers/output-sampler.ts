import type { Interpolant } from './dense-output.js';
import { VectorStore } from './vector-store.js';

/**
 * Collects the solution at the requested output times from each accepted step's dense
 * output, so output times never shorten a step. Without requested times every step end
 * is recorded, as SciPy's solve_ivp does.
 */
export class OutputSampler {
    readonly times: number[] = [];
    private readonly store: VectorStore;
    private readonly point: Float64Array;
    private next = 0;

    constructor(private readonly requested: readonly number[] | undefined, t0: number, y0: Float64Array) {
        this.store = new VectorStore(((requested?.length ?? 64) + 1) * y0.length);
        this.point = new Float64Array(y0.length);
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
            interpolant(coefficients, (t - start) / h, this.point);
            this.record(t, this.point);
        }
    }

    /** One state vector per recorded time (views into one buffer; call once sampling is done). */
    values(): Float64Array[] {
        const n = this.point.length;
        return this.times.map((_, k) => this.store.view(k * n, n));
    }

    private record(t: number, y: Float64Array): void {
        this.times.push(t);
        this.store.append(y);
    }
}
