import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isWithin } from '../scoping/cascade-imports.js';

/** The largest `.cascade` file the loader reads (the largest example is a few KB; 1 MB already takes seconds to check). */
export const MAX_IMPORTED_FILE_BYTES = 10_000_000;

/**
 * Why the file an import names may not be read, or undefined when it may: it must be a `.cascade`
 * file, whose real path (symbolic links followed) lies inside one of the real `roots`, that is a
 * regular file (not a folder, FIFO or device, which would fail or block the read) within the size
 * limit. A file that does not exist is undefined here: the import check reports it as missing.
 */
export async function importRefusal(file: string, roots: readonly string[]): Promise<string | undefined> {
    if (path.extname(file) !== '.cascade') return 'only .cascade files can be imported';
    let real: string;
    try {
        real = await realpath(file);
    } catch {
        return undefined;
    }
    const realRoots = await Promise.all(roots.map(root => realpath(root).catch(() => path.resolve(root))));
    if (!realRoots.some(root => isWithin(real, root))) {
        return `it is a link to '${real}', outside the workspace folder; imports may only reach files inside it`;
    }
    return fileRefusal(real);
}

/** Why the file (links followed) may not be read as Cascade text: a folder, a special file, or over the size limit. */
export async function fileRefusal(file: string): Promise<string | undefined> {
    const found = await stat(file);
    if (found.isDirectory()) return 'it is a folder, not a file';
    if (!found.isFile()) return 'it is not a regular file (a FIFO, socket or device)';
    if (found.size > MAX_IMPORTED_FILE_BYTES) return `it is ${(found.size / 1e6).toFixed(1)} MB; imported files may be at most ${MAX_IMPORTED_FILE_BYTES / 1e6} MB`;
    return undefined;
}
