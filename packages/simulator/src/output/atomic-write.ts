/**
 * The project's one atomic file writer (CLI `--out`, `cascade import`, `cascade format`, the
 * extension's exports, the cache of compiled models): readers see the old file or the new one, never
 * half of it. It lives in the simulator package because every writer's package (CLI, SBML,
 * extension, the simulator's own cache) depends on it; it imports nothing but Node, so the
 * extension can bundle it alone (subpath `./atomic-write`).
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** What is written: the whole text or bytes, or chunks produced one after another (never all in memory). */
export type FileContent = string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/**
 * Writes `content` to `path` through a temporary file in the same folder (so the rename stays on one
 * file system). Its name is random and it is created exclusively (`wx`): a file or symlink planted
 * beside the target can neither be guessed nor written through. On any failure, including a chunk
 * source that throws, the temporary file is removed and the target is left as it was.
 */
export async function writeFileAtomic(path: string, content: FileContent): Promise<void> {
    const target = resolve(path);
    const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(8).toString('hex')}.tmp`);
    let created = false;
    try {
        const file = await open(temporary, 'wx');
        created = true;
        try {
            if (typeof content === 'string' || content instanceof Uint8Array) await file.writeFile(content);
            else for await (const chunk of content) await file.writeFile(chunk);
        } finally {
            await file.close();
        }
        await rename(temporary, target);
    } catch (error) {
        if (created) await rm(temporary, { force: true });
        throw error;
    }
}
