/**
 * The simulation worker thread's entry: builds the model of each job from the documents' texts
 * and runs it, one job at a time.
 */
// First: chevrotain (under the parser the worker now loads) needs Object.groupBy, which Node 20 lacks.
import '../polyfill.mjs';
import { serveJobs } from '@neurocascade/simulator';
import { runTask } from './simulation-tasks.js';
import { WorkerDocuments } from './worker-documents.js';
import type { SimulationJob } from './worker-protocol.js';

const documents = new WorkerDocuments();

serveJobs(async (job: SimulationJob, context) => runTask(job, await documents.model(job.documents, job.roots), context));
