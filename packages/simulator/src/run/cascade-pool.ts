/**
 * Runs a cascade's runs in parallel on the worker pool: the base run (job -1) and each
 * perturbation (job i) go to min(#runs, cores) workers, each compiling its own copy of the
 * (plain-data) model once. Aborting the signal stops the workers at once.
 */
import { availableParallelism } from 'node:os';
import type { ModelIR } from '../ir.js';
import { WorkerPool } from '../pool/worker-pool.js';
import { failedPerturbation, findCascade, perturbationError, responses, type CascadeResult, type Measurement } from './cascade.js';
import type { CascadeWorkerData } from './cascade-worker.js';
import type { RunOptions } from './run-options.js';

export interface CascadeOptions extends Omit<RunOptions, 'shouldStop'> {
    /** Pool size (default: the number of cores). */
    workers?: number;
}

export async function runCascade(ir: ModelIR, name?: string, options: CascadeOptions = {}): Promise<CascadeResult> {
    const cascade = findCascade(ir, name);
    const jobs = [-1, ...cascade.perturbations.map((_, i) => i)];
    const workerData: CascadeWorkerData = {
        ir, cascade: cascade.name,
        options: { method: options.method, rtol: options.rtol, atol: options.atol, maxSteps: options.maxSteps }
    };
    const pool = new WorkerPool<number, Measurement>({
        script: new URL('./cascade-worker.js', import.meta.url),
        size: Math.min(jobs.length, options.workers ?? availableParallelism()),
        workerData
    });
    let done = 0;
    const measured = jobs.map(job => pool.run(job, { signal: options.signal }).then(measurement => {
        options.onProgress?.(++done / jobs.length);
        return measurement;
    }));
    // Each run's failure is read below, once the base run is in; until then it is not unhandled.
    measured.forEach(run => run.catch(() => undefined));
    try {
        // Without the base run nothing can be compared: its failure fails the cascade (and stops the rest).
        const base = await measured[0];
        const perturbed = await Promise.all(measured.slice(1).map(run => run.catch(perturbationError)));
        return {
            cascade: cascade.name, at: cascade.at,
            perturbations: perturbed.map((result, i) =>
                typeof result === 'string' ? failedPerturbation(cascade, i, result) : responses(cascade, i, base, result))
        };
    } finally {
        pool.dispose();
    }
}
