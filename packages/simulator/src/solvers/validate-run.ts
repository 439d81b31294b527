import type { OdeProblem, SolverOptions, SparsityPattern } from './problem.js';

/** Rows must list their columns once each, ascending and in range: the solvers index by them. */
function validatePattern(pattern: SparsityPattern, n: number, what: string): void {
    const { rowStart, colIndex } = pattern;
    if (pattern.n !== n || rowStart.length !== n + 1 || rowStart[0] !== 0 || rowStart[n] !== colIndex.length) {
        throw new RangeError(`The ${what} pattern does not describe ${n} rows over ${colIndex.length} entries`);
    }
    for (let i = 0; i < n; i++) {
        for (let p = rowStart[i]; p < rowStart[i + 1]; p++) {
            const j = colIndex[p];
            if (!(j >= 0 && j < n) || (p > rowStart[i] && j <= colIndex[p - 1])) {
                throw new RangeError(`The ${what} pattern's row ${i} must list distinct columns in 0…${n - 1}, ascending`);
            }
        }
    }
}

/** Rejects a problem or options no method could honour, before any work is done. */
export function validateRun(problem: OdeProblem, options: SolverOptions): void {
    const { t0, tEnd, y0 } = problem;
    if (!Number.isFinite(t0) || !Number.isFinite(tEnd) || tEnd < t0) {
        throw new RangeError(`The time span [${t0}, ${tEnd}] must be finite and ascending`);
    }
    if (problem.names !== undefined && problem.names.length !== y0.length) {
        throw new RangeError(`${problem.names.length} names given for ${y0.length} state components`);
    }
    if (problem.jacobian !== undefined) validatePattern(problem.jacobian.pattern, y0.length, 'Jacobian');
    else if (problem.sparsity !== undefined) validatePattern(problem.sparsity, y0.length, 'sparsity');
    for (const [key, value] of [['rtol', options.rtol], ['atol', options.atol], ['maxStep', options.maxStep], ['firstStep', options.firstStep]] as const) {
        if (value !== undefined && !(value > 0)) throw new RangeError(`${key} must be positive, not ${value}`);
    }
    if (options.maxSteps !== undefined && !(options.maxSteps >= 1)) throw new RangeError(`maxSteps must be at least 1, not ${options.maxSteps}`);
    const times = options.outputTimes ?? [];
    for (let i = 0; i < times.length; i++) {
        if (!(times[i] >= t0 && times[i] <= tEnd)) throw new RangeError(`Output time ${times[i]} lies outside [${t0}, ${tEnd}]`);
        if (i > 0 && times[i] < times[i - 1]) throw new RangeError(`Output times must ascend: ${times[i - 1]} comes before ${times[i]}`);
    }
}
