import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ModelError, SimulationError } from '../../src/model/errors.js';
import { WorkerPool, type WorkerPoolOptions } from '../../src/pool/worker-pool.js';
import type { TestJob, TestOutcome } from './test-worker.js';

const script = new URL('./test-worker.js', import.meta.url);
const reason = (expected: string) => (e: unknown) => e instanceof SimulationError && e.reason === expected;

describe('worker pool', function () {
    this.timeout(20000);
    let pool: WorkerPool<TestJob, TestOutcome>;
    const open = (options: Partial<WorkerPoolOptions> = {}) => (pool = new WorkerPool<TestJob, TestOutcome>({ script, ...options }));
    afterEach(() => pool?.dispose());

    it('runs jobs by index on every worker and answers each with its own outcome', async () => {
        open({ size: 2 });
        const outcomes = await Promise.all(Array.from({ length: 8 }, (_, n) => pool.run({ kind: 'square', n, ms: 60 })));
        assert.deepEqual(outcomes.map(o => o.value), [0, 1, 4, 9, 16, 25, 36, 49]);
        assert.equal(new Set(outcomes.map(o => o.thread)).size, 2, 'both workers took jobs');
    });

    it('rebuilds the simulator\'s errors on the host', async () => {
        open();
        await assert.rejects(pool.run({ kind: 'model-error' }), (e: unknown) => e instanceof ModelError && e.code === 'unknown-property' && /no property 'kd'/.test(e.message));
    });

    it('cancels a running job at once, the worker stops at its next check and takes the next job', async () => {
        open();
        const first = await pool.run({ kind: 'square', n: 1 });
        const controller = new AbortController();
        const running = pool.run({ kind: 'until-stopped' }, { signal: controller.signal });
        await new Promise(r => setTimeout(r, 100));
        const cancelled = performance.now();
        controller.abort();
        await assert.rejects(running, reason('cancelled'));
        assert.ok(performance.now() - cancelled < 50, 'the cancelled job answers at once');
        const next = await pool.run({ kind: 'square', n: 3 });
        assert.equal(next.value, 9);
        assert.equal(next.thread, first.thread, 'a worker that stopped when asked is kept');
    });

    it('replaces a hung worker that ignores its stop flag, and runs the next job on a new one', async () => {
        open({ graceMs: 100 });
        const first = await pool.run({ kind: 'square', n: 1 });
        const controller = new AbortController();
        const hung = pool.run({ kind: 'hang' }, { signal: controller.signal });
        const queued = pool.run({ kind: 'square', n: 4 });
        await new Promise(r => setTimeout(r, 50));
        controller.abort();
        await assert.rejects(hung, reason('cancelled'));
        const next = await queued;
        assert.equal(next.value, 16);
        assert.notEqual(next.thread, first.thread, 'the hung worker was replaced');
    });

    it('fails a job that outlives its time budget and frees its worker', async () => {
        open({ graceMs: 100 });
        const started = performance.now();
        await assert.rejects(pool.run({ kind: 'hang' }, { timeoutMs: 200 }), (e: unknown) => reason('timeout')(e) && /budget of 200 ms/.test((e as Error).message));
        assert.ok(performance.now() - started < 2000);
        assert.equal((await pool.run({ kind: 'square', n: 5 })).value, 25);
    });

    it('reports the job of a crashed worker as failed and starts a new worker for the next', async () => {
        open();
        await assert.rejects(pool.run({ kind: 'crash' }), /stopped unexpectedly \(exit code 2\).*restarted; the run was lost/);
        assert.equal((await pool.run({ kind: 'square', n: 6 })).value, 36);
    });

    it('refuses a job when its queue is full', async () => {
        open({ maxQueued: 2 });
        const controller = new AbortController();
        const jobs = [1, 2, 3].map(() => pool.run({ kind: 'until-stopped' }, { signal: controller.signal }));
        await assert.rejects(pool.run({ kind: 'square', n: 1 }), /Too many runs are waiting \(2\)/);
        controller.abort();
        for (const job of jobs) await assert.rejects(job, reason('cancelled'));
    });

    it('lets a newer job with the same key supersede the older one, and cancels a group', async () => {
        open({ size: 2 });
        const older = pool.run({ kind: 'until-stopped' }, { key: 'preview:a' });
        const newer = pool.run({ kind: 'square', n: 7, ms: 100 }, { key: 'preview:a' });
        await assert.rejects(older, (e: unknown) => reason('cancelled')(e) && /Superseded/.test((e as Error).message));
        assert.equal((await newer).value, 49);
        const grouped = pool.run({ kind: 'until-stopped' }, { group: 'file:///a.cascade' });
        const other = pool.run({ kind: 'square', n: 2, ms: 100 }, { group: 'file:///b.cascade' });
        pool.cancelGroup('file:///a.cascade', 'The document changed.');
        await assert.rejects(grouped, /The document changed/);
        assert.equal((await other).value, 4);
    });

    it('starts its workers ahead of the first job when asked, so that job does not wait for a slow start', async () => {
        const firstJob = async (start: boolean) => {
            const ahead = open({ workerData: { startMs: 600 } });
            if (start) {
                ahead.start();
                await new Promise(r => setTimeout(r, 1500));
            }
            const sent = performance.now();
            await ahead.run({ kind: 'square', n: 2 });
            ahead.dispose();
            return performance.now() - sent;
        };
        const cold = await firstJob(false);
        const warm = await firstJob(true);
        assert.ok(cold >= 600, `a cold worker answers after its start: ${cold.toFixed(0)} ms`);
        assert.ok(warm < cold - 300, `a started worker answers at once: ${warm.toFixed(0)} ms against ${cold.toFixed(0)} ms`);
    });

    it('reports progress as the job goes', async () => {
        open();
        const seen: number[] = [];
        await pool.run({ kind: 'progress' }, { onProgress: f => seen.push(f) });
        assert.ok(seen.length >= 2, `progress reported ${seen.length} times`);
        assert.ok(seen.every((f, i) => i === 0 || f > seen[i - 1]));
    });

    it('keeps a process alive while a job runs, and lets it end once the pool is idle', () => {
        const module = new URL('../../src/pool/worker-pool.js', import.meta.url).href;
        const program = `import { WorkerPool } from ${JSON.stringify(module)};
            const pool = new WorkerPool({ script: new URL(${JSON.stringify(script.href)}) });
            pool.run({ kind: 'square', n: 9, ms: 200 }).then(o => console.log(o.value));`;
        // A file, not `--eval`: workers inherit the process's flags, and `--input-type` would break them.
        const folder = mkdtempSync(path.join(tmpdir(), 'cascade-pool-'));
        try {
            writeFileSync(path.join(folder, 'idle.mjs'), program);
            const child = spawnSync(process.execPath, [path.join(folder, 'idle.mjs')], { encoding: 'utf8', timeout: 10000 });
            assert.equal(child.signal, null, 'the process ended on its own');
            assert.equal(child.stdout.trim(), '81', child.stderr);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });
});
