/**
 * The worker side of a worker pool: a worker script calls `serveJobs` with what one job does;
 * each job gets a stop flag the host can raise and a progress callback (throttled), and its
 * outcome or error is posted back.
 */
import { parentPort } from 'node:worker_threads';
import { transferError, type PoolJobMessage, type PoolReply } from './pool-protocol.js';

const PROGRESS_INTERVAL_MS = 100;

export interface JobContext {
    /** True once the host has cancelled the job: stop at the next chance. */
    shouldStop(): boolean;
    onProgress(fraction: number): void;
}

export function serveJobs<Job, Outcome>(run: (job: Job, context: JobContext) => Outcome | Promise<Outcome>): void {
    const port = parentPort;
    if (!port) throw new Error('serveJobs runs inside a worker thread.');
    port.on('message', async ({ id, job, stop }: PoolJobMessage<Job>) => {
        const post = (reply: PoolReply<Outcome>) => port.postMessage(reply);
        const flag = new Int32Array(stop);
        let lastProgress = 0;
        const context: JobContext = {
            shouldStop: () => Atomics.load(flag, 0) !== 0,
            onProgress: fraction => {
                const now = Date.now();
                if (now - lastProgress < PROGRESS_INTERVAL_MS) return;
                lastProgress = now;
                post({ id, type: 'progress', fraction });
            }
        };
        try {
            post({ id, type: 'done', outcome: await run(job, context) });
        } catch (error) {
            post({ id, type: 'failed', error: transferError(error) });
        }
    });
}
