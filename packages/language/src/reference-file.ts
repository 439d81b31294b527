import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ReferenceLinks } from './reference-links.js';

/**
 * Finds docs/reference.md above this module — the repository's in a clone (out/src/ of the
 * language package), the copy shipped beside dist/ in the packaged extension — and links
 * diagnostics and hovers to it.
 */
export function linkReference(links: ReferenceLinks, from = fileURLToPath(import.meta.url)): string | undefined {
    for (let folder = dirname(from); ; folder = dirname(folder)) {
        const candidate = join(folder, 'docs', 'reference.md');
        if (existsSync(candidate)) {
            links.configure(pathToFileURL(candidate).href, readFileSync(candidate, 'utf8'));
            return candidate;
        }
        if (dirname(folder) === folder) return undefined;
    }
}
