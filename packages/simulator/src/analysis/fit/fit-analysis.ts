/**
 * A declared fit with what is reported beside it (docs/analysis.md#fitting, #identifiability): the
 * fit itself, every estimate's profile likelihood and the Fisher-information check, on one
 * compiled model, with one progress fraction over the whole (the fit's starts its first half,
 * the profiles the second). The starts and the profiles' sides run in this thread or on the
 * worker pool, with the same result.
 */
import type { ModelIR } from '../../ir.js';
import type { CompiledModel } from '../../model/compiled-model.js';
import { compiled } from '../../run/simulate.js';
import { SweepPool } from '../population/sweep-run.js';
import { fisherInformation, type FisherCheck } from './fisher-information.js';
import { FitObjective } from './fit-objective.js';
import { findFit, fitFromStarts, fitJob, fitModel, type FitJob, type FitOptions, type FitResult, type FitStartOutcome } from './fit-model.js';
import { profileJob, profileLikelihood, profilesFromSides, type ParameterProfile } from './profile-likelihood.js';

export interface FitAnalysis {
    result: FitResult;
    profiles: ParameterProfile[];
    fisher: FisherCheck;
}

export type FitAnalysisOptions = Omit<FitOptions, 'onFitProgress' | 'onProgress'> & { onProgress?(fraction: number): void };

/** Iterations a start is expected to take, for its share of the progress. */
const EXPECTED_ITERATIONS = 50;

/** In this thread. */
export function analyseFit(model: ModelIR | CompiledModel, name: string | undefined, options: FitAnalysisOptions = {}): FitAnalysis {
    const m = compiled(model);
    const { onProgress, ...run } = options;
    const result = fitModel(m, name, {
        ...run, onFitProgress: p => onProgress?.((p.start + Math.min(1, p.iteration / EXPECTED_ITERATIONS)) / p.starts / 2)
    });
    return identifiability(m, result, options);
}

/** The starts, then the profiles' sides, on the worker pool (`workers` threads, default: the number of cores); the Fisher check in this thread. */
export async function analyseFitOnPool(model: ModelIR | CompiledModel, name: string | undefined, options: FitAnalysisOptions & { workers?: number } = {}): Promise<FitAnalysis> {
    const m = compiled(model);
    const { onProgress, workers, ...run } = options;
    const job = fitJob(findFit(m.ir, name).name, run);
    // One pool for both: its workers keep the compiled model and its optimised code.
    const pool = new SweepPool(m, { ...run, workers });
    try {
        const { outcomes } = await pool.run(job, { signal: run.signal, onProgress: p => onProgress?.(p / 2) });
        const result = resultOfStarts(m, job, outcomes, run);
        const profiles = profileJob(m, result, run);
        const sides = await pool.run(profiles, { signal: run.signal, onProgress: p => onProgress?.(0.5 + p / 2) });
        return { result, profiles: profilesFromSides(m, profiles, sides.outcomes), fisher: fisherInformation(m, result) };
    } finally {
        pool.dispose();
    }
}

/** The analysis from the outcomes of every start of the job, in index order (run anywhere: the pool, shards). */
export function analyseFitFromStarts(model: ModelIR | CompiledModel, job: FitJob, outcomes: readonly FitStartOutcome[], options: FitAnalysisOptions = {}): FitAnalysis {
    const m = compiled(model);
    return identifiability(m, resultOfStarts(m, job, outcomes, options), options);
}

function resultOfStarts(m: CompiledModel, job: FitJob, outcomes: readonly FitStartOutcome[], options: FitAnalysisOptions): FitResult {
    if (outcomes.length !== job.starts || outcomes.some((o, i) => o.index !== i)) throw new Error(`a fit needs starts 0 to ${job.starts - 1} in order`);
    const objective = new FitObjective(m, findFit(m.ir, job.fit));
    try {
        return fitFromStarts(objective, outcomes, options);
    } finally {
        objective.restore();
    }
}

function identifiability(m: CompiledModel, result: FitResult, options: FitAnalysisOptions): FitAnalysis {
    const { onProgress, ...run } = options;
    const profiles = profileLikelihood(m, result, { ...run, onProfileProgress: p => onProgress?.(0.5 + (p.parameter + 1) / p.parameters / 2) });
    return { result, profiles, fisher: fisherInformation(m, result) };
}
