import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { cascade, folderWith } from './run-cli.js';

// X' = s − 0.1·X from 0: X(t) = 10 s (1 − e^(−t/10)); Total = X + Y at steady = 10 sX + 2 sY.
const POPULATION_MODEL = `
precursor X { supply 1 uM/min clearance 0.1 /min }
precursor Y { supply 2 uM/min clearance 0.5 /min }
rule Total = X + Y
scenario Base { simulate 60 min step 10 min observe X, Y }
population P { from Base vary X supply lognormal(cv 30%) vary Y clearance normal(sd 10%) truncated size 200 seed 7 }
population S { from Base vary X supply uniform(from 0.5 uM/min to 1.5 uM/min) vary Y supply uniform(from 1 uM/min to 3 uM/min) size 1000 measure Total at steady }
`;

describe('cascade population, sobol, morris and sweep', function () {
    this.timeout(120_000);

    it('population --format json: the fixed shape; bands of X(t) = 10 s (1 − e^(−t/10)) from the members\' supplies', () => {
        const folder = folderWith({ 'model.cascade': POPULATION_MODEL });
        const run = cascade(['population', 'model.cascade', '--name', 'P', '--workers', '2', '--format', 'json', '--members'], folder);
        assert.equal(run.status, 0, run.stderr);
        const r = JSON.parse(run.stdout);
        assert.deepEqual(Object.keys(r).slice(0, 4), ['population', 'size', 'time', 'quantities']);
        assert.deepEqual([r.population, r.size, r.time], ['P', 200, [0, 10, 20, 30, 40, 50, 60]]);
        assert.deepEqual(r.quantities.map((q: { name: string; unit: string }) => [q.name, q.unit]), [['X', 'uM'], ['Y', 'uM']]);
        assert.deepEqual(Object.keys(r.quantities[0].percentiles), ['5', '25', '50', '75', '95']);
        const supplies = r.members.map((m: { parameters: Record<string, number> }) => m.parameters['X.supply']).sort((a: number, b: number) => a - b);
        // The median of 200 values: halfway between the 100th and the 101st.
        const median = (supplies[99] + supplies[100]) / 2;
        const got = r.quantities[0].percentiles['50'][3];
        assert.ok(Math.abs(got - 10 * median * (1 - Math.exp(-3))) < 1e-4 * got, `median X at 30 min: ${got}`);
    });

    it('sobol: the fixed JSON shape and the analytic shares of Var(10 sX + 2 sY); --of picks quantities; morris: μ* = 10 and 4', () => {
        const folder = folderWith({ 'model.cascade': POPULATION_MODEL });
        const run = cascade(['sobol', 'model.cascade', '--name', 'S', '--of', 'Total', '--format', 'json'], folder);
        assert.equal(run.status, 0, run.stderr);
        const r = JSON.parse(run.stdout);
        assert.equal(r.population, 'S');
        const vx = 100 / 12, vy = 4 * 4 / 12;
        r.indices.forEach((index: { quantity: string; parameter: string; first: number; total: number }, i: number) => {
            const share = [vx, vy][i] / (vx + vy);
            assert.equal(index.quantity, 'Total');
            assert.ok(Math.abs(index.first - share) < 0.01 && Math.abs(index.total - share) < 0.01, `${index.parameter}: ${index.first} ${index.total} vs ${share}`);
        });
        const table = cascade(['sobol', 'model.cascade', '--name', 'S'], folder);
        assert.match(table.stdout, /quantity\s+parameter\s+first\s+total/);
        assert.equal(cascade(['sobol', 'model.cascade', '--name', 'S', '--of', 'Nope'], folder).status, 2);
        const morris = JSON.parse(cascade(['morris', 'model.cascade', '--name', 'S', '--format', 'json'], folder).stdout);
        assert.deepEqual(morris.effects.map((e: { muStar: number }) => Math.round(e.muStar * 1e6) / 1e6), [10, 4]);
    });

    it('bad input: an unknown or missing population, a bad shard or worker count are usage errors naming the problem', () => {
        const folder = folderWith({ 'model.cascade': POPULATION_MODEL, 'none.cascade': 'precursor X { supply 1 uM/min clearance 1 /min }\n' });
        const cases: [string[], RegExp][] = [
            [['population', 'model.cascade', '--name', 'Nope'], /no population 'Nope' \(the file has: P, S\)/],
            [['sobol', 'none.cascade'], /the file declares no population/],
            [['population', 'model.cascade', '--workers', '1.5'], /--workers must be a whole number/],
            [['sweep', 'run', 'model.cascade', '--name', 'P', '--shard', '3/3', '--out', 'o'], /--shard must be i\/N with 0 ≤ i < N, not '3\/3'/],
            [['sweep', 'run', 'none.cascade', '--shard', '0/1', '--out', 'o'], /the file declares no population/],
            [['sweep', 'merge', 'nowhere'], /cannot read 'nowhere': no such folder/],
            [['sweep', 'frobnicate'], /sweep needs run, merge, submit or status, not 'frobnicate'/]
        ];
        for (const [args, message] of cases) {
            const run = cascade(args, folder);
            assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
            assert.match(run.stderr, message);
        }
    });

    it('sweep run × N then merge gives the bytes of population --format json; a repeated shard is idempotent; status lists the missing', () => {
        const folder = folderWith({ 'model.cascade': POPULATION_MODEL });
        for (const i of [0, 1, 2, 3]) assert.equal(cascade(['sweep', 'run', 'model.cascade', '--name', 'P', '--shard', `${i}/4`, '--out', 'shards'], folder).status, 0);
        const shardFiles = readdirSync(path.join(folder, 'shards')).sort();
        assert.equal(shardFiles.length, 4);
        assert.match(shardFiles[0], /^[0-9a-f]{16}-0-of-4\.json$/);
        const before = readFileSync(path.join(folder, 'shards', shardFiles[1]), 'utf8');
        const again = cascade(['sweep', 'run', 'model.cascade', '--name', 'P', '--shard', '1/4', '--out', 'shards'], folder);
        assert.equal(again.status, 0);
        assert.match(again.stderr, /already there/);
        assert.equal(readFileSync(path.join(folder, 'shards', shardFiles[1]), 'utf8'), before);
        assert.equal(cascade(['sweep', 'merge', 'shards', '-o', 'merged.json'], folder).status, 0);
        const local = cascade(['population', 'model.cascade', '--name', 'P', '--format', 'json'], folder);
        assert.equal(readFileSync(path.join(folder, 'merged.json'), 'utf8'), local.stdout);
        rmSync(path.join(folder, 'shards', shardFiles[2]));
        const status = cascade(['sweep', 'status', 'shards'], folder);
        assert.equal(status.status, 1);
        assert.match(status.stdout, /3 of 4 shards done\nmissing: 2\n/);
        const merge = cascade(['sweep', 'merge', 'shards'], folder);
        assert.equal(merge.status, 2);
        assert.match(merge.stderr, /1 of 4 shards missing \(2\)/);
    });

    it('sweep merge of a Sobol job equals sobol --format json', () => {
        const folder = folderWith({ 'model.cascade': POPULATION_MODEL });
        for (const i of [0, 1]) assert.equal(cascade(['sweep', 'run', 'model.cascade', '--name', 'S', '--analysis', 'sobol', '--shard', `${i}/2`, '--out', 'out'], folder).status, 0);
        assert.equal(cascade(['sweep', 'merge', 'out'], folder).stdout, cascade(['sobol', 'model.cascade', '--name', 'S', '--format', 'json'], folder).stdout);
    });

    it('sweep submit --kubernetes: an Indexed Job with the fields and types batch/v1 Job requires; --slurm --no-submit: an sbatch array', () => {
        const folder = folderWith({ 'model.cascade': POPULATION_MODEL });
        const run = cascade(['sweep', 'submit', 'model.cascade', '--name', 'P', '--kubernetes', '--shards', '5', '--out', 'k8s', '--image', 'registry.example/cascade:1'], folder);
        assert.equal(run.status, 0, run.stderr);
        const job = JSON.parse(readFileSync(path.join(folder, 'k8s', 'sweep-job.json'), 'utf8'));
        // batch/v1 Job (Kubernetes API reference): apiVersion/kind strings; metadata.name a DNS-1123 label;
        // spec.template (PodTemplateSpec) required, its spec.containers required with each container's name;
        // Indexed completion needs completions; restartPolicy of a Job's pod is Never or OnFailure.
        assert.equal(job.apiVersion, 'batch/v1');
        assert.equal(job.kind, 'Job');
        assert.match(job.metadata.name, /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
        assert.equal(job.spec.completionMode, 'Indexed');
        assert.ok(Number.isInteger(job.spec.completions) && job.spec.completions === 5);
        assert.ok(Number.isInteger(job.spec.parallelism) && job.spec.parallelism >= 1);
        assert.ok(Number.isInteger(job.spec.backoffLimitPerIndex));
        const pod = job.spec.template.spec;
        assert.ok(['Never', 'OnFailure'].includes(pod.restartPolicy));
        assert.ok(Array.isArray(pod.containers) && pod.containers.length === 1);
        const [container] = pod.containers;
        assert.equal(typeof container.name, 'string');
        assert.equal(container.image, 'registry.example/cascade:1');
        assert.ok(Array.isArray(container.command) && container.command.every((w: unknown) => typeof w === 'string'));
        assert.match(container.command[2], /sweep run model\.cascade --name P --analysis population --out k8s --shard "\$JOB_COMPLETION_INDEX\/5"$/);
        assert.deepEqual(container.volumeMounts.map((v: { name: string }) => v.name), pod.volumes.map((v: { name: string }) => v.name));
        const slurm = cascade(['sweep', 'submit', 'model.cascade', '--name', 'P', '--slurm', '--shards', '3', '--out', 'slurm', '--no-submit'], folder);
        assert.equal(slurm.status, 0, slurm.stderr);
        const script = readFileSync(path.join(folder, 'slurm', 'sweep.sbatch'), 'utf8');
        assert.match(script, /#SBATCH --array=0-2\n/);
        assert.match(script, /sweep run \S+model\.cascade --name P --analysis population --out \S+slurm --shard "\$SLURM_ARRAY_TASK_ID\/3"\n/);
        assert.deepEqual(JSON.parse(readFileSync(path.join(folder, 'slurm', 'sweep.json'), 'utf8')).shards, 3);
    });
});
