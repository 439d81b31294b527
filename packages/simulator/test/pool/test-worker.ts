/** A pool worker for the pool's own tests: each job kind behaves as one kind of real job can (works, fails, stops when asked, hangs, crashes). */
import { threadId, workerData } from 'node:worker_threads';
import { ModelError, SimulationError } from '../../src/model/errors.js';
import { serveJobs } from '../../src/pool/pool-worker.js';

export type TestJob =
    | { kind: 'square'; n: number; ms?: number }
    | { kind: 'model-error' }
    | { kind: 'until-stopped' }
    | { kind: 'hang' }
    | { kind: 'crash' }
    | { kind: 'progress' };

export interface TestOutcome { value: number; thread: number }

function busy(ms: number): void {
    const end = Date.now() + ms;
    while (Date.now() < end) { /* a solver step */ }
}

// A worker that loads much (a parser) before it can take jobs.
busy((workerData as { startMs?: number } | undefined)?.startMs ?? 0);

serveJobs((job: TestJob, { shouldStop, onProgress }): TestOutcome => {
    switch (job.kind) {
        case 'square':
            busy(job.ms ?? 0);
            return { value: job.n * job.n, thread: threadId };
        case 'model-error':
            throw new ModelError("'E' has no property 'kd'", 'unknown-property');
        case 'until-stopped':
            while (!shouldStop()) busy(1);
            throw new SimulationError('Cancelled at t = 1', 'cancelled', 1);
        case 'hang':
            for (;;) busy(10);
        case 'crash':
            process.exit(2);
        case 'progress':
            for (let i = 1; i <= 5; i++) { busy(120); onProgress(i / 5); }
            return { value: 1, thread: threadId };
    }
});
