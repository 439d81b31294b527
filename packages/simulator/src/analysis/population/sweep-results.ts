/**
 * A job's result from its runs' outcomes in index order (docs/analysis.md#populations): the
 * same function serves a local run and a merge of shards, so both give the same bytes.
 */
import { scanResult, type ScanPlan, type ScanResult, type ScanRunOutcome } from '../parameter-scan.js';
import { morrisEffects, sobolIndices } from './global-sensitivity.js';
import type { PopulationOutcome, PopulationPlan } from './sweep-job.js';

export const PERCENTILES = [5, 25, 50, 75, 95] as const;

/** The p-th percentile of sorted values, interpolating linearly between the closest ranks (NumPy's default). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
    const h = (sorted.length - 1) * p / 100;
    const below = Math.floor(h);
    const above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
}

export interface PopulationResult {
    population: string;
    size: number;
    time: (number | 'steady')[];
    quantities: { name: string; unit: string; percentiles: Record<`${typeof PERCENTILES[number]}`, (number | null)[]> }[];
    /** Members without a result, with the reason; the bands are over the others. */
    failed: { member: number; message: string }[];
    /** Per-member values, on request. */
    members?: { member: number; parameters: Record<string, number>; values: number[][] }[];
}

export interface SobolResult {
    population: string;
    method: 'sobol';
    /** Rows of the Saltelli design (the population's size) and the rows that ran without failure. */
    samples: number;
    rows: number;
    /** Minutes (the last of a time course), or 'steady'. */
    at: number | 'steady';
    indices: { quantity: string; parameter: string; first: number | null; total: number | null }[];
}

export interface MorrisResult {
    population: string;
    method: 'morris';
    trajectories: number;
    at: number | 'steady';
    effects: { quantity: string; parameter: string; muStar: number | null; mu: number | null; sigma: number | null }[];
}

export type SweepResult = PopulationResult | SobolResult | MorrisResult;

/**
 * `outcomes` holds every run of the plan, in index order. A fit's starts are not a result on
 * their own: the best is finished on the model (fit-analysis.ts).
 */
export function sweepResult(plan: PopulationPlan | ScanPlan, outcomes: readonly (PopulationOutcome | ScanRunOutcome)[], options: { members?: boolean } = {}): SweepResult | ScanResult {
    return plan.job.method === 'scan' ? scanResult(plan as ScanPlan, outcomes as ScanRunOutcome[]) : populationJobResult(plan as PopulationPlan, outcomes as PopulationOutcome[], options);
}

function populationJobResult(plan: PopulationPlan, outcomes: readonly PopulationOutcome[], options: { members?: boolean }): SweepResult {
    if (outcomes.length !== plan.runs || outcomes.some((o, i) => o.index !== i)) throw new Error(`a sweep result needs runs 0 to ${plan.runs - 1} in order`);
    const last = plan.time.length - 1;
    if (plan.job.method !== 'population') {
        // Global sensitivity of each quantity at the last output time.
        const outputs = (q: number) => Float64Array.from(outcomes, o => (o.values ? o.values[last][q] : Number.NaN));
        const pairs = plan.quantities.flatMap((quantity, q) => plan.parameters.map((parameter, i) => ({ quantity, parameter, q, i })));
        if (plan.job.method === 'sobol') {
            const perQuantity = plan.quantities.map((_, q) => sobolIndices(outputs(q), plan.parameters.length));
            return {
                population: plan.job.population, method: 'sobol', samples: plan.size,
                rows: Math.min(...perQuantity.map(s => s.rows)), at: plan.time[last],
                indices: pairs.map(({ quantity, parameter, q, i }) => ({ quantity: quantity.name, parameter: parameter.name, first: perQuantity[q].first[i], total: perQuantity[q].total[i] }))
            };
        }
        const perQuantity = plan.quantities.map((_, q) => morrisEffects(outputs(q), plan.parameters.length, plan.seed));
        return {
            population: plan.job.population, method: 'morris', trajectories: Math.min(...perQuantity.map(e => e.trajectories)), at: plan.time[last],
            effects: pairs.map(({ quantity, parameter, q, i }) => ({
                quantity: quantity.name, parameter: parameter.name, muStar: perQuantity[q].muStar[i], mu: perQuantity[q].mu[i], sigma: perQuantity[q].sigma[i]
            }))
        };
    }
    const succeeded = outcomes.filter((o): o is PopulationOutcome & { values: number[][] } => o.values !== undefined);
    const band = (q: number, p: number) => plan.time.map((_, t) => {
        const sorted = Float64Array.from(succeeded, o => o.values[t][q]).sort();
        return sorted.length > 0 ? percentile(sorted, p) : null;
    });
    return {
        population: plan.job.population, size: plan.size, time: plan.time,
        quantities: plan.quantities.map((quantity, q) => ({
            name: quantity.name, unit: quantity.unit,
            percentiles: Object.fromEntries(PERCENTILES.map(p => [String(p), band(q, p)])) as PopulationResult['quantities'][number]['percentiles']
        })),
        failed: outcomes.flatMap(o => (o.values ? [] : [{ member: o.index, message: o.error }])),
        ...(options.members && {
            members: succeeded.map(o => ({
                member: o.index,
                parameters: Object.fromEntries(o.parameters.map((v, k) => [plan.parameters[k].name, v])),
                values: o.values
            }))
        })
    };
}
