/** A simulation worker that dies on a job named `crash` and runs every other job as the real one does (for the pool's crash test). */
import { parentPort } from 'node:worker_threads';
import { runJob } from '../../src/simulation/simulation-job.js';
import type { WorkerJob } from '../../src/simulation/worker-protocol.js';

parentPort!.on('message', (job: WorkerJob) => {
    if (job.name === 'crash') process.exit(3);
    runJob(job, reply => parentPort!.postMessage(reply));
});
