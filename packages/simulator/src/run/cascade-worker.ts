/** A cascade worker: compiles the model once, then measures the runs (base = -1, or a perturbation) it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import type { ModelIR } from '../ir.js';
import { compileModel } from '../model/compiled-model.js';
import { findCascade, measure } from './cascade.js';
import type { RunOptions } from './run-options.js';

export interface CascadeWorkerData {
    ir: ModelIR;
    cascade: string;
    options: Pick<RunOptions, 'method' | 'rtol' | 'atol' | 'maxSteps'>;
}

export type CascadeWorkerReply =
    | { task: number; measurement: ReturnType<typeof measure> }
    | { task: number; error: { name: string; message: string; code?: string; reason?: string; time?: number; quantity?: string } };

const { ir, cascade: name, options } = workerData as CascadeWorkerData;
const m = compileModel(ir);
const cascade = findCascade(ir, name);

parentPort!.on('message', (task: number) => {
    let reply: CascadeWorkerReply;
    try {
        reply = { task, measurement: measure(m, cascade, task < 0 ? undefined : task, options) };
    } catch (e) {
        const error = e instanceof Error ? e : new Error(String(e));
        const { code, reason, time, quantity } = error as { code?: string; reason?: string; time?: number; quantity?: string };
        reply = { task, error: { name: error.name, message: error.message, code, reason, time, quantity } };
    }
    parentPort!.postMessage(reply);
});
