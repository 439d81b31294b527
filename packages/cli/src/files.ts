import { existsSync, promises as fs, statSync } from 'node:fs';
import { writeFileAtomic, type FileContent } from '@neurocascade/simulator/atomic-write';
import path from 'node:path';
import { InputError } from './usage.js';

/** The `.cascade` files named on the command line, folders searched recursively. */
export async function collectCascadeFiles(inputs: readonly string[]): Promise<string[]> {
    const files: string[] = [];
    for (const input of inputs) {
        const absolute = path.resolve(input);
        let stat;
        try {
            stat = statSync(absolute);
        } catch {
            throw new InputError(`cannot read '${input}': no such file or folder`);
        }
        if (stat.isDirectory()) files.push(...(await cascadeFilesIn(absolute)));
        else if (stat.isFile()) files.push(absolute);
        // Reading a FIFO would wait forever, a device such as /dev/zero would never end.
        else throw new InputError(`cannot read '${input}': not a regular file or folder`);
    }
    return files;
}

async function cascadeFilesIn(folder: string): Promise<string[]> {
    const entries = await fs.readdir(folder, { withFileTypes: true, recursive: true });
    return entries
        .filter(entry => entry.isFile() && entry.name.endsWith('.cascade'))
        .map(entry => path.join(entry.parentPath ?? entry.path, entry.name))
        .sort();
}

/**
 * The folders imports may reach when checking these inputs: each folder given, or a file's
 * project — the nearest folder above it holding a package.json or .git, as an editor opens it
 * (so `examples/validation/x.cascade` may import `../model.cascade`) — else the file's folder.
 */
export function workspaceRoots(inputs: readonly string[]): string[] {
    return inputs.map(input => {
        const absolute = path.resolve(input);
        try {
            if (statSync(absolute).isDirectory()) return absolute;
        } catch {
            return path.dirname(absolute);
        }
        return projectFolder(path.dirname(absolute)) ?? path.dirname(absolute);
    });
}

function projectFolder(start: string): string | undefined {
    for (let folder = start; ; folder = path.dirname(folder)) {
        if (['package.json', '.git'].some(marker => existsSync(path.join(folder, marker)))) return folder;
        if (path.dirname(folder) === folder) return undefined;
    }
}

/** Writes a whole file or nothing (see writeFileAtomic); a failure is the user's input error. */
export async function writeFileAtomically(target: string, content: FileContent): Promise<void> {
    try {
        await writeFileAtomic(target, content);
    } catch (error) {
        throw new InputError(`cannot write '${target}': ${error instanceof Error ? error.message : String(error)}`);
    }
}

export async function readInput(file: string): Promise<string> {
    try {
        return await fs.readFile(file, 'utf8');
    } catch (error) {
        throw new InputError(`cannot read '${file}': ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error)}`);
    }
}
