/**
 * Damped Newton on the right-hand side with the analytic sparse Jacobian, over the states
 * that can change (a fixed species' row is zero and would make J singular). Concentrations
 * are kept non-negative; the step is halved until the scaled residual decreases.
 */
import type { CompiledModel } from '../model/compiled-model.js';
import { SparseLU } from '../solvers/linear/sparse-lu.js';
import type { SparsityPattern } from '../solvers/problem.js';

export interface NewtonResult {
    converged: boolean;
    state: Float64Array;
    iterations: number;
    /** Why it stopped without converging. */
    failure?: 'singular' | 'diverged' | 'iterations';
}

/** docs/reference.md#steady-state: every |dX/dt| < 1e-9 · max(|X|, 1e-12) per minute. */
export function steadyViolation(y: Float64Array, f: Float64Array): number {
    for (let i = 0; i < y.length; i++) if (!(Math.abs(f[i]) < 1e-9 * Math.max(Math.abs(y[i]), 1e-12))) return i;
    return -1;
}

interface Reduced {
    states: number[];
    pattern: SparsityPattern;
    /** Position in the full Jacobian's values of each reduced entry. */
    source: Int32Array;
}

function reduce(m: CompiledModel): Reduced {
    const states = m.system.derivatives.flatMap((d, i) => (d.k === 'num' && d.v === 0 ? [] : [i]));
    const position = new Int32Array(m.stateNames.length).fill(-1);
    states.forEach((s, k) => { position[s] = k; });
    const { rowStart, colIndex } = m.jacobian.pattern;
    const starts = [0], columns: number[] = [], source: number[] = [];
    for (const i of states) {
        for (let p = rowStart[i]; p < rowStart[i + 1]; p++) {
            if (position[colIndex[p]] < 0) continue;
            columns.push(position[colIndex[p]]);
            source.push(p);
        }
        starts.push(columns.length);
    }
    return {
        states, source: Int32Array.from(source),
        pattern: { n: states.length, rowStart: Int32Array.from(starts), colIndex: Int32Array.from(columns) }
    };
}

const MAX_ITERATIONS = 60;

export function newton(m: CompiledModel, start: Float64Array, t: number): NewtonResult {
    const n = start.length;
    const { states, pattern, source } = reduce(m);
    const isConcentration = states.map(i => i < m.ir.species.length);
    const lu = new SparseLU(pattern);
    const jac = new Float64Array(m.jacobian.pattern.colIndex.length);
    const sub = new Float64Array(source.length);
    const dx = new Float64Array(states.length);
    let y = Float64Array.from(start);
    const f = new Float64Array(n), fTrial = new Float64Array(n);
    const residual = (state: Float64Array, rate: Float64Array) =>
        states.reduce((s, i) => s + (rate[i] / (Math.abs(state[i]) + 1e-9)) ** 2, 0);
    m.rhs(t, y, f);
    for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
        if (steadyViolation(y, f) < 0) return { converged: true, state: y, iterations: iteration };
        m.jacobian.evaluate(t, y, jac);
        for (let k = 0; k < source.length; k++) sub[k] = jac[source[k]];
        if (!lu.factor(sub, 0, 1)) return { converged: false, state: y, iterations: iteration, failure: 'singular' };
        states.forEach((s, k) => { dx[k] = -f[s]; });
        lu.solve(dx, dx);
        if (!dx.every(Number.isFinite)) return { converged: false, state: y, iterations: iteration, failure: 'singular' };
        // A step too small to change any state in double precision: this is as close as it gets.
        if (states.every((s, k) => Math.abs(dx[k]) <= 1e-15 * Math.abs(y[s]))) return { converged: true, state: y, iterations: iteration };
        const before = residual(y, f);
        let accepted = false;
        for (let lambda = 1; lambda > 1e-4; lambda /= 2) {
            const trial = Float64Array.from(y);
            states.forEach((s, k) => {
                const v = y[s] + lambda * dx[k];
                trial[s] = isConcentration[k] ? Math.max(v, 0) : v;
            });
            m.rhs(t, trial, fTrial);
            const after = residual(trial, fTrial);
            if (Number.isFinite(after) && after < before) {
                y = trial;
                f.set(fTrial);
                accepted = true;
                break;
            }
        }
        if (!accepted) return { converged: false, state: y, iterations: iteration, failure: 'diverged' };
    }
    return { converged: steadyViolation(y, f) < 0, state: y, iterations: MAX_ITERATIONS, failure: 'iterations' };
}
