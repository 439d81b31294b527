/**
 * `cascade fit`: a model's `fit` declaration solved by weighted least squares (docs/analysis.md#fitting).
 * Bounded Levenberg–Marquardt with exact gradients, from the model's own values and from
 * `starts − 1` more points of a seeded Latin hypercube (each start a run of its own, for the
 * worker pool); the best result is reported with χ², AIC, BIC and the residual of every measurement.
 */
import type { Fit, ModelIR } from '../../ir.js';
import type { CompiledModel } from '../../model/compiled-model.js';
import { ModelError, SimulationError } from '../../model/errors.js';
import type { RunOptions } from '../../run/run-options.js';
import { compiled } from '../../run/simulate.js';
import { FitObjective, type ObjectiveValue } from './fit-objective.js';
import { latinHypercube } from './latin-hypercube.js';
import { levenbergMarquardt, type LeastSquaresProblem } from './levenberg-marquardt.js';

export interface FitOptions extends RunOptions {
    /** Starts of the optimiser: the model's values, then Latin-hypercube points (default 5). */
    starts?: number;
    /** Seed of the Latin hypercube (default 1): the same seed gives the same starts and result. */
    seed?: number;
    maxIterations?: number;
    /** After each accepted step of each start. */
    onFitProgress?: (progress: { start: number; starts: number; iteration: number; objective: number }) => void;
}

export interface FittedParameter {
    name: string;
    property: string;
    substrate?: string;
    /** `TH.vmax`, `k_release`. */
    label: string;
    value: number;
    /** Base unit of value and bounds. */
    unit: string;
    low: number;
    high: number;
    log: boolean;
    /** The model's own value (the first start). */
    written: number;
    /** Whether the fitted value lies on a bound (to 1e-6 of the range). */
    atBound: boolean;
}

export interface FitResidual {
    dataset: string;
    scenario: string;
    quantity: string;
    /** 'steady' or minutes. */
    time: 'steady' | number;
    value: number;
    fitted: number;
    sd: number;
    unit: string;
    /** (y − ŷ)/sd, or on the log scale for log-normal residuals. */
    residual: number;
}

export interface FitStart {
    /** Where it started and ended (natural units). */
    from: number[];
    to?: number[];
    objective?: number;
    iterations?: number;
    converged?: boolean;
    error?: string;
}

export interface FitResult {
    fit: string;
    residualModel: 'normal' | 'lognormal';
    parameters: FittedParameter[];
    /** Σ of squared data residuals. */
    chi2: number;
    /** χ² plus the squared penalties of included expects: what was minimised. */
    objective: number;
    /** −2 ln L of the data (with its constant), then AIC = −2 ln L + 2k, BIC = −2 ln L + k ln n. */
    minusTwoLogLikelihood: number;
    aic: number;
    bic: number;
    /** Measurements n and estimates k. */
    dataPoints: number;
    residuals: FitResidual[];
    /** Included expects: the value reached, the range and the penalty (squared residual). */
    expects: { scenario: string; label: string; value: number; low: number; high: number; unit: string; penalty: number }[];
    starts: FitStart[];
    /** Index of the best start. */
    best: number;
    converged: boolean;
    reason: string;
}

/** The fit declared under `name` (the first without one). */
export function findFit(ir: ModelIR, name?: string): Fit {
    const fits = ir.fits ?? [];
    const fit = name === undefined ? fits[0] : fits.find(f => f.name === name);
    if (!fit) throw new ModelError(name === undefined ? 'the model declares no fit' : `no fit '${name}' (the model has: ${fits.map(f => f.name).join(', ') || 'none'})`, 'unresolved');
    return fit;
}

/** The optimiser's view of an objective: coordinates u (log θ for log estimates), residuals and ∂r/∂u. */
export function leastSquaresProblem(objective: FitObjective, options: RunOptions, fixed?: { index: number; value: number }): LeastSquaresProblem & { full(u: readonly number[]): number[] } {
    const { lower, upper } = objective.bounds();
    const free = [...lower.keys()].filter(j => j !== fixed?.index);
    const full = (u: readonly number[]) => {
        const all = new Array<number>(lower.length);
        free.forEach((j, k) => { all[j] = u[k]; });
        if (fixed) all[fixed.index] = fixed.value;
        return all;
    };
    return {
        lower: free.map(j => lower[j]), upper: free.map(j => upper[j]), full,
        evaluate(u) {
            const all = full(u);
            const theta = objective.fromCoordinates(all);
            const value = objective.evaluate(theta, options);
            // ∂r/∂u = ∂r/∂θ · dθ/du, and dθ/du = θ on a log scale.
            const jacobian = value.jacobian.map(row => Float64Array.from(free, j => row[j] * (objective.estimates[j].log ? theta[j] : 1)));
            return { residuals: value.residuals, jacobian };
        }
    };
}

export function fitModel(model: ModelIR | CompiledModel, name?: string, options: FitOptions = {}): FitResult {
    const m = compiled(model);
    const objective = new FitObjective(m, findFit(m.ir, name));
    try {
        return solveFit(objective, options);
    } finally {
        objective.restore();
    }
}

/**
 * The objective at given values (natural units, in the fit's estimate order; default: the model's
 * own), without optimising: what `fitModel` reports, for one point — to compare a model with its
 * data as written, or an objective with another tool's (PEtab).
 */
export function evaluateFit(model: ModelIR | CompiledModel, name?: string, values?: readonly number[], options: RunOptions = {}): FitResult {
    const m = compiled(model);
    const objective = new FitObjective(m, findFit(m.ir, name));
    try {
        const theta = values ? [...values] : objective.estimates.map(e => e.written);
        if (theta.length !== objective.estimates.length) throw new ModelError(`fit ${objective.fit.name} estimates ${objective.estimates.length} values, not ${theta.length}`, 'range');
        const value = objective.evaluate(theta, options);
        return report(objective, theta, value, [{ from: theta }], { index: 0, converged: true, reason: 'evaluated, not optimised' });
    } finally {
        objective.restore();
    }
}

/**
 * A fit's multistart as a many-run job (docs/analysis.md#fitting): start 0 is the model's own
 * values, start k ≥ 1 the k-th point of the Latin hypercube of `starts − 1` points from `seed`.
 */
export interface FitJob {
    method: 'fit';
    fit: string;
    starts: number;
    seed: number;
    maxIterations?: number;
}

export interface FitPlan {
    job: FitJob;
    runs: number;
}

/** One start: its record, and where it ended in the optimiser's coordinates (none when it could not run). */
export interface FitStartOutcome {
    index: number;
    start: FitStart;
    u?: number[];
    reason?: string;
}

export function fitJob(name: string, options: Pick<FitOptions, 'starts' | 'seed' | 'maxIterations'>): FitJob {
    return {
        method: 'fit', fit: name, starts: Math.max(1, Math.floor(options.starts ?? 5)), seed: options.seed ?? 1,
        ...(options.maxIterations !== undefined && { maxIterations: options.maxIterations })
    };
}

/** The starts of a fit, each run on its own: a start depends on the model, the job and its index alone. */
export function fitStartRunner(objective: FitObjective, job: FitJob, options: FitOptions = {}): { plan: FitPlan; run(index: number): FitStartOutcome } {
    const { lower, upper } = objective.bounds();
    const points = [objective.toCoordinates(objective.estimates.map(e => e.written)), ...latinHypercube(job.starts - 1, lower, upper, job.seed)];
    const problem = leastSquaresProblem(objective, options);
    const run = (index: number): FitStartOutcome => {
        const from = index === 0 ? objective.estimates.map(e => e.written) : objective.fromCoordinates(points[index]);
        try {
            const result = levenbergMarquardt(problem, points[index], {
                maxIterations: job.maxIterations, signal: options.signal,
                onIteration: (iteration, cost) => options.onFitProgress?.({ start: index, starts: job.starts, iteration, objective: cost })
            });
            return {
                index, u: result.u, reason: result.reason,
                start: { from, to: objective.fromCoordinates(result.u), objective: result.cost, iterations: result.iterations, converged: result.converged }
            };
        } catch (e) {
            // A start where the model cannot run (no steady state, …) is reported; the others go on.
            if (!(e instanceof SimulationError) || e.reason === 'cancelled') throw e;
            return { index, start: { from, error: e.message } };
        } finally {
            // The next run (on this thread or a worker) finds the model as written.
            objective.restore();
        }
    };
    return { plan: { job, runs: job.starts }, run };
}

/** The starts of a declared fit on a model of its own (a worker's). */
export function fitRunner(m: CompiledModel, job: FitJob, options: RunOptions = {}): { plan: FitPlan; run(index: number): FitStartOutcome } {
    return fitStartRunner(new FitObjective(m, findFit(m.ir, job.fit)), job, options);
}

/**
 * The fit from its starts' outcomes in index order, however they were run: the best is the
 * lowest objective, the lower index on a tie.
 */
export function fitFromStarts(objective: FitObjective, outcomes: readonly FitStartOutcome[], options: RunOptions = {}): FitResult {
    let best: FitStartOutcome | undefined;
    for (const outcome of outcomes) {
        if (outcome.u && (!best || outcome.start.objective! < best.start.objective!)) best = outcome;
    }
    const record = outcomes.map(o => o.start);
    if (!best) throw new SimulationError(`fit ${objective.fit.name}: no start could be evaluated (${record[0]?.error ?? 'no start'})`, 'no-start');
    const theta = objective.fromCoordinates(best.u!);
    const value = objective.evaluate(theta, options);
    return report(objective, theta, value, record, { index: best.index, converged: best.start.converged!, reason: best.reason! });
}

function solveFit(objective: FitObjective, options: FitOptions): FitResult {
    const { plan, run } = fitStartRunner(objective, fitJob(objective.fit.name, options), options);
    return fitFromStarts(objective, Array.from({ length: plan.runs }, (_, index) => run(index)), options);
}

function report(objective: FitObjective, theta: number[], value: ObjectiveValue, starts: FitStart[], best: { index: number; converged: boolean; reason: string }): FitResult {
    const n = objective.measurements.length, k = objective.estimates.length;
    const lognormal = objective.fit.residuals === 'lognormal';
    const data = Array.from(value.residuals.subarray(0, n));
    const chi2 = data.reduce((s, r) => s + r * r, 0);
    // −2 ln L = Σ rᵢ² + Σ ln(2π σᵢ²) (+ 2 Σ ln yᵢ for log-normal residuals: the density of y, not of ln y, so both models compare).
    const constant = objective.measurements.reduce((s, x) => {
        const sigma = lognormal ? x.sd / x.value : x.sd;
        return s + Math.log(2 * Math.PI * sigma * sigma) + (lognormal ? 2 * Math.log(x.value) : 0);
    }, 0);
    const minusTwoLogLikelihood = chi2 + constant;
    return {
        fit: objective.fit.name,
        residualModel: objective.fit.residuals,
        parameters: objective.estimates.map((e, j) => ({
            name: e.target, property: e.property, ...(e.substrate && { substrate: e.substrate }), label: e.label,
            value: theta[j], unit: e.unit, low: e.low, high: e.high, log: e.log, written: e.written,
            atBound: Math.abs(theta[j] - e.low) <= 1e-6 * (e.high - e.low) || Math.abs(theta[j] - e.high) <= 1e-6 * (e.high - e.low)
        })),
        chi2,
        objective: value.residuals.reduce((s, r) => s + r * r, 0),
        minusTwoLogLikelihood,
        aic: minusTwoLogLikelihood + 2 * k,
        bic: minusTwoLogLikelihood + k * Math.log(n),
        dataPoints: n,
        residuals: objective.measurements.map((x, i) => ({
            dataset: x.dataset, scenario: x.scenario, quantity: x.quantity, time: x.time,
            value: x.value, fitted: value.fitted[i], sd: x.sd, unit: x.unit, residual: data[i]
        })),
        expects: objective.constraints.map((c, q) => ({
            scenario: c.scenario, label: c.expectation.label, value: value.expectValues[q], low: c.expectation.low, high: c.expectation.high,
            unit: c.expectation.unit, penalty: value.residuals[n + q] ** 2
        })),
        starts,
        best: best.index,
        converged: best.converged,
        reason: best.reason
    };
}
