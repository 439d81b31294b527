/**
 * One simulation job inside the worker thread: runs it with a stop flag the host can set
 * (read between solver steps) and reports progress, the outcome or the failure.
 */
import { runTask } from './simulation-tasks.js';
import type { WorkerJob, WorkerReply } from './worker-protocol.js';

const PROGRESS_INTERVAL_MS = 100;

export function runJob(job: WorkerJob, post: (reply: WorkerReply) => void): void {
    const stop = new Int32Array(job.stop);
    const shouldStop = () => Atomics.load(stop, 0) !== 0;
    let lastProgress = 0;
    const onProgress = (fraction: number) => {
        const now = Date.now();
        if (now - lastProgress < PROGRESS_INTERVAL_MS) return;
        lastProgress = now;
        post({ id: job.id, type: 'progress', fraction });
    };
    const { method, rtol, atol } = job.options;
    try {
        const outcome = runTask(job, { method, rtol, atol, shouldStop, onProgress });
        post({ id: job.id, type: 'done', outcome });
    } catch (error) {
        post({ id: job.id, type: 'failed', message: error instanceof Error ? error.message : String(error), cancelled: shouldStop() });
    }
}
