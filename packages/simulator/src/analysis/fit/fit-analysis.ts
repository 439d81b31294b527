/**
 * A declared fit with what is reported beside it (docs/analysis.md#fitting, #identifiability): the
 * fit itself, every estimate's profile likelihood and the Fisher-information check, on one
 * compiled model, with one progress fraction over the whole (the fit's starts its first half,
 * the profiles the second).
 */
import type { ModelIR } from '../../ir.js';
import type { CompiledModel } from '../../model/compiled-model.js';
import { compiled } from '../../run/simulate.js';
import { fisherInformation, type FisherCheck } from './fisher-information.js';
import { fitModel, type FitOptions, type FitResult } from './fit-model.js';
import { profileLikelihood, type ParameterProfile } from './profile-likelihood.js';

export interface FitAnalysis {
    result: FitResult;
    profiles: ParameterProfile[];
    fisher: FisherCheck;
}

/** Iterations a start is expected to take, for its share of the progress. */
const EXPECTED_ITERATIONS = 50;

export function analyseFit(model: ModelIR | CompiledModel, name: string | undefined, options: Omit<FitOptions, 'onFitProgress' | 'onProgress'> & { onProgress?(fraction: number): void } = {}): FitAnalysis {
    const m = compiled(model);
    const { onProgress, ...run } = options;
    const result = fitModel(m, name, {
        ...run, onFitProgress: p => onProgress?.((p.start + Math.min(1, p.iteration / EXPECTED_ITERATIONS)) / p.starts / 2)
    });
    const profiles = profileLikelihood(m, result, { ...run, onProfileProgress: p => onProgress?.(0.5 + (p.parameter + 1) / p.parameters / 2) });
    return { result, profiles, fisher: fisherInformation(m, result) };
}
