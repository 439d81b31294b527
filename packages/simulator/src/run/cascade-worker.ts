/** A cascade worker: compiles the model on its first job, then measures the runs (base = -1, or a perturbation) it is sent. */
import { workerData } from 'node:worker_threads';
import type { ModelIR } from '../ir.js';
import { compileModel, type CompiledModel } from '../model/compiled-model.js';
import { serveJobs } from '../pool/pool-worker.js';
import { findCascade, measure } from './cascade.js';
import type { RunOptions } from './run-options.js';

export interface CascadeWorkerData {
    ir: ModelIR;
    cascade: string;
    options: Pick<RunOptions, 'method' | 'rtol' | 'atol' | 'maxSteps'>;
}

const { ir, cascade: name, options } = workerData as CascadeWorkerData;
const cascade = findCascade(ir, name);
let compiled: CompiledModel | undefined;

serveJobs((job: number, { shouldStop }) => {
    compiled ??= compileModel(ir);
    return measure(compiled, cascade, job < 0 ? undefined : job, { ...options, shouldStop });
});
