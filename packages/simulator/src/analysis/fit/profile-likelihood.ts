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
import type { RunOptions } from '../../run/run-options.js';
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

/**
 * A fit's profiles as a many-run job: run 2j walks estimate j downwards, run 2j + 1 upwards, from
 * the optimum `best` (optimiser coordinates) whose objective is `minimum`; each side depends on
 * these alone, so the sides can run on any worker (docs/analysis.md#identifiability).
 */
export interface ProfileJob {
    method: 'profile';
    fit: string;
    best: number[];
    minimum: number;
    pointsPerSide?: number;
    maxIterations?: number;
}

export interface ProfilePlan {
    job: ProfileJob;
    runs: number;
}

/** One side of one estimate's profile, walking away from the optimum. */
export interface ProfileSide {
    index: number;
    values: number[];
    rise: number[];
    edge: number;
    closed: boolean;
}

export function profileJob(m: CompiledModel, fitted: FitResult, options: Pick<ProfileOptions, 'pointsPerSide' | 'maxIterations'> = {}): ProfileJob {
    const objective = new FitObjective(m, findFit(m.ir, fitted.fit));
    return {
        method: 'profile', fit: fitted.fit, best: objective.toCoordinates(fitted.parameters.map(p => p.value)), minimum: fitted.objective,
        ...(options.pointsPerSide !== undefined && { pointsPerSide: options.pointsPerSide }),
        ...(options.maxIterations !== undefined && { maxIterations: options.maxIterations })
    };
}

export function profileRunner(m: CompiledModel, job: ProfileJob, options: RunOptions = {}): { plan: ProfilePlan; run(index: number): ProfileSide } {
    const objective = new FitObjective(m, findFit(m.ir, job.fit));
    const walkOptions: ProfileOptions = { ...options, pointsPerSide: job.pointsPerSide, maxIterations: job.maxIterations };
    const { lower, upper } = objective.bounds();
    const run = (index: number): ProfileSide => {
        const j = Math.floor(index / 2);
        try {
            // Initial step: the curvature's standard error (from JᵀJ at the optimum), within a tenth of the range.
            const full = leastSquaresProblem(objective, walkOptions).evaluate(job.best);
            const curvature = full.jacobian.reduce((s, row) => s + row[j] * row[j], 0);
            const range = upper[j] - lower[j];
            const initialStep = Math.min(range / 10, Math.max(range * 1e-3, curvature > 0 ? Math.sqrt(PROFILE_THRESHOLD / curvature) / 2 : range / 10));
            return { index, ...walk(objective, job.best, j, index % 2 === 0 ? -1 : 1, initialStep, job.minimum, walkOptions) };
        } finally {
            objective.restore();
        }
    };
    return { plan: { job, runs: 2 * objective.estimates.length }, run };
}

/** The profiles from their sides in index order, however they were run. */
export function profilesFromSides(m: CompiledModel, job: ProfileJob, sides: readonly ProfileSide[]): ParameterProfile[] {
    const estimates = new FitObjective(m, findFit(m.ir, job.fit)).estimates;
    if (sides.length !== 2 * estimates.length || sides.some((s, i) => s.index !== i)) throw new Error(`profiles need sides 0 to ${2 * estimates.length - 1} in order`);
    return estimates.map((estimate, j) => {
        const [low, high] = [sides[2 * j], sides[2 * j + 1]];
        const natural = (u: number) => (estimate.log ? Math.exp(u) : u);
        return {
            label: estimate.label,
            values: [...[...low.values].reverse(), job.best[j], ...high.values].map(natural),
            rise: [...[...low.rise].reverse(), 0, ...high.rise],
            interval: [natural(low.edge), natural(high.edge)],
            closed: [low.closed, high.closed],
            identifiable: low.closed && high.closed
        };
    });
}

/** Every estimate's profile, in this thread. */
export function profileLikelihood(model: ModelIR | CompiledModel, fitted: FitResult, options: ProfileOptions = {}): ParameterProfile[] {
    const m = compiled(model);
    const job = profileJob(m, fitted, options);
    const { plan, run } = profileRunner(m, job, options);
    const sides: ProfileSide[] = [];
    for (let index = 0; index < plan.runs; index++) {
        sides.push(run(index));
        if (index % 2 === 1) options.onProfileProgress?.({ parameter: (index - 1) / 2, parameters: plan.runs / 2, points: sides[index - 1].values.length + sides[index].values.length + 1 });
    }
    return profilesFromSides(m, job, sides);
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
