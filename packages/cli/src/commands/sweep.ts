import { spawnSync } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
    analyseFitFromStarts, compileModelCached, fitJob, jobTarget, runSweep, scanResult, shardRange, sweepResult, sweepRunner, type SweepResult,
    type FitPlan, type FitStartOutcome, type PopulationOutcome, type PopulationPlan, type ScanPlan, type ScanRunOutcome, type SweepJob, type SweepMethod
} from '@neurocascade/simulator';
import { oneOf, parseArguments, positiveNumber, wholeNumber } from '../arguments.js';
import { writeFileAtomically } from '../files.js';
import { kubernetesJob, slurmScript, type ShardCommand } from '../simulation/cluster-jobs.js';
import { loadCheckedModel, requireDeclared } from '../simulation/load-model.js';
import { emit } from '../simulation/output.js';
import { SOLVER_ARGUMENTS, solverRunOptions } from '../simulation/run-options.js';
import {
    jobHash, MANIFEST, missingShards, parseShard, readManifest, readShard, shardFileName, shardNames, SHARD_FORMAT,
    type ShardFile, type SweepManifest
} from '../simulation/sweep-files.js';
import { sweepJson } from '../simulation/sweep-output.js';
import { InputError, UsageError } from '../usage.js';
import { fitJson } from './fit.js';
import { scanJsonText } from './scan.js';

const ANALYSES = ['population', 'sobol', 'morris', 'scan', 'fit'] as const;

/** What a job's runs need beyond its name: a fit's starts and seed. */
const JOB_ARGUMENTS = { analysis: { type: 'string' }, starts: { type: 'string' }, seed: { type: 'string' } } as const;

/**
 * The model, its job and the job's hash, from `<file> --name X [--analysis A] [--starts N --seed S]`:
 * the analysis is what X declares (a population, a scan, a fit), a population's by default;
 * `--analysis sobol|morris` runs a population's design.
 */
async function loadJob(file: string, values: { name?: string; analysis?: string; starts?: string; seed?: string }) {
    const { model } = await loadCheckedModel(file);
    const declared = { population: model.populations ?? [], scan: model.scans ?? [], fit: model.fits ?? [] };
    const named = (Object.keys(declared) as (keyof typeof declared)[]).find(kind => declared[kind].some(d => d.name === values.name));
    const analysis = oneOf(values.analysis, ANALYSES, named ?? 'population', '--analysis');
    const kind = analysis === 'scan' || analysis === 'fit' ? analysis : 'population';
    requireDeclared(kind, values.name, declared[kind]);
    const name = values.name ?? declared[kind][0]?.name;
    if (name === undefined) throw new UsageError(`the file declares no ${kind}`);
    if (kind !== 'fit' && (values.starts !== undefined || values.seed !== undefined)) throw new UsageError('--starts and --seed belong to a fit');
    const job: SweepJob = kind === 'scan' ? { method: 'scan', scan: name }
        : kind === 'fit' ? fitJob(name, { starts: wholeNumber(values.starts, '--starts', 1), seed: wholeNumber(values.seed, '--seed', 0) })
            : { method: analysis as SweepMethod, population: name };
    const text = await readFile(file, 'utf8');
    return { model, job, hash: jobHash(text, model, job) };
}

/** The options a shard's task passes on to `sweep run` so it runs the same job. */
const jobArguments = (job: SweepJob): string[] => (job.method === 'fit' ? ['--starts', String(job.starts), '--seed', String(job.seed)] : []);

/** `sweep run <file> --name X --shard i/N --out DIR`: one shard's runs, in this thread, to a content-addressed file. */
async function run(args: string[]): Promise<number> {
    const { values, positionals } = parseArguments(args, { name: { type: 'string' }, shard: { type: 'string' }, out: { type: 'string' }, ...JOB_ARGUMENTS, ...SOLVER_ARGUMENTS });
    if (positionals.length !== 1 || !values.shard || !values.out) throw new UsageError('sweep run needs <file> --shard i/N --out DIR');
    const { shard, shards } = parseShard(values.shard);
    const { model, job, hash } = await loadJob(positionals[0], values);
    const target = path.join(values.out, shardFileName(hash, shard, shards));
    try {
        await readShard(target);
        process.stderr.write(`cascade: ${target} is already there (the same model, job and shard)\n`);
        return 0;
    } catch {
        // Not there (or unreadable): run it.
    }
    const m = compileModelCached(model);
    const { plan } = sweepRunner(m, job);
    const { outcomes } = runSweep(m, job, { ...solverRunOptions(values), indices: shardRange(plan.runs, shard, shards) });
    const content: ShardFile = { format: SHARD_FORMAT, jobHash: hash, shard, shards, model: path.resolve(positionals[0]), plan, outcomes };
    await mkdir(values.out, { recursive: true });
    await writeFileAtomically(target, JSON.stringify(content) + '\n');
    return 0;
}

/** The job in a folder: the manifest's, else the only one whose shards are there. */
async function folderJob(folder: string): Promise<{ hash: string; shards: number; present: { shard: number; shards: number; file: string }[] }> {
    const [manifest, byJob] = await Promise.all([readManifest(folder), shardNames(folder)]);
    if (manifest) return { hash: manifest.jobHash, shards: manifest.shards, present: (byJob.get(manifest.jobHash) ?? []).filter(p => p.shards === manifest.shards) };
    if (byJob.size === 0) throw new InputError(`${folder} holds no shard files and no ${MANIFEST}`);
    if (byJob.size > 1) throw new InputError(`${folder} holds shards of ${byJob.size} jobs (${[...byJob.keys()].join(', ')}); keep one job per folder`);
    const [[hash, present]] = byJob;
    const counts = new Set(present.map(p => p.shards));
    if (counts.size > 1) throw new InputError(`${folder} holds shards of job ${hash} split ${[...counts].join(' and ')} ways`);
    return { hash, shards: present[0].shards, present };
}

/**
 * A fit's starts finished on its model (the shards' file, unchanged since they ran): the best
 * start's report, its profiles and the Fisher check, as `cascade fit --format json` prints them.
 */
async function mergedFit(file: string, hash: string, plan: FitPlan, outcomes: FitStartOutcome[]): Promise<string> {
    const { model, hash: now } = await loadJob(file, { name: plan.job.fit, analysis: 'fit', starts: String(plan.job.starts), seed: String(plan.job.seed) });
    if (now !== hash) throw new InputError(`${file} has changed since shards of job ${hash} ran (it is now job ${now}); run them again`);
    const { result, profiles, fisher } = analyseFitFromStarts(model, plan.job, outcomes);
    return fitJson(result, profiles, fisher);
}

/** `sweep merge DIR [-o result.json] [--members]`: every shard's runs in index order, as `cascade population|sobol|morris|scan|fit --format json` prints them. */
async function merge(args: string[]): Promise<number> {
    const { values, positionals } = parseArguments(args, { out: { type: 'string', short: 'o' }, members: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError('sweep merge needs exactly one folder');
    const { hash, shards, present } = await folderJob(positionals[0]);
    const missing = missingShards(present, shards);
    if (missing.length > 0) throw new InputError(`job ${hash}: ${missing.length} of ${shards} shards missing (${missing.join(', ')}); 'cascade sweep status' lists them`);
    const files = await Promise.all([...present].sort((a, b) => a.shard - b.shard).map(p => readShard(p.file)));
    const { plan } = files[0];
    if (plan.job.method === 'fit') {
        await emit(await mergedFit(files[0].model, hash, plan as FitPlan, files.flatMap(f => f.outcomes as FitStartOutcome[])), values.out);
        return 0;
    }
    if (plan.job.method === 'scan') {
        await emit(scanJsonText(scanResult(plan as ScanPlan, files.flatMap(f => f.outcomes as ScanRunOutcome[]))), values.out);
        return 0;
    }
    const outcomes = files.flatMap(f => f.outcomes as PopulationOutcome[]);
    await emit(sweepJson(sweepResult(plan as PopulationPlan, outcomes, { members: values.members }) as SweepResult), values.out);
    return 0;
}

/** `sweep status DIR`: shards done and missing; exit 1 while any is missing. */
async function status(args: string[]): Promise<number> {
    const { positionals } = parseArguments(args, {});
    if (positionals.length !== 1) throw new UsageError('sweep status needs exactly one folder');
    const { hash, shards, present } = await folderJob(positionals[0]);
    const missing = missingShards(present, shards);
    process.stdout.write(`job ${hash}: ${shards - missing.length} of ${shards} shards done\n${missing.length > 0 ? `missing: ${missing.join(' ')}\n` : ''}`);
    return missing.length > 0 ? 1 : 0;
}

/** `sweep submit <file> --name X --slurm|--kubernetes [--shards N] --out DIR`: the manifest, the job script, and (Slurm) its submission. */
async function submit(args: string[]): Promise<number> {
    const { values, positionals } = parseArguments(args, {
        name: { type: 'string' }, shards: { type: 'string' }, out: { type: 'string' }, ...JOB_ARGUMENTS,
        slurm: { type: 'boolean' }, kubernetes: { type: 'boolean' }, 'no-submit': { type: 'boolean' },
        image: { type: 'string' }, claim: { type: 'string' }, parallelism: { type: 'string' }, cascade: { type: 'string' }
    });
    if (positionals.length !== 1 || !values.out) throw new UsageError('sweep submit needs <file> --out DIR');
    if (values.slurm === values.kubernetes) throw new UsageError('sweep submit needs one of --slurm and --kubernetes');
    const { model, job, hash } = await loadJob(positionals[0], values);
    const { plan } = sweepRunner(compileModelCached(model), job);
    const shards = positiveNumber(values.shards, '--shards') ?? Math.min(plan.runs, 100);
    if (!Number.isInteger(shards) || shards > plan.runs) throw new UsageError(`--shards must be a whole number from 1 to ${plan.runs} (the job's runs), not ${shards}`);
    const out = path.resolve(values.out);
    await mkdir(out, { recursive: true });
    const manifest: SweepManifest = { jobHash: hash, job, shards, runs: plan.runs, model: path.resolve(positionals[0]) };
    await writeFileAtomically(path.join(out, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
    const jobName = `cascade-${jobTarget(job).toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 40)}-${hash.slice(0, 8)}`;
    if (values.kubernetes) {
        // In the pod, paths are relative to the working folder the volume is mounted at (this folder here).
        const here = process.cwd();
        const command: ShardCommand = { cascade: values.cascade ? values.cascade.split(' ') : ['cascade'], file: path.relative(here, manifest.model), name: jobTarget(job), analysis: job.method, options: jobArguments(job), out: path.relative(here, out) || '.', shards };
        const manifestFile = path.join(out, 'sweep-job.json');
        const parallelism = positiveNumber(values.parallelism, '--parallelism') ?? shards;
        await writeFileAtomically(manifestFile, JSON.stringify(kubernetesJob(command, jobName, { image: values.image ?? 'neurocascade/cli:latest', claim: values.claim ?? 'cascade-sweep', workingDir: here, parallelism }), null, 2) + '\n');
        process.stdout.write(`${manifestFile}: an Indexed Job of ${shards} pods; submit it with 'kubectl apply -f ${manifestFile}'\n`);
        return 0;
    }
    const command: ShardCommand = { cascade: values.cascade ? values.cascade.split(' ') : [process.execPath, path.resolve(process.argv[1])], file: manifest.model, name: jobTarget(job), analysis: job.method, options: jobArguments(job), out, shards };
    const script = path.join(out, 'sweep.sbatch');
    await writeFileAtomically(script, slurmScript(command, jobName));
    if (values['no-submit']) {
        process.stdout.write(`${script}: a job array of ${shards} tasks; submit it with 'sbatch ${script}'\n`);
        return 0;
    }
    const sbatch = spawnSync('sbatch', ['--parsable', script], { encoding: 'utf8' });
    if (sbatch.error || sbatch.status !== 0) throw new InputError(`sbatch failed: ${sbatch.error?.message ?? sbatch.stderr.trim()}`);
    process.stdout.write(`${sbatch.stdout.trim()}\n`);
    return 0;
}

/** `cascade sweep run|merge|submit|status …`: a population, Sobol, Morris, scan or fit job split into shards (docs/analysis.md#sweeps). */
export async function sweep(args: string[]): Promise<number> {
    const [action, ...rest] = args;
    switch (action) {
        case 'run': return run(rest);
        case 'merge': return merge(rest);
        case 'status': return status(rest);
        case 'submit': return submit(rest);
        default: throw new UsageError(`sweep needs run, merge, submit or status${action ? `, not '${action}'` : ''}`);
    }
}
