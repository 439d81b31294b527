/**
 * One pool of worker threads for every parallel run: the language server's simulations and
 * the simulator's cascades (and sweeps). Jobs wait in a bounded queue and go to the first idle
 * worker; a job is cancelled by its signal, by a newer job with the same key, by its group
 * (the document it reads) or when it outlives its time budget. A cancelled job is rejected at
 * once and its worker is asked to stop; a worker that does not stop within the grace period
 * (hung), or that crashes, is terminated and replaced for the next job, and the job it held is
 * reported as failed.
 */
import { Worker } from 'node:worker_threads';
import { SimulationError } from '../model/errors.js';
import { rebuildError, type PoolJobMessage, type PoolReply } from './pool-protocol.js';

export interface WorkerPoolOptions {
    /** The worker script; it calls `serveJobs` (pool-worker.ts). */
    script: URL;
    /** Number of workers (default 1); each starts on its first job. */
    size?: number;
    /** Given to every worker at its start (e.g. the model all its jobs share). */
    workerData?: unknown;
    /** Jobs that may wait for a worker; one more is refused (default 1,000). */
    maxQueued?: number;
    /** How long a cancelled job may take to notice its stop flag before its worker is terminated. */
    graceMs?: number;
}

export interface JobControl {
    /** A newer job with the same key cancels this one (e.g. `steady-state:<uri>`). */
    key?: string;
    /** What the job reads (a document): `cancelGroup` cancels every job of it. */
    group?: string;
    signal?: AbortSignal;
    /** Time budget in milliseconds from the job's start on a worker; past it the job fails with reason `timeout`. */
    timeoutMs?: number;
    onProgress?(fraction: number): void;
}

interface PendingJob<Job, Outcome> {
    id: number;
    job: Job;
    control: JobControl;
    stop: SharedArrayBuffer;
    settled: boolean;
    resolve(outcome: Outcome): void;
    reject(error: Error): void;
    cleanup(): void;
}

interface Slot<Job, Outcome> {
    worker?: Worker;
    running?: PendingJob<Job, Outcome>;
    timers: NodeJS.Timeout[];
}

export class WorkerPool<Job, Outcome> {
    private readonly slots: Slot<Job, Outcome>[];
    private readonly queue: PendingJob<Job, Outcome>[] = [];
    private nextId = 1;
    private disposed = false;

    constructor(private readonly options: WorkerPoolOptions) {
        this.slots = Array.from({ length: Math.max(1, options.size ?? 1) }, () => ({ timers: [] }));
    }

    run(job: Job, control: JobControl = {}): Promise<Outcome> {
        if (this.disposed) return Promise.reject(new SimulationError('The worker pool has been shut down.', 'cancelled'));
        if (control.key) this.cancel(other => other.key === control.key, 'Superseded by a newer run.');
        const maxQueued = this.options.maxQueued ?? 1000;
        if (this.queue.length >= maxQueued) {
            return Promise.reject(new Error(`Too many runs are waiting (${maxQueued}); try again when some have finished.`));
        }
        return new Promise<Outcome>((resolve, reject) => {
            const abort = () => this.cancel(other => other === control, 'Cancelled.');
            const pending: PendingJob<Job, Outcome> = {
                id: this.nextId++, job, control, stop: new SharedArrayBuffer(4), settled: false,
                resolve: outcome => { pending.cleanup(); resolve(outcome); },
                reject: error => { pending.cleanup(); reject(error); },
                cleanup: () => {
                    pending.settled = true;
                    control.signal?.removeEventListener('abort', abort);
                }
            };
            if (control.signal?.aborted) { pending.reject(new SimulationError('Cancelled.', 'cancelled')); return; }
            control.signal?.addEventListener('abort', abort);
            this.queue.push(pending);
            this.pump();
        });
    }

    /** Starts every worker now, ahead of the first job (a worker that loads much, such as a parser, is then ready). */
    start(): void {
        if (this.disposed) return;
        for (const slot of this.slots) {
            if (!slot.running) this.workerOf(slot).unref();
        }
    }

    /** Cancels the queued and running jobs whose control matches; they reject at once (reason `cancelled`). */
    cancel(matches: (control: JobControl) => boolean, reason: string): void {
        this.stopJobs(matches, new SimulationError(reason, 'cancelled'));
    }

    /** Cancels every job of the group (the document it reads). */
    cancelGroup(group: string, reason: string): void {
        this.cancel(control => control.group === group, reason);
    }

    dispose(): void {
        this.cancel(() => true, 'The worker pool is shutting down.');
        this.disposed = true;
        for (const slot of this.slots) this.replace(slot);
    }

    private stopJobs(matches: (control: JobControl) => boolean, error: Error): void {
        for (const pending of this.queue.filter(p => matches(p.control))) {
            this.queue.splice(this.queue.indexOf(pending), 1);
            pending.reject(error);
        }
        for (const slot of this.slots) {
            const running = slot.running;
            if (!running || running.settled || !matches(running.control)) continue;
            Atomics.store(new Int32Array(running.stop), 0, 1);
            running.reject(error);
            slot.timers.push(setTimeout(() => {
                if (slot.running === running) this.replace(slot);
            }, this.options.graceMs ?? 250));
        }
    }

    private pump(): void {
        for (const slot of this.slots) {
            if (this.queue.length === 0) return;
            if (slot.running) continue;
            const pending = this.queue.shift()!;
            slot.running = pending;
            const worker = this.workerOf(slot);
            // A busy worker keeps the process alive (a command awaiting it); an idle one does not.
            worker.ref();
            const { timeoutMs } = pending.control;
            if (timeoutMs !== undefined) {
                slot.timers.push(setTimeout(() => this.stopJobs(control => control === pending.control,
                    new SimulationError(`The run took longer than its budget of ${timeoutMs} ms and was stopped.`, 'timeout')), timeoutMs));
            }
            worker.postMessage({ id: pending.id, job: pending.job, stop: pending.stop } satisfies PoolJobMessage<Job>);
        }
    }

    private workerOf(slot: Slot<Job, Outcome>): Worker {
        if (slot.worker) return slot.worker;
        const worker = new Worker(this.options.script, { workerData: this.options.workerData });
        worker.on('message', (reply: PoolReply<Outcome>) => this.receive(slot, reply));
        worker.on('error', error => this.lose(slot, worker, `The worker crashed: ${error.message}.`));
        worker.on('exit', code => this.lose(slot, worker, `The worker stopped unexpectedly (exit code ${code}).`));
        slot.worker = worker;
        return worker;
    }

    private receive(slot: Slot<Job, Outcome>, reply: PoolReply<Outcome>): void {
        const pending = slot.running;
        if (!pending || reply.id !== pending.id) return;
        if (reply.type === 'progress') {
            if (!pending.settled) pending.control.onProgress?.(reply.fraction);
            return;
        }
        if (!pending.settled) {
            if (reply.type === 'done') pending.resolve(reply.outcome);
            else pending.reject(rebuildError(reply.error));
        }
        this.free(slot);
    }

    /** The worker died (crashed, or terminated as hung): fail its job; the next job starts a new one. */
    private lose(slot: Slot<Job, Outcome>, worker: Worker, message: string): void {
        if (worker !== slot.worker) return;
        slot.worker = undefined;
        const pending = slot.running;
        if (pending && !pending.settled) pending.reject(new Error(`${message} It has been restarted; the run was lost.`));
        if (pending) this.free(slot);
    }

    /** Terminates the slot's worker (its exit is then not a crash) and frees the slot. */
    private replace(slot: Slot<Job, Outcome>): void {
        const worker = slot.worker;
        slot.worker = undefined;
        void worker?.terminate();
        if (slot.running) this.free(slot);
    }

    private free(slot: Slot<Job, Outcome>): void {
        slot.timers.forEach(clearTimeout);
        slot.timers = [];
        slot.running = undefined;
        slot.worker?.unref();
        if (!this.disposed) this.pump();
    }
}
