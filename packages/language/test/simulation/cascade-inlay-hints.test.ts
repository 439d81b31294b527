import { strict as assert } from 'node:assert';
import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createCascadeServices } from '../../src/cascade-module.js';
import { simulationsFor } from '../../src/simulation/cascade-simulations.js';

describe('steady-state inlay hints', function () {
    this.timeout(20000);
    const { shared, Cascade } = createCascadeServices(EmptyFileSystem);
    after(() => simulationsFor(shared).dispose());
    const hints = async (text: string, uri: string) => {
        const document = await parseHelper(Cascade)(text, { documentUri: uri, validation: true });
        const range = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };
        return (await Cascade.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri }, range })) ?? [];
    };

    it('shows each species\' steady state after its name, in base units', async () => {
        const found = await hints('precursor A { supply 1 uM/min clearance 0.5 /min }\nmetabolite B "end product" { clearance 1 /min }\nreaction R { A -> B rate 0.25 /min * A }', 'file:///hints.cascade');
        assert.deepEqual(found.map(h => [h.position, h.label]), [
            [{ line: 0, character: 11 }, '≈ 1.333 µM'],
            [{ line: 1, character: 12 }, '≈ 0.3333 µM']
        ]);
    });

    it('does not search for the steady state of a model that reads the time', async () => {
        const started = performance.now();
        const found = await hints('modulator Clock { level circadian(mean 1, amplitude 0.5, peak 0 min, period 1 min) }\nprecursor B { supply 1 uM/min * Clock.level clearance 0.1 /min }', 'file:///clock-hints.cascade');
        assert.deepEqual(found, []);
        assert.ok(performance.now() - started < 5000);
    });

    it('shows nothing for a model with errors', async () => {
        assert.deepEqual(await hints('precursor A { supply 1 uM/min clearance Missing }', 'file:///broken-hints.cascade'), []);
    });
});

/** The package folder, from out/test/simulation. */
const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), '../../..');

describe('steady-state inlay hints over stdio', function () {
    this.timeout(60_000);

    it('answer at once with what is ready, and ask the client to refresh when the values arrive', async () => {
        const { LspClient } = await import(pathToFileURL(join(PACKAGE, 'bench/lsp-client.mjs')).href);
        const client = new LspClient(process.execPath, [join(PACKAGE, 'out/src/server.js'), '--stdio']);
        let refreshed!: () => void;
        const refresh = new Promise<void>(resolve => { refreshed = resolve; });
        client.connection.onRequest('workspace/inlayHint/refresh', () => { refreshed(); return null; });
        try {
            await client.initialize('file:///stdio-hints');
            const uri = 'file:///stdio-hints/model.cascade';
            const published = client.diagnostics(uri);
            client.open(uri, 'precursor A { supply 1 uM/min clearance 0.5 /min }\n');
            await published;
            const ask = () => client.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } } }) as Promise<{ label: string }[]>;
            let hints = await ask();
            if (hints.length === 0) {
                // The worker was still starting: the server said so by asking for a refresh later.
                await refresh;
                hints = await ask();
            }
            assert.deepEqual(hints.map(h => h.label), ['≈ 2 µM']);
        } finally {
            await client.close();
        }
    });
});
