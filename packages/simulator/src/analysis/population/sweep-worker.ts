/** A sweep worker: compiles the model on its first job, then runs the batches of indices (of one population, Sobol or Morris job) it is sent. */
import { workerData } from 'node:worker_threads';
import type { ModelIR } from '../../ir.js';
import { compileModel } from '../../model/compiled-model.js';
import { serveJobs } from '../../pool/pool-worker.js';
import type { RunOptions } from '../../run/run-options.js';
import { sweepRunner, type SweepJob, type SweepRunner } from './sweep-job.js';

export interface SweepWorkerData {
    ir: ModelIR;
    job: SweepJob;
    options: Pick<RunOptions, 'method' | 'rtol' | 'atol' | 'maxSteps'>;
}

const { ir, job, options } = workerData as SweepWorkerData;
let runner: SweepRunner | undefined;

serveJobs((indices: number[], { shouldStop }) => {
    runner ??= sweepRunner(compileModel(ir), job, { ...options, shouldStop });
    return indices.map(index => runner!.run(index));
});
