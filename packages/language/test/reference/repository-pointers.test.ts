import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A clone of the repository is complete: no file sends its reader to a language description
 * outside it (docs/reference.md is the reference) or to a tracker's issue numbers, and every
 * relative link of the Markdown documentation reaches a file that exists.
 */
const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));

/** Tracked text files, as git lists them (generated bundles are not tracked). */
function trackedFiles(): string[] {
    return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0')
        .filter(file => /\.(ts|mts|mjs|js|json|langium|md|cascade|txt|yml|yaml)$/.test(file) && existsSync(join(ROOT, file)));
}

const OUTSIDE = [
    { pattern: /shared\/spec|LANGUAGE\.md/, what: 'the language description outside the repository' },
    { pattern: /§\s?\d/, what: 'a numbered section of that description' },
    { pattern: /\bissues? #?\d+/i, what: 'a tracker issue number' }
];

describe('pointers stay inside the repository', () => {
    const files = trackedFiles();

    it('lists the tracked files', () => {
        assert.ok(files.includes('docs/reference.md') && files.length > 100, `${files.length} files`);
    });

    it('no file points to the outside language description or to tracker issue numbers', () => {
        const found: string[] = [];
        for (const file of files) {
            readFileSync(join(ROOT, file), 'utf8').split('\n').forEach((line, index) => {
                for (const { pattern, what } of OUTSIDE) if (pattern.test(line)) found.push(`${file}:${index + 1}: ${what}: ${line.trim().slice(0, 120)}`);
            });
        }
        assert.deepEqual(found, []);
    });

    it('every relative link of the Markdown documentation reaches an existing file', () => {
        const broken: string[] = [];
        for (const file of files.filter(f => f.endsWith('.md'))) {
            const text = readFileSync(join(ROOT, file), 'utf8');
            for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
                if (/^[a-z]+:/.test(target)) continue;
                if (!existsSync(resolve(ROOT, dirname(file), target))) broken.push(`${file}: ${target}`);
            }
        }
        assert.deepEqual(broken, []);
    });
});
