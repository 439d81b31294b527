/**
 * A worker of the task pool: compiles the model once, then runs the task indices it is sent —
 * a cascade's runs (base = -1, or a perturbation) or a sweep's runs (analysis/population).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { sweepRunner, type RunOutcome, type SweepJob } from '../analysis/population/sweep-job.js';
import type { ModelIR } from '../ir.js';
import { compileModel } from '../model/compiled-model.js';
import { findCascade, measure } from './cascade.js';
import type { RunOptions } from './run-options.js';

export type WorkerRunOptions = Pick<RunOptions, 'method' | 'rtol' | 'atol' | 'maxSteps'>;

/** What the workers run: each task is an index into it. */
export type TaskJob =
    | { kind: 'cascade'; ir: ModelIR; cascade: string; options: WorkerRunOptions }
    | { kind: 'sweep'; ir: ModelIR; job: SweepJob; options: WorkerRunOptions };

export type TaskResult = ReturnType<typeof measure> | RunOutcome;

export type TaskReply =
    | { task: number; result: TaskResult }
    | { task: number; error: { name: string; message: string; code?: string; reason?: string; time?: number; quantity?: string } };

function runnerOf(job: TaskJob): (task: number) => TaskResult {
    const m = compileModel(job.ir);
    if (job.kind === 'sweep') return sweepRunner(m, job.job, job.options).run;
    const cascade = findCascade(job.ir, job.cascade);
    return task => measure(m, cascade, task < 0 ? undefined : task, job.options);
}

const run = runnerOf(workerData as TaskJob);

parentPort!.on('message', (task: number) => {
    let reply: TaskReply;
    try {
        reply = { task, result: run(task) };
    } catch (e) {
        const error = e instanceof Error ? e : new Error(String(e));
        const { code, reason, time, quantity } = error as { code?: string; reason?: string; time?: number; quantity?: string };
        reply = { task, error: { name: error.name, message: error.message, code, reason, time, quantity } };
    }
    parentPort!.postMessage(reply);
});
