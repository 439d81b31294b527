import { statSync } from 'node:fs';
import { DefaultWorkspaceManager, type FileSystemNode } from 'langium';
import { MAX_IMPORTED_FILE_BYTES } from './import-files.js';

/**
 * The language server's workspace loading holds the import rules of import-files.ts: Langium
 * already skips symbolic links, FIFOs and devices (a directory entry of those kinds is no file)
 * and files of other extensions; this also leaves out `.cascade` files over the size limit, which
 * would otherwise be read whole into the server. Their importers report them as not found.
 */
export class CascadeWorkspaceManager extends DefaultWorkspaceManager {
    override shouldIncludeEntry(entry: FileSystemNode): boolean {
        if (!super.shouldIncludeEntry(entry)) return false;
        if (!entry.isFile || entry.uri.scheme !== 'file') return true;
        try {
            return statSync(entry.uri.fsPath).size <= MAX_IMPORTED_FILE_BYTES;
        } catch {
            return false;
        }
    }
}
