/**
 * Runs simulation jobs in a worker thread, one at a time, so the language server stays
 * responsive. A job can be cancelled (by its request's token, or by a newer job with the
 * same key); a worker that does not stop in time is terminated, and a crashed worker is
 * replaced for the next job.
 */
import { Worker } from 'node:worker_threads';
import type { CancellationToken } from 'vscode-languageserver';
import type { WorkerJob, WorkerOutcome, WorkerReply } from './worker-protocol.js';

export class SimulationCancelled extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'SimulationCancelled';
    }
}

export type JobRequest = Omit<WorkerJob, 'id' | 'stop'>;

export interface JobControl {
    /** A newer job with the same key cancels this one (e.g. `preview:<uri>`). */
    key?: string;
    /** The document the job reads: an edit of it cancels the job. */
    uri?: string;
    token?: CancellationToken;
    onProgress?(fraction: number): void;
}

interface PendingJob {
    id: number;
    request: JobRequest;
    control: JobControl;
    stop: SharedArrayBuffer;
    settled: boolean;
    resolve(outcome: WorkerOutcome): void;
    reject(error: Error): void;
}

export class SimulationPool {
    private worker?: Worker;
    private readonly queue: PendingJob[] = [];
    private current?: PendingJob;
    private terminateTimer?: NodeJS.Timeout;
    private nextId = 1;

    constructor(
        private readonly workerUrl = new URL('./simulation-worker.js', import.meta.url),
        /** How long a cancelled run may take to notice its stop flag before the worker is terminated. */
        private readonly graceMs = 250
    ) {}

    run(request: JobRequest, control: JobControl = {}): Promise<WorkerOutcome> {
        if (control.key) this.cancel(job => job.control.key === control.key, 'Superseded by a newer run.');
        return new Promise((resolve, reject) => {
            const job: PendingJob = {
                id: this.nextId++, request, control, stop: new SharedArrayBuffer(4), settled: false,
                resolve: outcome => { job.settled = true; resolve(outcome); },
                reject: error => { job.settled = true; reject(error); }
            };
            control.token?.onCancellationRequested(() => this.cancel(candidate => candidate === job, 'Cancelled.'));
            this.queue.push(job);
            this.pump();
        });
    }

    /** Cancels queued and running jobs that match; they reject with SimulationCancelled at once. */
    cancel(matches: (job: { control: JobControl }) => boolean, reason: string): void {
        for (const job of this.queue.filter(matches)) {
            this.queue.splice(this.queue.indexOf(job), 1);
            job.reject(new SimulationCancelled(reason));
        }
        const running = this.current;
        if (running && !running.settled && matches(running)) {
            Atomics.store(new Int32Array(running.stop), 0, 1);
            running.reject(new SimulationCancelled(reason));
            this.terminateTimer = setTimeout(() => this.current === running && this.worker?.terminate(), this.graceMs);
        }
    }

    /** Cancels every job that reads the document. */
    cancelDocument(uri: string, reason: string): void {
        this.cancel(job => job.control.uri === uri, reason);
    }

    dispose(): void {
        this.cancel(() => true, 'The language server is shutting down.');
        void this.worker?.terminate();
        this.worker = undefined;
    }

    private pump(): void {
        if (this.current || this.queue.length === 0) return;
        const job = this.queue.shift()!;
        this.current = job;
        this.ensureWorker().postMessage({ ...job.request, id: job.id, stop: job.stop } satisfies WorkerJob);
    }

    private ensureWorker(): Worker {
        if (this.worker) return this.worker;
        const worker = new Worker(this.workerUrl);
        worker.unref();
        worker.on('message', (reply: WorkerReply) => this.receive(reply));
        worker.on('error', error => this.lose(worker, `The simulation worker crashed: ${error.message}`));
        worker.on('exit', code => this.lose(worker, `The simulation worker stopped unexpectedly (exit code ${code}).`));
        this.worker = worker;
        return worker;
    }

    private receive(reply: WorkerReply): void {
        const job = this.current;
        if (!job || reply.id !== job.id) return;
        if (reply.type === 'progress') {
            if (!job.settled) job.control.onProgress?.(reply.fraction);
            return;
        }
        if (!job.settled) {
            if (reply.type === 'done') job.resolve(reply.outcome);
            else job.reject(reply.cancelled ? new SimulationCancelled(reply.message) : new Error(reply.message));
        }
        this.finish();
    }

    /** The worker died (crash or deliberate termination): fail its job, start afresh for the next. */
    private lose(worker: Worker, message: string): void {
        if (worker !== this.worker) return;
        this.worker = undefined;
        const job = this.current;
        if (job && !job.settled) job.reject(new Error(`${message} It has been restarted; the run was lost.`));
        if (job) this.finish();
    }

    private finish(): void {
        clearTimeout(this.terminateTimer);
        this.current = undefined;
        this.pump();
    }
}
