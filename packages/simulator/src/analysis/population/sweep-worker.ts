/**
 * A sweep worker: compiles the model once, then runs the batches of indices it is sent, of any
 * many-run job (a population, a scan, a fit's starts or profiles); a job's runner is made on its
 * first batch and kept for the next.
 */
import { workerData } from 'node:worker_threads';
import type { ModelIR } from '../../ir.js';
import { compileModel, type CompiledModel } from '../../model/compiled-model.js';
import { serveJobs } from '../../pool/pool-worker.js';
import type { RunOptions } from '../../run/run-options.js';
import { sweepRunner, type SweepJob, type SweepRunner } from './sweep-job.js';

export interface SweepWorkerData {
    ir: ModelIR;
    options: Pick<RunOptions, 'method' | 'rtol' | 'atol' | 'maxSteps'>;
}

export interface SweepBatch {
    job: SweepJob;
    indices: number[];
}

const { ir, options } = workerData as SweepWorkerData;
let model: CompiledModel | undefined;
const runners = new Map<string, SweepRunner>();
/** The running batch's stop flag: a kept runner asks the batch it runs, not the one it was made in. */
let stopped = () => false;

serveJobs(({ job, indices }: SweepBatch, { shouldStop }) => {
    stopped = shouldStop;
    model ??= compileModel(ir);
    const key = JSON.stringify(job);
    let runner = runners.get(key);
    if (!runner) runners.set(key, runner = sweepRunner(model, job, { ...options, shouldStop: () => stopped() }));
    return indices.map(index => runner.run(index));
});
