import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ModelLoader, type CascadeDiagnostic } from '@neurocascade/language';
import { BAD_INPUTS, writeCase, type BadInput } from './bad-inputs.js';
import { cascade } from './cli.js';

function assertDiagnostics(input: BadInput, diagnostics: CascadeDiagnostic[]): void {
    const codes = new Set(diagnostics.map(d => d.code));
    for (const code of input.codes) assert.ok(codes.has(code), `expected a '${code}' diagnostic, got ${[...codes].join(', ') || 'none'}`);
    if (input.message) assert.ok(diagnostics.some(d => input.message!.test(d.message)), `no diagnostic says ${input.message}`);
    assert.equal(diagnostics.some(d => d.severity === 'error'), input.exit === 1, `errors: ${diagnostics.filter(d => d.severity === 'error').map(d => d.message).slice(0, 3).join('; ')}`);
    for (const d of diagnostics) assert.ok(d.line >= 1 && d.column >= 1 && (d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column)), `bad range ${JSON.stringify(d)}`);
}

describe('bad input', function () {
    this.timeout(180_000);
    const folders = new Map<BadInput, string>();
    /** One `cascade check` over every case with the same expected exit code: the CLI starts in seconds, not milliseconds. */
    const runs = new Map<number, { status: number | null; stderr: string; diagnostics: CascadeDiagnostic[] }>();
    before(() => {
        for (const input of BAD_INPUTS) folders.set(input, writeCase(input));
        for (const exit of [0, 1]) {
            const run = cascade(['check', '--format', 'json', ...BAD_INPUTS.filter(i => i.exit === exit).map(i => path.join(folders.get(i)!, 'ws'))]);
            assert.equal(run.error, undefined, `the CLI did not finish: ${run.error?.message}`);
            runs.set(exit, { status: run.status, stderr: run.stderr, diagnostics: run.stdout ? JSON.parse(run.stdout) : [] });
        }
    });
    after(() => folders.forEach(folder => rmSync(folder, { recursive: true, force: true })));

    for (const input of BAD_INPUTS) {
        describe(input.name, () => {
            it('the language services answer with diagnostics', async () => {
                const loader = new ModelLoader();
                loader.addWorkspaceRoot(path.join(folders.get(input)!, 'ws'));
                const [loaded] = await loader.loadFiles([path.join(folders.get(input)!, input.entry)]);
                assertDiagnostics(input, loaded.diagnostics);
            });

            it(`cascade check exits ${input.exit} with the same diagnostics, without crashing or hanging`, () => {
                const run = runs.get(input.exit)!;
                assert.equal(run.stderr, '', 'nothing on stderr');
                assert.equal(run.status, input.exit);
                const entry = path.join(folders.get(input)!, input.entry);
                assertDiagnostics(input, run.diagnostics.filter(d => d.file === entry));
            });
        });
    }

    it('a file too deep to parse does not break the parsing of the next one', async () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'cascade-deep-'));
        try {
            const loader = new ModelLoader();
            const deep = await loader.loadText(`parameter p = ${'('.repeat(20_000)}1${')'.repeat(20_000)}`, path.join(folder, 'deep.cascade'));
            assert.ok(deep.diagnostics.some(d => d.code === 'syntax'));
            const next = await loader.loadText('precursor A { initial 1 uM clearance 0.1 /min }\n', path.join(folder, 'next.cascade'));
            assert.deepEqual(next.diagnostics.filter(d => d.severity === 'error'), []);
            assert.deepEqual(next.model?.species.map(s => s.name), ['A']);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });

    describe('usage and unreadable input exit 2', () => {
        for (const [what, args] of [
            ['no files', ['check']],
            ['a file that does not exist', ['check', '/nonexistent/model.cascade']],
            ['an unknown format', ['check', '--format', 'xml', 'examples']],
            ['an unknown command', ['frobnicate']]
        ] as const) {
            it(what, () => {
                const run = cascade([...args]);
                assert.equal(run.status, 2, run.stderr);
                assert.match(run.stderr, /^cascade: \S/);
            });
        }
    });
});
