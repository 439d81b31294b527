/**
 * Messages between a worker pool and its workers, and how an error crosses the thread
 * boundary: structured cloning keeps only an error's message, so the simulator's own errors
 * travel as their fields and are built again on the host.
 */
import { ModelError, SimulationError } from '../model/errors.js';

export interface PoolJobMessage<Job> {
    id: number;
    job: Job;
    /** Int32 flag the host sets to 1 to ask the job to stop (read between solver steps). */
    stop: SharedArrayBuffer;
}

export interface TransferredError {
    name: string;
    message: string;
    code?: string;
    reason?: string;
    time?: number;
    quantity?: string;
}

export type PoolReply<Outcome> =
    | { id: number; type: 'progress'; fraction: number }
    | { id: number; type: 'done'; outcome: Outcome }
    | { id: number; type: 'failed'; error: TransferredError };

export function transferError(thrown: unknown): TransferredError {
    const error = thrown instanceof Error ? thrown : new Error(String(thrown));
    const { code, reason, time, quantity } = error as Partial<TransferredError>;
    return { name: error.name, message: error.message, code, reason, time, quantity };
}

export function rebuildError(error: TransferredError): Error {
    if (error.name === 'ModelError') return new ModelError(error.message, error.code);
    if (error.name === 'SimulationError') return new SimulationError(error.message, error.reason ?? 'failed', error.time, error.quantity);
    return new Error(error.message);
}
