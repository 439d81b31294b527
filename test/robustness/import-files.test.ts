import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { ModelLoader, type CascadeDiagnostic } from '@neurocascade/language';
import { cascade } from './cli.js';

/** What an import may find on disk; only `cascade` and `inside-link` may be read. */
const ENTRY_KINDS = ['cascade', 'inside-link', 'outside-link', 'dev-zero-link', 'fifo', 'folder', 'text', 'oversized', 'dangling-link'] as const;
type EntryKind = typeof ENTRY_KINDS[number];

/** The reason each refused kind is reported with, on the import line. */
const REASONS: Record<Exclude<EntryKind, 'cascade' | 'inside-link'>, RegExp> = {
    'outside-link': /is a link to '.*outside\.cascade', outside the workspace folder/,
    'dev-zero-link': /is a link to '\/dev\/zero', outside the workspace folder/,
    fifo: /is not a regular file/,
    folder: /is a folder, not a file/,
    text: /only \.cascade files can be imported/,
    oversized: /is 10\.5 MB; imported files may be at most 10 MB/,
    'dangling-link': /Cannot find/
};

/** Makes `name` in `folder` an entry of the kind; the workspace's sibling `outside.cascade` declares `Secret`. */
function makeEntry(folder: string, name: string, kind: EntryKind, index: number): string {
    const file = path.join(folder, kind === 'text' ? `${name}.txt` : `${name}.cascade`);
    switch (kind) {
        case 'cascade': writeFileSync(file, `parameter p${index} = ${index}\n`); break;
        case 'inside-link': writeFileSync(path.join(folder, `t${index}.cascade`), `parameter p${index} = ${index}\n`); symlinkSync(`t${index}.cascade`, file); break;
        case 'outside-link': symlinkSync('../outside.cascade', file); break;
        case 'dev-zero-link': symlinkSync('/dev/zero', file); break;
        case 'fifo': execFileSync('mkfifo', [file]); break;
        case 'folder': mkdirSync(file); break;
        case 'text': writeFileSync(file, 'parameter fromText = 1\n'); break;
        // Sparse: 10.5 MB on paper, no disk used.
        case 'oversized': writeFileSync(file, 'parameter big = 1\n'); truncateSync(file, 10_500_000); break;
        case 'dangling-link': symlinkSync('nowhere.cascade', file); break;
    }
    return path.basename(file);
}

function workspaceWith(kinds: readonly EntryKind[]): { root: string; workspace: string; main: string } {
    const root = mkdtempSync(path.join(tmpdir(), 'cascade-imports-'));
    const workspace = path.join(root, 'ws');
    mkdirSync(workspace);
    writeFileSync(path.join(root, 'outside.cascade'), 'parameter Secret = 1\n');
    const names = kinds.map((kind, i) => makeEntry(workspace, `e${i}`, kind, i));
    const main = path.join(workspace, 'main.cascade');
    writeFileSync(main, names.map(name => `import "./${name}"`).join('\n') + '\nparameter total = 1\n');
    return { root, workspace, main };
}

/** The errors on each import line (1-based lines), from a check of the workspace folder. */
function errorsByLine(diagnostics: CascadeDiagnostic[], main: string): Map<number, string[]> {
    const lines = new Map<number, string[]>();
    for (const d of diagnostics) {
        if (d.file !== main || d.severity !== 'error') continue;
        lines.set(d.line, [...(lines.get(d.line) ?? []), d.message]);
    }
    return lines;
}

describe('imports of links and special files', function () {
    this.timeout(120_000);

    it('cascade check <folder> reports each bad import on its line and still checks every other file', () => {
        const kinds = [...ENTRY_KINDS];
        const { root, workspace, main } = workspaceWith(kinds);
        try {
            writeFileSync(path.join(workspace, 'other.cascade'), 'import "."\nparameter q = missing\n');
            const started = performance.now();
            const run = cascade(['check', workspace, '--format', 'json'], workspace);
            assert.ok(performance.now() - started < 30_000, 'no hang on the FIFO or /dev/zero');
            assert.equal(run.status, 1, run.stderr);
            const diagnostics = JSON.parse(run.stdout) as CascadeDiagnostic[];
            const byLine = errorsByLine(diagnostics, main);
            kinds.forEach((kind, i) => {
                const errors = byLine.get(i + 1) ?? [];
                if (kind === 'cascade' || kind === 'inside-link') assert.deepEqual(errors, [], `${kind} on line ${i + 1}`);
                else assert.ok(errors.some(message => REASONS[kind].test(message)), `${kind} on line ${i + 1}: ${JSON.stringify(errors)}`);
            });
            const other = diagnostics.filter(d => d.file === path.join(workspace, 'other.cascade')).map(d => d.message);
            assert.ok(other.some(m => /missing/.test(m)), JSON.stringify(other));
            assert.ok(other.some(m => /Cannot import '\.': only \.cascade files/.test(m)), JSON.stringify(other));
            assert.ok(!diagnostics.some(d => /Secret|fromText|big/.test(d.message)), 'no name from a refused file');
            // Named on the command line, a FIFO is a usage error at once, not a read that waits forever.
            const fifo = kinds.indexOf('fifo');
            const direct = cascade(['check', path.join(workspace, `e${fifo}.cascade`)], workspace);
            assert.equal(direct.status, 2);
            assert.match(direct.stderr, /not a regular file or folder/);
        } finally {
            rmSync(root, { recursive: true, force: true });
        }
    });

    it('reads only regular .cascade files inside the workspace, whatever the mix of links and special files (fuzzed)', async () => {
        let runs = 0;
        await fc.assert(fc.asyncProperty(fc.array(fc.constantFrom(...ENTRY_KINDS), { minLength: 1, maxLength: 6 }), async kinds => {
            runs++;
            const { root, workspace, main } = workspaceWith(kinds);
            try {
                const loader = new ModelLoader();
                loader.addWorkspaceRoot(workspace);
                const [loaded] = await loader.loadFiles([main]);
                const byLine = errorsByLine(loaded.diagnostics, main);
                kinds.forEach((kind, i) => {
                    const errors = byLine.get(i + 1) ?? [];
                    if (kind === 'cascade' || kind === 'inside-link') assert.deepEqual(errors, [], `${kind} on line ${i + 1}`);
                    else assert.ok(errors.some(message => REASONS[kind].test(message)), `${kind} on line ${i + 1}: ${JSON.stringify(errors)}`);
                });
                const readable = kinds.filter(kind => kind === 'cascade' || kind === 'inside-link').length;
                assert.equal(loaded.model === undefined, readable < kinds.length, 'a model exactly when every import is readable');
            } finally {
                rmSync(root, { recursive: true, force: true });
            }
        }), { numRuns: 40 });
        assert.equal(runs, 40);
    });
});
