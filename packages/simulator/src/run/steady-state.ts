/**
 * docs/reference.md#steady-state: Newton from the given state; when that fails (a singular Jacobian
 * from a conserved moiety, or no convergence) integrate forward with the stiff method over
 * growing horizons until every |dX/dt| < 1e-9·max(|X|, 1e-12), then polish with Newton.
 * A model that never settles says why.
 */
import type { CompiledModel } from '../model/compiled-model.js';
import { SimulationError } from '../model/errors.js';
import { solve } from '../solvers/registry.js';
import { SolverError } from '../solvers/problem.js';
import { newton, steadyViolation } from './newton.js';
import { describeState } from './trajectory.js';
import { cancelled, simulationError, type RunOptions } from './run-options.js';

export interface SteadyState {
    converged: boolean;
    state: Float64Array;
    /** The time the state belongs to (the end of the integration, for a model that reads t). */
    time: number;
    method: 'newton' | 'integration';
    iterations: number;
    /** Why there is no steady state. */
    reason?: string;
}

const FIRST_HORIZON = 10;
const LAST_HORIZON = 1e8;
/** A model driven by time courses settles, if ever, soon after they stop switching: ~70 days. */
const LAST_HORIZON_WITH_TIME = 1e5;
const STEPS_PER_HORIZON = 10_000;

function polish(m: CompiledModel, y: Float64Array, t: number, iterations: number): SteadyState {
    const polished = newton(m, y, t);
    const state = polished.converged ? polished.state : y;
    return { converged: true, state, time: t, method: 'integration', iterations: iterations + polished.iterations };
}

/** Searches from the state `y0` at time `t0` (where a scenario's run ended, for a model that reads t). */
export function findSteadyState(m: CompiledModel, y0: Float64Array, options: RunOptions = {}, t0 = 0): SteadyState {
    if (!m.dependsOnTime) {
        const direct = newton(m, y0, t0);
        if (direct.converged) return { converged: true, state: direct.state, time: t0, method: 'newton', iterations: direct.iterations };
    }
    const f = new Float64Array(y0.length);
    let y = Float64Array.from(y0);
    let t = t0;
    let steps = 0;
    let largest = y.reduce((a, v) => Math.max(a, Math.abs(v)), 0);
    let growth = 1;
    const noSteadyState = (reason: string): SteadyState =>
        ({ converged: false, state: y, time: t, method: 'integration', iterations: steps, reason });
    const last = m.dependsOnTime ? LAST_HORIZON_WITH_TIME : LAST_HORIZON;
    for (let horizon = FIRST_HORIZON; horizon <= last; horizon *= 10) {
        if (cancelled(options)) throw new SimulationError('The steady-state search was cancelled', 'cancelled', t);
        try {
            const solution = solve(
                { rhs: m.rhs, jacobian: m.jacobian, y0: y, t0: t, tEnd: t + horizon, names: m.stateNames },
                'stiff', {
                    rtol: options.rtol, atol: options.atol, maxSteps: options.maxSteps ?? STEPS_PER_HORIZON, signal: options.signal, shouldStop: options.shouldStop,
                    // Only the end state counts: no samples, no dense output.
                    outputTimes: [], keepDenseOutput: false
                });
            steps += solution.stats.steps;
            y = Float64Array.from(solution.yFinal);
            t = solution.tFinal;
        } catch (e) {
            if (e instanceof SolverError && e.reason === 'cancelled') throw simulationError(e, describeState(m));
            if (e instanceof SolverError && e.reason === 'not-finite') {
                return noSteadyState(`${e.component ?? 'a value'} grows without bound (infinite by t = ${+e.time.toPrecision(4)} min)`);
            }
            if (!(e instanceof SolverError)) throw e;
            break; // Too many steps: it keeps moving; say what moves below.
        }
        m.rhs(t, y, f);
        if (steadyViolation(y, f) < 0) return polish(m, y, t, steps);
        const now = y.reduce((a, v) => Math.max(a, Math.abs(v)), 0);
        growth = now / Math.max(largest, 1e-300);
        largest = Math.max(largest, now);
        if (!m.dependsOnTime) {
            const near = newton(m, y, t);
            if (near.converged) return { converged: true, state: near.state, time: t, method: 'integration', iterations: steps + near.iterations };
        }
    }
    m.rhs(t, y, f);
    const worst = steadyViolation(y, f);
    // Steady where the last integration started, yet the solver could not go on from there.
    if (worst < 0) return noSteadyState('the solver could not integrate far enough to tell whether the model settles');
    const name = m.stateNames[worst];
    const rate = `d${name}/dt = ${f[worst].toPrecision(3)} at t = ${t.toPrecision(3)} min`;
    if (growth > 2) return noSteadyState(`${name} grows without bound (${rate})`);
    return noSteadyState(`${name} keeps changing (${rate})${m.dependsOnTime ? '; the model depends on time' : '; it may oscillate'}`);
}
