/**
 * Shard files of a sweep (docs/analysis.md#sweeps): `<job>-<i>-of-<N>.json` in the output
 * folder, where <job> is a hash of the model's text, its lowered form and the job, so a
 * changed model never mixes with old shards and a repeated task finds its file already there.
 * The manifest `sweep.json` (written by `sweep submit`) names the job and its shard count.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ModelIR, RunOutcome, SweepJob, SweepPlan } from '@neurocascade/simulator';
import { InputError } from '../usage.js';

export const SHARD_FORMAT = 'neurocascade-sweep-shard/1';
export const MANIFEST = 'sweep.json';

export interface ShardFile {
    format: typeof SHARD_FORMAT;
    jobHash: string;
    shard: number;
    shards: number;
    /** The model file the shard ran (absolute): a fit's merge finishes on it. */
    model: string;
    plan: SweepPlan;
    outcomes: RunOutcome[];
}

export interface SweepManifest {
    jobHash: string;
    job: SweepJob;
    shards: number;
    runs: number;
    model: string;
}

export function jobHash(modelText: string, ir: ModelIR, job: SweepJob): string {
    return createHash('sha256').update(modelText).update('\0').update(JSON.stringify(ir)).update('\0').update(JSON.stringify(job)).digest('hex').slice(0, 16);
}

export const shardFileName = (hash: string, shard: number, shards: number) => `${hash}-${shard}-of-${shards}.json`;
const SHARD_NAME = /^([0-9a-f]{16})-(\d+)-of-(\d+)\.json$/;

/** `i/N` with 0 ≤ i < N. */
export function parseShard(text: string): { shard: number; shards: number } {
    const match = /^(\d+)\/(\d+)$/.exec(text);
    const shard = Number(match?.[1]), shards = Number(match?.[2]);
    if (!match || !(shards >= 1 && shard < shards)) throw new InputError(`--shard must be i/N with 0 ≤ i < N, not '${text}'`);
    return { shard, shards };
}

/** The shard files in a folder, by job. */
export async function shardNames(folder: string): Promise<Map<string, { shard: number; shards: number; file: string }[]>> {
    let names: string[];
    try {
        names = await readdir(folder);
    } catch (error) {
        throw new InputError(`cannot read '${folder}': ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : String(error)}`);
    }
    const byJob = new Map<string, { shard: number; shards: number; file: string }[]>();
    for (const name of names.sort()) {
        const match = SHARD_NAME.exec(name);
        if (!match) continue;
        const entry = { shard: Number(match[2]), shards: Number(match[3]), file: path.join(folder, name) };
        byJob.set(match[1], [...(byJob.get(match[1]) ?? []), entry]);
    }
    return byJob;
}

export async function readManifest(folder: string): Promise<SweepManifest | undefined> {
    try {
        return JSON.parse(await readFile(path.join(folder, MANIFEST), 'utf8')) as SweepManifest;
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new InputError(`cannot read ${path.join(folder, MANIFEST)}: ${String(error)}`);
    }
}

/** A shard file's content, checked to be one (a truncated or foreign file is an error naming it). */
export async function readShard(file: string): Promise<ShardFile> {
    let content: ShardFile;
    try {
        content = JSON.parse(await readFile(file, 'utf8')) as ShardFile;
    } catch (error) {
        throw new InputError(`cannot read shard ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (content.format !== SHARD_FORMAT) throw new InputError(`${file} is not a sweep shard (format '${String(content.format)}')`);
    return content;
}

/** Shards 0 … N − 1 missing from `present`. */
export function missingShards(present: readonly { shard: number }[], shards: number): number[] {
    const have = new Set(present.map(p => p.shard));
    return Array.from({ length: shards }, (_, i) => i).filter(i => !have.has(i));
}
