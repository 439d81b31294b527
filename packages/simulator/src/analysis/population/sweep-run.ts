/**
 * Running a many-run job's runs (a population, Sobol or Morris design, a scan, a fit's starts):
 * all in this thread, on the task pool, or a shard of them (docs/analysis.md#sweeps). Shard i of
 * N holds the indices ⌊i·R/N⌋ to ⌊(i+1)·R/N⌋ − 1.
 */
import { availableParallelism } from 'node:os';
import type { ModelIR } from '../../ir.js';
import type { CompiledModel } from '../../model/compiled-model.js';
import { ModelError, SimulationError } from '../../model/errors.js';
import type { RunOptions } from '../../run/run-options.js';
import { compiled } from '../../run/simulate.js';
import { WorkerPool } from '../../pool/worker-pool.js';
import { sweepRunner, type OutcomeOf, type PlanOf, type RunOutcome, type SweepJob, type SweepPlan } from './sweep-job.js';
import type { SweepBatch, SweepWorkerData } from './sweep-worker.js';

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
export function runSweep<J extends SweepJob>(model: ModelIR | CompiledModel, job: J, options: RunOptions & { indices?: readonly number[] } = {}): { plan: PlanOf<J>; outcomes: OutcomeOf<J>[] } {
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
/**
 * Worker threads for many-run jobs, one after another (a fit's starts, then its profiles): each
 * worker compiles the model once and keeps it, and the code V8 has optimised, for every job.
 * A job's plan is made here (cheap: one start state), its runs in min(runs, workers) threads
 * (`workers` of the result). A run's failure is its outcome; a worker's crash or a cancellation
 * fails the whole job.
 */
export class SweepPool {
    private readonly model: CompiledModel;
    private readonly workers: number;
    private readonly pool: WorkerPool<SweepBatch, RunOutcome[]>;

    constructor(model: ModelIR | CompiledModel, private readonly options: SweepOptions = {}) {
        this.model = compiled(model);
        this.workers = Math.max(1, options.workers ?? availableParallelism());
        const workerData: SweepWorkerData = { ir: this.model.ir, options: { method: options.method, rtol: options.rtol, atol: options.atol, maxSteps: options.maxSteps } };
        this.pool = new WorkerPool({
            script: new URL('./sweep-worker.js', import.meta.url), size: this.workers, workerData, maxQueued: this.workers * BATCHES_PER_WORKER
        });
    }

    async run<J extends SweepJob>(job: J, options: Pick<SweepOptions, 'indices' | 'signal' | 'onProgress'> = {}): Promise<{ plan: PlanOf<J>; outcomes: OutcomeOf<J>[]; workers: number }> {
        const { plan } = sweepRunner(this.model, job, this.options);
        const indices = options.indices ?? everyIndex(plan);
        const workers = Math.max(1, Math.min(indices.length, this.workers));
        const size = Math.max(1, Math.ceil(indices.length / (workers * BATCHES_PER_WORKER)));
        const batches = Array.from({ length: Math.ceil(indices.length / size) }, (_, b) => indices.slice(b * size, (b + 1) * size));
        let done = 0;
        // One listener cancels every batch: one per batch would be hundreds on the signal.
        const cancel = () => this.pool.cancel(() => true, 'Cancelled.');
        options.signal?.addEventListener('abort', cancel);
        try {
            if (options.signal?.aborted) throw new SimulationError('Cancelled.', 'cancelled');
            const outcomes = await Promise.all(batches.map(batch => this.pool.run({ job, indices: batch }).then(outcome => {
                done += batch.length;
                options.onProgress?.(done / indices.length);
                return outcome as OutcomeOf<J>[];
            })));
            return { plan, outcomes: outcomes.flat(), workers };
        } finally {
            options.signal?.removeEventListener('abort', cancel);
        }
    }

    dispose(): void {
        this.pool.dispose();
    }
}

/** One job on a pool of its own. */
export async function runSweepPool<J extends SweepJob>(model: ModelIR | CompiledModel, job: J, options: SweepOptions = {}): Promise<{ plan: PlanOf<J>; outcomes: OutcomeOf<J>[]; workers: number }> {
    const pool = new SweepPool(model, options);
    try {
        return await pool.run(job, options);
    } finally {
        pool.dispose();
    }
}
