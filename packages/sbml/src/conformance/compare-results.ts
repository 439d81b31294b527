/** The suite's rule: |expected − actual| ≤ absolute + relative·|expected|; NaN only matches NaN, ∞ only the same ∞. */
export function withinTolerance(expected: number, actual: number, absolute: number, relative: number): boolean {
    if (Number.isNaN(expected)) return Number.isNaN(actual);
    if (!Number.isFinite(expected)) return expected === actual;
    return Math.abs(expected - actual) <= absolute + relative * Math.abs(expected);
}

export interface Mismatch { variable: string; time: number; expected: number; actual: number }

/** The first mismatch (by time, then column), or undefined when every value passes. */
export function firstMismatch(
    variables: readonly string[], times: readonly number[], expected: readonly (readonly number[])[],
    actual: readonly (readonly number[])[], absolute: number, relative: number
): Mismatch | undefined {
    for (let row = 0; row < times.length; row++) {
        for (let column = 0; column < variables.length; column++) {
            const [e, a] = [expected[row][column], actual[row][column]];
            if (!withinTolerance(e, a, absolute, relative)) return { variable: variables[column], time: times[row], expected: e, actual: a };
        }
    }
    return undefined;
}
