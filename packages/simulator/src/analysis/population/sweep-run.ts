/**
 * Running a sweep's runs: all in this thread, on the task pool, or a shard of them
 * (docs/analysis.md#sweeps). Shard i of N holds the indices ⌊i·R/N⌋ to ⌊(i+1)·R/N⌋ − 1.
 */
import type { ModelIR } from '../../ir.js';
import type { CompiledModel } from '../../model/compiled-model.js';
import { ModelError } from '../../model/errors.js';
import type { RunOptions } from '../../run/run-options.js';
import { compiled } from '../../run/simulate.js';
import { runTasks, type PoolOptions } from '../../run/task-pool.js';
import type { WorkerRunOptions } from '../../run/task-worker.js';
import { sweepRunner, type RunOutcome, type SweepJob, type SweepPlan } from './sweep-job.js';

export interface SweepOptions extends PoolOptions, WorkerRunOptions {
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
    const runner = sweepRunner(m, job, options);
    const indices = options.indices ?? everyIndex(runner.plan);
    const outcomes = indices.map((index, k) => {
        const outcome = runner.run(index);
        options.onProgress?.((k + 1) / indices.length);
        return outcome;
    });
    m.reset();
    return { plan: runner.plan, outcomes };
}

/** On the task pool; the plan is made here (cheap: one start state), the runs in the workers. */
export async function runSweepPool(ir: ModelIR, job: SweepJob, options: SweepOptions = {}): Promise<{ plan: SweepPlan; outcomes: RunOutcome[] }> {
    const { plan } = sweepRunner(compiled(ir), job, options);
    const indices = options.indices ?? everyIndex(plan);
    const workerOptions = { method: options.method, rtol: options.rtol, atol: options.atol, maxSteps: options.maxSteps };
    const results = await runTasks({ kind: 'sweep', ir, job, options: workerOptions }, indices, options, () => true);
    return { plan, outcomes: indices.map(index => results.get(index) as RunOutcome) };
}
