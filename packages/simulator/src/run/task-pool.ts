/**
 * One pool of worker threads for every many-run job (a cascade's runs, a population's members,
 * a Sobol or Morris design): min(#tasks, cores) workers, each with its own compiled copy of
 * the (plain-data) model, are fed task indices one at a time as they finish. Aborting the
 * signal terminates the workers at once.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ModelError, SimulationError } from '../model/errors.js';
import type { TaskJob, TaskReply, TaskResult } from './task-worker.js';

export interface PoolOptions {
    /** Pool size (default: the number of cores). */
    workers?: number;
    signal?: AbortSignal;
    onProgress?: (fraction: number) => void;
}

export function rebuildError(error: Extract<TaskReply, { error: unknown }>['error']): Error {
    if (error.name === 'ModelError') return new ModelError(error.message, error.code);
    if (error.name === 'SimulationError') return new SimulationError(error.message, error.reason ?? 'failed', error.time, error.quantity);
    return new Error(error.message);
}

/**
 * Runs `tasks` of `job` and resolves with each task's result or error. `stopOn` may end the
 * whole run at a task's error (rejecting with it).
 */
export function runTasks(job: TaskJob, tasks: readonly number[], options: PoolOptions = {}, stopOn: (task: number, error: Error) => boolean = () => false): Promise<Map<number, TaskResult | Error>> {
    const size = Math.max(1, Math.min(tasks.length, options.workers ?? availableParallelism()));
    return new Promise((resolve, reject) => {
        const workers: Worker[] = [];
        const results = new Map<number, TaskResult | Error>();
        let next = 0;
        let finished = false;
        const finish = (error?: unknown) => {
            if (finished) return;
            finished = true;
            options.signal?.removeEventListener('abort', abort);
            workers.forEach(w => void w.terminate());
            if (error) reject(error); else resolve(results);
        };
        const abort = () => finish(new SimulationError('The run was cancelled', 'cancelled'));
        if (options.signal?.aborted) { abort(); return; }
        options.signal?.addEventListener('abort', abort);
        if (tasks.length === 0) { finish(); return; }
        const feed = (w: Worker) => { if (next < tasks.length) w.postMessage(tasks[next++]); };
        for (let k = 0; k < size; k++) {
            const worker = new Worker(new URL('./task-worker.js', import.meta.url), { workerData: job });
            workers.push(worker);
            worker.on('message', (reply: TaskReply) => {
                if ('error' in reply) {
                    const error = rebuildError(reply.error);
                    if (stopOn(reply.task, error)) { finish(error); return; }
                    results.set(reply.task, error);
                } else {
                    results.set(reply.task, reply.result);
                }
                options.onProgress?.(results.size / tasks.length);
                if (results.size === tasks.length) finish(); else feed(worker);
            });
            worker.on('error', finish);
            feed(worker);
        }
    });
}
