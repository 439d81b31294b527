/**
 * Compiled models kept on disk, for fresh processes: the CLI's second run of an unchanged model,
 * and the language server's simulation worker after a restart, read the model's equation
 * system and generated programs back (compiled-model-snapshot.ts) instead of building,
 * differentiating and writing them again (docs/reference.md#the-cache-of-compiled-models).
 *
 * A file is used only when its first line names this cache format and this build of the
 * simulator, its second line is the model's whole IR as the key (compared in full, not by
 * hash), and its payload matches the SHA-256 the third line gives; anything else (another build,
 * a damaged or truncated file, a foreign one) is compiled afresh and written over. Files are
 * written atomically; the folder is kept under a size bound, the least recently used files
 * removed first.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { endianness, homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelIR } from '../ir.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { assembleModel, compileModel, modelPrograms, type CompiledModel } from './compiled-model.js';
import { modelSnapshot, restoreModel, type ModelSnapshot } from './compiled-model-snapshot.js';
import { EquationBuilder } from './equation-builder.js';

const FORMAT = 'neurocascade compiled model 1';
/** The folder's bound: a 1,000-species network's file is about 2 MB. */
export const COMPILED_MODEL_CACHE_BYTES = 200 * 2 ** 20;
/** A temporary file this old was left by a process that died while writing. */
const ABANDONED_MS = 10 * 60_000;
const SUFFIX = '.model';

/** A model's content as text: its IR written out in full, −0, NaN and ±Infinity told apart (JSON writes them as 0 and null). */
export function modelKey(ir: ModelIR): string {
    return JSON.stringify(ir, (_key, value: unknown) =>
        typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0)) ? { number: Object.is(value, -0) ? '-0' : String(value) } : value);
}

/**
 * The user's folder for compiled models: `$NEUROCASCADE_CACHE_DIR/compiled-models`, else under
 * `$XDG_CACHE_HOME/neurocascade` or `~/.cache/neurocascade`. NEUROCASCADE_CACHE_DIR set empty turns the cache off.
 */
export function compiledModelFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
    const own = env.NEUROCASCADE_CACHE_DIR;
    if (own !== undefined) return own === '' ? undefined : join(own, 'compiled-models');
    // The XDG base directory specification ignores a relative XDG_CACHE_HOME.
    const xdg = env.XDG_CACHE_HOME;
    return join(xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache'), 'neurocascade', 'compiled-models');
}

let build: string | undefined;

/**
 * This build of the simulator: the byte order (tables are kept as raw bytes) and the size and
 * modification time of every script beside this module and one folder up (tsc's model/ and src/
 * folders, or the one bundle holding it all), so that a rebuilt compiler never reads a file an
 * older one wrote.
 */
function buildIdentity(): string {
    if (build === undefined) {
        const here = fileURLToPath(new URL('.', import.meta.url));
        const scripts = [here, dirname(here)].flatMap(folder => readdirSync(folder).filter(f => /\.[cm]?js$/.test(f)).sort().map(f => {
            const { size, mtimeNs } = statSync(join(folder, f), { bigint: true });
            return `${f}:${size}:${mtimeNs}`;
        }));
        build = [endianness(), ...scripts].join(' ');
    }
    return build;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export class CompiledModelCache {
    private readonly writes = new Set<Promise<void>>();

    constructor(readonly folder: string, private readonly maxBytes = COMPILED_MODEL_CACHE_BYTES) {}

    /** The user's cache (compiledModelFolder), or none when it is turned off. */
    static forUser(env: NodeJS.ProcessEnv = process.env): CompiledModelCache | undefined {
        const folder = compiledModelFolder(env);
        return folder === undefined ? undefined : new CompiledModelCache(folder);
    }

    /** The model of `ir` (whose modelKey is `key`): read from its file, or compiled and written to it after this turn of the event loop. */
    compile(ir: ModelIR, key = modelKey(ir)): CompiledModel {
        let identity: string;
        try {
            identity = `${FORMAT} ${buildIdentity()}\n${key}\n`;
        } catch {
            // This build's scripts cannot be found (an unusual bundle): nothing could tell its files from another's.
            return compileModel(ir);
        }
        const file = join(this.folder, sha256(identity) + SUFFIX);
        const kept = this.read(file, identity, ir);
        if (kept) return kept;
        const system = new EquationBuilder(ir).build();
        const programs = modelPrograms(system);
        this.write(file, identity, () => modelSnapshot(system, programs));
        return assembleModel(system, programs);
    }

    /** Resolves when every file this cache began to write is written (or failed to be). */
    async settled(): Promise<void> {
        while (this.writes.size > 0) await Promise.all(this.writes);
    }

    private read(file: string, identity: string, ir: ModelIR): CompiledModel | undefined {
        let text: string;
        try {
            text = readFileSync(file, 'utf8');
        } catch {
            return undefined;
        }
        if (!text.startsWith(identity)) return undefined;
        const digestEnd = identity.length + 64;
        const payload = text.slice(digestEnd + 1);
        if (text[digestEnd] !== '\n' || text.slice(identity.length, digestEnd) !== sha256(payload)) return undefined;
        try {
            const model = restoreModel(ir, JSON.parse(payload) as ModelSnapshot);
            // Its time of use, for the bound: the least recently used files go first.
            const now = new Date();
            utimesSync(file, now, now);
            return model;
        } catch {
            return undefined;
        }
    }

    private write(file: string, identity: string, snapshot: () => ModelSnapshot): void {
        const written = new Promise<void>(resolve => setImmediate(() => resolve())).then(async () => {
            const payload = JSON.stringify(snapshot());
            mkdirSync(this.folder, { recursive: true, mode: 0o700 });
            await writeFileAtomic(file, `${identity}${sha256(payload)}\n${payload}`);
            this.prune();
        }).catch(() => {
            // A cache that cannot be written (a read-only home, a full disk) only costs the next run its compile.
        }).finally(() => this.writes.delete(written));
        this.writes.add(written);
    }

    /** Removes the least recently used files beyond the bound, and temporary files abandoned by a process that died writing. */
    private prune(): void {
        const now = Date.now();
        const files = readdirSync(this.folder).flatMap(name => {
            try {
                return [{ name, ...statSync(join(this.folder, name)) }];
            } catch {
                return [];
            }
        });
        for (const f of files) if (f.name.endsWith('.tmp') && now - f.mtimeMs > ABANDONED_MS) rmSync(join(this.folder, f.name), { force: true });
        const models = files.filter(f => f.name.endsWith(SUFFIX)).sort((a, b) => b.mtimeMs - a.mtimeMs);
        let total = 0;
        for (const [n, f] of models.entries()) {
            total += f.size;
            // The newest file stays even when it alone is over the bound.
            if (n > 0 && total > this.maxBytes) rmSync(join(this.folder, f.name), { force: true });
        }
    }
}

let processCache: CompiledModelCache | undefined;

/** Makes every run of this process that is given an IR compile it through `cache` (none: compile every time). */
export function useCompiledModelCache(cache: CompiledModelCache | undefined): void {
    processCache = cache;
}

/** The compiled model of `ir`, through this process's cache when it has one. */
export function compileModelCached(ir: ModelIR): CompiledModel {
    return processCache ? processCache.compile(ir) : compileModel(ir);
}
