import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPOSITORY } from '../robustness/cascade-inputs.js';
import { startSlurm, type SlurmCluster } from './slurm-cluster.js';

const MODEL = `
precursor X { supply 1 uM/min clearance 0.1 /min }
precursor Y { supply 2 uM/min clearance 0.5 /min }
scenario Base { simulate 60 min step 10 min observe X, Y }
population P { from Base vary X supply lognormal(cv 30%) vary Y clearance normal(sd 10%) truncated size 60 seed 11 }
scan Dose { from Base vary X supply from 0.1 uM/min to 10 uM/min in 30 steps log vary Y clearance from 0.1 /min to 1 /min in 2 steps measure X, Y at 30 min }
`;

describe('sweeps on a real single-node Slurm (slurm-wlm and munge, started here)', function () {
    this.timeout(300_000);
    let cluster: SlurmCluster;
    let folder: string;
    const cascade = (args: string[]) => spawnSync(process.execPath, [path.join(REPOSITORY, 'packages/cli/bin/cascade.js'), ...args],
        { cwd: folder, env: cluster.env, encoding: 'utf8', timeout: 120_000 });

    before(async function () {
        cluster = await startSlurm();
        folder = mkdtempSync('/tmp/cascade-slurm-sweep-');
        writeFileSync(path.join(folder, 'model.cascade'), MODEL);
    });

    after(async function () {
        await cluster?.stop();
        if (folder) rmSync(folder, { recursive: true, force: true });
    });

    /** Waits until `sweep status` reports every shard done. */
    async function waitForShards(out: string): Promise<void> {
        for (let waited = 0; ; waited += 1000) {
            const status = cascade(['sweep', 'status', out]);
            if (status.status === 0) return;
            const logs = readdirSync(path.join(folder, out)).filter(f => f.startsWith('slurm-')).map(f => readFileSync(path.join(folder, out, f), 'utf8')).join('');
            if (waited > 240_000) assert.fail(`shards still missing after 240 s: ${status.stdout}${logs}`);
            await new Promise(resolve => setTimeout(resolve, 1000));
        }
    }

    it('sweep submit --slurm runs an sbatch array whose merged result equals the local run byte for byte; resubmitting changes nothing', async function () {
        const submitted = cascade(['sweep', 'submit', 'model.cascade', '--name', 'P', '--slurm', '--shards', '4', '--out', 'out']);
        assert.equal(submitted.status, 0, submitted.stderr);
        assert.match(submitted.stdout, /^\d+\n$/, 'sbatch --parsable prints the job id');
        await waitForShards('out');
        const merged = cascade(['sweep', 'merge', 'out', '-o', 'merged.json']);
        assert.equal(merged.status, 0, merged.stderr);
        const local = cascade(['population', 'model.cascade', '--name', 'P', '--format', 'json']);
        assert.equal(local.status, 0, local.stderr);
        assert.equal(readFileSync(path.join(folder, 'merged.json'), 'utf8'), local.stdout);
        // A repeated array (a requeue, a user's second sbatch) finds every shard file and leaves it as it was.
        const shardFiles = readdirSync(path.join(folder, 'out')).filter(f => /-of-4\.json$/.test(f));
        const times = shardFiles.map(f => statSync(path.join(folder, 'out', f)).mtimeMs);
        const again = spawnSync('sbatch', ['--parsable', '--wait', path.join(folder, 'out', 'sweep.sbatch')], { env: cluster.env, encoding: 'utf8', timeout: 240_000 });
        assert.equal(again.status, 0, again.stderr);
        assert.deepEqual(shardFiles.map(f => statSync(path.join(folder, 'out', f)).mtimeMs), times);
        const logs = readdirSync(path.join(folder, 'out')).filter(f => f.startsWith('slurm-')).map(f => readFileSync(path.join(folder, 'out', f), 'utf8'));
        assert.equal(logs.filter(text => /already there/.test(text)).length, 4);
    });

    it('a scan through sbatch --array merges to the bytes of cascade scan --format json', async function () {
        const submitted = cascade(['sweep', 'submit', 'model.cascade', '--name', 'Dose', '--slurm', '--shards', '3', '--out', 'scan']);
        assert.equal(submitted.status, 0, submitted.stderr);
        await waitForShards('scan');
        const merged = cascade(['sweep', 'merge', 'scan']);
        assert.equal(merged.status, 0, merged.stderr);
        const local = cascade(['scan', 'model.cascade', '--name', 'Dose', '--format', 'json']);
        assert.equal(local.status, 0, local.stderr);
        assert.equal(merged.stdout, local.stdout);
        assert.equal(JSON.parse(local.stdout).measures[0].values.length, 30);
    });
});
