/** A simulation worker that dies on a job named `crash` and runs every other job as the real one does (for the pool's crash test). */
import { serveJobs } from '@neurocascade/simulator';
import { runTask } from '../../src/simulation/simulation-tasks.js';
import type { SimulationJob } from '../../src/simulation/worker-protocol.js';

serveJobs((job: SimulationJob, context) => {
    if (job.name === 'crash') process.exit(3);
    return runTask(job, context);
});
