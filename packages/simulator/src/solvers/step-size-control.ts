/** Chooses the next step from the error norm of the last attempt (1 = exactly the tolerance). */
export interface StepSizeController {
    next(h: number, error: number, accepted: boolean): number;
    /** Forget the history (after a method switch or a restart). */
    reset(): void;
}

/** Step changes of one attempt stay within these factors, and aim this far under the tolerance. */
const SAFETY = 0.9;

/**
 * Hairer's PI controller of DOPRI5 (β = 0.04): the previous accepted error damps the
 * oscillation a plain controller shows at the stability boundary.
 */
export class ProportionalIntegralController implements StepSizeController {
    private previousError = 1e-4;
    private rejectedLast = false;
    private readonly exponent: number;

    constructor(order: number, private readonly beta = 0.04, private readonly maxGrowth = 10, private readonly maxShrink = 5) {
        this.exponent = 1 / order - 0.75 * beta;
    }

    next(h: number, error: number, accepted: boolean): number {
        const errorFactor = Number.isFinite(error) ? Math.pow(error, this.exponent) : Infinity;
        if (!accepted) {
            this.rejectedLast = true;
            return h / Math.min(this.maxShrink, errorFactor / SAFETY);
        }
        const factor = errorFactor / Math.pow(this.previousError, this.beta) / SAFETY;
        let hNew = h / Math.max(1 / this.maxGrowth, Math.min(this.maxShrink, factor));
        if (this.rejectedLast) hNew = Math.min(hNew, h);
        this.previousError = Math.max(error, 1e-4);
        this.rejectedLast = false;
        return hNew;
    }

    reset(): void {
        this.previousError = 1e-4;
        this.rejectedLast = false;
    }
}

/**
 * Gustafsson's predictive controller, as in Hairer's RODAS: after an accepted step the
 * ratio of the last two errors predicts the next, which avoids repeated rejections
 * when the error grows along a stiff transient.
 */
export class PredictiveController implements StepSizeController {
    private previousH = 0;
    private previousError = 0;
    private rejectedLast = false;
    private readonly exponent: number;

    constructor(order: number, private readonly maxGrowth = 6, private readonly maxShrink = 5) {
        this.exponent = 1 / order;
    }

    next(h: number, error: number, accepted: boolean): number {
        const limit = (factor: number) => Math.max(1 / this.maxGrowth, Math.min(this.maxShrink, factor));
        let factor = limit(Number.isFinite(error) ? Math.pow(error, this.exponent) / SAFETY : Infinity);
        if (!accepted) {
            this.rejectedLast = true;
            return h / factor;
        }
        if (this.previousH > 0) {
            const predicted = (this.previousH / h) * Math.pow(error * error / this.previousError, this.exponent) / SAFETY;
            factor = Math.max(factor, limit(predicted));
        }
        let hNew = h / factor;
        if (this.rejectedLast) hNew = Math.min(hNew, h);
        this.previousH = h;
        this.previousError = Math.max(0.01, error);
        this.rejectedLast = false;
        return hNew;
    }

    reset(): void {
        this.previousH = 0;
        this.previousError = 0;
        this.rejectedLast = false;
    }
}
