/** The simulation worker thread's entry: runs the jobs the language server posts, one at a time. */
import { parentPort } from 'node:worker_threads';
import { runJob } from './simulation-job.js';
import type { WorkerJob } from './worker-protocol.js';

parentPort?.on('message', (job: WorkerJob) => runJob(job, reply => parentPort!.postMessage(reply)));
