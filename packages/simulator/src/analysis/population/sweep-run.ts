/**
 * Running a sweep's runs: all in this thread, on the task pool, or a shard of them
 * (docs/analysis.md#sweeps). Shard i of N holds the indices ⌊i·R/N⌋ to ⌊(i+1)·R/N⌋ − 1.
 */
import { availableParallelism } from 'node:os';
import type { ModelIR } from '../../ir.js';
import type { CompiledModel } from '../../model/compiled-model.js';
import { ModelError, SimulationError } from '../../model/errors.js';
import type { RunOptions } from '../../run/run-options.js';
import { compiled } from '../../run/simulate.js';
import { WorkerPool } from '../../pool/worker-pool.js';
import { sweepRunner, type RunOutcome, type SweepJob, type SweepPlan } from './sweep-job.js';
import type { SweepWorkerData } from './sweep-worker.js';

export interface SweepOptions extends Pick<RunOptions, 'method' | 'rtol' | 'atol' | 'maxSteps' | 'signal' | 'onProgress'> {
    /** Pool size (default: the number of cores). */
    workers?: number;
    /** Run only these indices (a shard); default: every run. */
    indices?: readonly number[];
}

export function shardRange(runs: number, shard: number, shards: number): number[] {
    if (!(Number.isInteger(shards) && shards >= 1 && Number.isInteger(shard) && shard >= 0 && shard < shards)) {
        throw new ModelError(`shard ${shard}/${shards}: needs 0 ≤ i < N`, 'range');
    }
    const from = Math.floor(shard * runs / shards), to = Math.floor((shard + 1) * runs / shards);
    return Array.from({ length: to - from }, (_, k) => from + k);
}

const everyIndex = (plan: SweepPlan) => Array.from({ length: plan.runs }, (_, i) => i);

/** In this thread: the plan and the outcomes of the chosen runs, in index order. */
export function runSweep(model: ModelIR | CompiledModel, job: SweepJob, options: RunOptions & { indices?: readonly number[] } = {}): { plan: SweepPlan; outcomes: RunOutcome[] } {
    const m = compiled(model);
    const runner = sweepRunner(m, job, { ...options, onProgress: undefined });
    const indices = options.indices ?? everyIndex(runner.plan);
    const outcomes = indices.map((index, k) => {
        const outcome = runner.run(index);
        options.onProgress?.((k + 1) / indices.length);
        return outcome;
    });
    m.reset();
    return { plan: runner.plan, outcomes };
}

/**
 * Jobs per worker: a run of a small model takes a few milliseconds, less than a message to a
 * worker, so runs go in batches of consecutive indices, enough of them to keep every worker busy
 * to the end (the result does not depend on the batching).
 */
const BATCHES_PER_WORKER = 16;

/**
 * On the worker pool; the plan is made here (cheap: one start state), the runs in
 * min(runs, workers) threads (`workers` of the result). A run's failure is its outcome; a
 * worker's crash or a cancellation fails the whole sweep.
 */
export async function runSweepPool(ir: ModelIR, job: SweepJob, options: SweepOptions = {}): Promise<{ plan: SweepPlan; outcomes: RunOutcome[]; workers: number }> {
    const { plan } = sweepRunner(compiled(ir), job, options);
    const indices = options.indices ?? everyIndex(plan);
    const workers = Math.max(1, Math.min(indices.length, options.workers ?? availableParallelism()));
    const size = Math.max(1, Math.ceil(indices.length / (workers * BATCHES_PER_WORKER)));
    const batches = Array.from({ length: Math.ceil(indices.length / size) }, (_, b) => indices.slice(b * size, (b + 1) * size));
    const workerData: SweepWorkerData = { ir, job, options: { method: options.method, rtol: options.rtol, atol: options.atol, maxSteps: options.maxSteps } };
    const pool = new WorkerPool<number[], RunOutcome[]>({
        script: new URL('./sweep-worker.js', import.meta.url), size: workers, workerData, maxQueued: batches.length
    });
    let done = 0;
    // One listener cancels every batch: one per batch would be hundreds on the signal.
    const cancel = () => pool.cancel(() => true, 'Cancelled.');
    options.signal?.addEventListener('abort', cancel);
    try {
        if (options.signal?.aborted) throw new SimulationError('Cancelled.', 'cancelled');
        const outcomes = await Promise.all(batches.map(batch => pool.run(batch).then(outcome => {
            done += batch.length;
            options.onProgress?.(done / indices.length);
            return outcome;
        })));
        return { plan, outcomes: outcomes.flat(), workers };
    } finally {
        options.signal?.removeEventListener('abort', cancel);
        pool.dispose();
    }
}
