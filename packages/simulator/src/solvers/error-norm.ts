/** Tolerances as every method applies them: component i may err by atol + rtol·|y_i|. */
export interface Tolerances {
    rtol: number;
    atol: number;
    /**
     * Only the first this many components enter the error test (default all): a state
     * extended by its forward sensitivities may leave them out of it (docs/analysis.md).
     */
    components?: number;
}

/**
 * Hairer's weighted RMS norm of a local error estimate: each component is scaled by
 * atol + rtol·max(|y_before|, |y_after|), so an error of 1 is exactly the tolerance. Over the
 * components `from` on (a staggered method tests the sensitivities apart from the state).
 */
export function errorNorm(error: Float64Array, before: Float64Array, after: Float64Array, tol: Tolerances, from = 0): number {
    const count = tol.components ?? error.length;
    let sum = 0;
    for (let i = from; i < count; i++) {
        const scaled = error[i] / (tol.atol + tol.rtol * Math.max(Math.abs(before[i]), Math.abs(after[i])));
        sum += scaled * scaled;
    }
    return Math.sqrt(sum / (count - from));
}

/** The component with the largest scaled error (NaN counts as largest), to blame in a failure. */
export function worstComponent(error: Float64Array, before: Float64Array, after: Float64Array, tol: Tolerances): number {
    let worst = 0;
    let largest = -1;
    for (let i = 0; i < (tol.components ?? error.length); i++) {
        const scaled = Math.abs(error[i]) / (tol.atol + tol.rtol * Math.max(Math.abs(before[i]), Math.abs(after[i])));
        if (!(scaled <= largest)) {
            if (Number.isNaN(scaled)) return i;
            worst = i;
            largest = scaled;
        }
    }
    return worst;
}

/** Index of the first NaN or infinite entry, or -1. */
export function firstNonFinite(values: Float64Array): number {
    for (let i = 0; i < values.length; i++) {
        if (!Number.isFinite(values[i])) return i;
    }
    return -1;
}
