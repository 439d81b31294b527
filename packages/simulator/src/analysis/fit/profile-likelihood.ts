/**
 * Identifiability (docs/analysis.md#identifiability). The profile likelihood of estimate j:
 * PL(θⱼ) = min over the others of the objective with θⱼ fixed, walked from the optimum towards
 * each bound (each point re-optimised from the last). The 95 % interval is where
 * PL − PL(θ̂) stays below χ²₁(0.95) = 3.84; a side that reaches its bound first is open, and
 * a profile open on both sides (flat) marks the estimate non-identifiable.
 */
import type { ModelIR } from '../../ir.js';
import type { CompiledModel } from '../../model/compiled-model.js';
import { SimulationError } from '../../model/errors.js';
import { compiled } from '../../run/simulate.js';
import { FitObjective } from './fit-objective.js';
import { findFit, leastSquaresProblem, type FitOptions, type FitResult } from './fit-model.js';
import { levenbergMarquardt } from './levenberg-marquardt.js';

/** χ² quantile with one degree of freedom at 95 %. */
export const PROFILE_THRESHOLD = 3.841458820694124;

export interface ParameterProfile {
    label: string;
    /** Natural units, in walking order from the lowest value to the highest. */
    values: number[];
    /** PL − PL(θ̂) at each value. */
    rise: number[];
    /** The 95 % interval; a side is the bound where the profile stays below the threshold. */
    interval: [number, number];
    /** Whether each side crossed the threshold inside the bounds. */
    closed: [boolean, boolean];
    identifiable: boolean;
}

export interface ProfileOptions extends FitOptions {
    /** Profile points per side at most (default 30). */
    pointsPerSide?: number;
    /** After each profile point. */
    onProfileProgress?: (progress: { parameter: number; parameters: number; points: number }) => void;
}

export function profileLikelihood(model: ModelIR | CompiledModel, fitted: FitResult, options: ProfileOptions = {}): ParameterProfile[] {
    const m = compiled(model);
    const objective = new FitObjective(m, findFit(m.ir, fitted.fit));
    try {
        const best = objective.toCoordinates(fitted.parameters.map(p => p.value));
        const { lower, upper } = objective.bounds();
        // Initial step per coordinate: the curvature's standard error (from JᵀJ at the optimum), within a tenth of the range.
        const full = leastSquaresProblem(objective, options).evaluate(best);
        return objective.estimates.map((estimate, j) => {
            const curvature = full.jacobian.reduce((s, row) => s + row[j] * row[j], 0);
            const range = upper[j] - lower[j];
            const initialStep = Math.min(range / 10, Math.max(range * 1e-3, curvature > 0 ? Math.sqrt(PROFILE_THRESHOLD / curvature) / 2 : range / 10));
            const sides = ([-1, 1] as const).map(direction => walk(objective, best, j, direction, initialStep, fitted.objective, options));
            const values = [...sides[0].values.reverse(), best[j], ...sides[1].values];
            const rise = [...sides[0].rise.reverse(), 0, ...sides[1].rise];
            const interval: [number, number] = [sides[0].edge, sides[1].edge].map(u => (estimate.log ? Math.exp(u) : u)) as [number, number];
            options.onProfileProgress?.({ parameter: j, parameters: objective.estimates.length, points: values.length });
            return {
                label: estimate.label,
                values: values.map(u => (estimate.log ? Math.exp(u) : u)),
                rise,
                interval,
                closed: [sides[0].closed, sides[1].closed],
                identifiable: sides[0].closed && sides[1].closed
            };
        });
    } finally {
        objective.restore();
    }
}

/** One side of a profile: steps that grow while the rise is small, until the threshold or the bound. */
function walk(objective: FitObjective, best: number[], j: number, direction: -1 | 1, initialStep: number, minimum: number, options: ProfileOptions) {
    const { lower, upper } = objective.bounds();
    const bound = direction < 0 ? lower[j] : upper[j];
    const values: number[] = [], rise: number[] = [];
    let others = best.filter((_, k) => k !== j);
    let at = best[j], previousRise = 0, step = initialStep;
    for (let point = 0; point < (options.pointsPerSide ?? 30); point++) {
        if (options.signal?.aborted) throw new SimulationError('the profile was cancelled', 'cancelled');
        const next = direction < 0 ? Math.max(bound, at - step) : Math.min(bound, at + step);
        if (next === at) break;
        const problem = leastSquaresProblem(objective, options, { index: j, value: next });
        let cost: number;
        try {
            const result = others.length > 0 ? levenbergMarquardt(problem, others, { maxIterations: options.maxIterations ?? 50, signal: options.signal }) : undefined;
            if (result) others = result.u;
            cost = result?.cost ?? problem.evaluate([]).residuals.reduce((s, r) => s + r * r, 0);
        } catch (e) {
            if (!(e instanceof SimulationError) || e.reason === 'cancelled') throw e;
            // The model cannot run there: the profile ends, the side open at the last point reached.
            break;
        }
        const r = Math.max(0, cost - minimum);
        values.push(next);
        rise.push(r);
        if (r >= PROFILE_THRESHOLD) {
            // Linear interpolation to where the rise crosses the threshold.
            const edge = at + ((PROFILE_THRESHOLD - previousRise) / (r - previousRise)) * (next - at);
            return { values, rise, edge, closed: true };
        }
        // Grow the step where the profile is flat, shrink it where it climbs fast.
        step *= r - previousRise < 0.5 ? 2 : r - previousRise > 2 ? 0.5 : 1;
        at = next;
        previousRise = r;
    }
    return { values, rise, edge: values.length > 0 ? values[values.length - 1] : at, closed: false };
}
