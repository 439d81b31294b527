/**
 * Runs a cascade's runs in parallel on worker threads: the base run and each perturbation
 * are tasks for a pool of min(#runs, cores) workers, each holding its own compiled copy of
 * the (plain-data) model. Aborting the signal terminates the workers at once.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ModelIR } from '../ir.js';
import { ModelError, SimulationError } from '../model/errors.js';
import { failedPerturbation, findCascade, perturbationError, responses, type CascadeResult, type Measurement } from './cascade.js';
import type { CascadeWorkerData, CascadeWorkerReply } from './cascade-worker.js';
import type { RunOptions } from './run-options.js';

export interface CascadeOptions extends Omit<RunOptions, 'shouldStop'> {
    /** Pool size (default: the number of cores). */
    workers?: number;
}

function rebuild(error: Extract<CascadeWorkerReply, { error: unknown }>['error']): Error {
    if (error.name === 'ModelError') return new ModelError(error.message, error.code);
    if (error.name === 'SimulationError') return new SimulationError(error.message, error.reason ?? 'failed', error.time, error.quantity);
    return new Error(error.message);
}

export function runCascade(ir: ModelIR, name?: string, options: CascadeOptions = {}): Promise<CascadeResult> {
    const cascade = findCascade(ir, name);
    const tasks = [-1, ...cascade.perturbations.map((_, i) => i)];
    const size = Math.max(1, Math.min(tasks.length, options.workers ?? availableParallelism()));
    const data: CascadeWorkerData = {
        ir, cascade: cascade.name,
        options: { method: options.method, rtol: options.rtol, atol: options.atol, maxSteps: options.maxSteps }
    };
    return new Promise((resolve, reject) => {
        const workers: Worker[] = [];
        const results = new Map<number, Measurement | string>();
        let next = 0;
        let finished = false;
        const finish = (error?: unknown) => {
            if (finished) return;
            finished = true;
            options.signal?.removeEventListener('abort', abort);
            workers.forEach(w => void w.terminate());
            if (error) { reject(error); return; }
            const base = results.get(-1) as Measurement;
            resolve({
                cascade: cascade.name, at: cascade.at,
                perturbations: cascade.perturbations.map((_, i) => {
                    const result = results.get(i)!;
                    return typeof result === 'string' ? failedPerturbation(cascade, i, result) : responses(cascade, i, base, result);
                })
            });
        };
        const abort = () => finish(new SimulationError('The cascade run was cancelled', 'cancelled'));
        if (options.signal?.aborted) { abort(); return; }
        options.signal?.addEventListener('abort', abort);
        const feed = (w: Worker) => { if (next < tasks.length) w.postMessage(tasks[next++]); };
        for (let k = 0; k < size; k++) {
            const worker = new Worker(new URL('./cascade-worker.js', import.meta.url), { workerData: data });
            workers.push(worker);
            worker.on('message', (reply: CascadeWorkerReply) => {
                if ('error' in reply) {
                    // Without the base run nothing can be compared; a failed perturbation is reported on its own.
                    if (reply.task < 0) { finish(rebuild(reply.error)); return; }
                    try {
                        results.set(reply.task, perturbationError(rebuild(reply.error)));
                    } catch (error) {
                        finish(error);
                        return;
                    }
                } else {
                    results.set(reply.task, reply.measurement);
                }
                options.onProgress?.(results.size / tasks.length);
                if (results.size === tasks.length) finish(); else feed(worker);
            });
            worker.on('error', finish);
            feed(worker);
        }
    });
}
