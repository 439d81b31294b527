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

    /** The server over stdio with `text` open in it: `ask` requests its hints, `refreshed` resolves at the server's next refresh request. */
    async function serverWith(root: string, text: string, lines: number) {
        const { LspClient } = await import(pathToFileURL(join(PACKAGE, 'bench/lsp-client.mjs')).href);
        const client = new LspClient(process.execPath, [join(PACKAGE, 'out/src/server.js'), '--stdio']);
        let onRefresh = () => undefined as void;
        client.connection.onRequest('workspace/inlayHint/refresh', () => { onRefresh(); return null; });
        await client.initialize(root);
        const uri = `${root}/model.cascade`;
        const published = client.diagnostics(uri);
        client.open(uri, text);
        await published;
        return {
            client,
            ask: () => client.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } } }) as Promise<{ label: string; position: { line: number } }[]>,
            refreshed: () => new Promise<void>(resolve => { onRefresh = resolve; })
        };
    }

    it('answer at once with what is ready, and ask the client to refresh when the values arrive', async () => {
        const { client, ask, refreshed } = await serverWith('file:///stdio-hints', 'precursor A { supply 1 uM/min clearance 0.5 /min }\n', 2);
        const refresh = refreshed();
        try {
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

    it('show the step that controls each process\'s flux most when cascade.controlHints is on', async () => {
        // At steady state the supply sets the flux through E: Cᴶ of A.supply is 1, of E itself 0.
        const { client, ask, refreshed } = await serverWith('file:///control-hints',
            'precursor A { supply 1 uM/min }\nmetabolite B { clearance 0.1 /min }\nenzyme E { converts A -> B  vmax 3 uM/min  km 5 uM }\nscenario Base { simulate 60 min }\n', 4);
        try {
            const labels = async () => {
                for (let attempt = 0; attempt < 50; attempt++) {
                    const refresh = refreshed();
                    const hints = await ask();
                    if (hints.some(h => h.position.line === 2) && hints.length === 3) return hints.map(h => [h.position.line, h.label]);
                    await Promise.race([refresh, new Promise(resolve => setTimeout(resolve, 200))]);
                }
                throw new Error('the hints never arrived');
            };
            assert.equal((await ask()).some(h => h.position.line === 2), false, 'off by default');
            client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { cascade: { controlHints: true } } });
            assert.deepEqual(await labels(), [[0, '≈ 2.5 µM'], [1, '≈ 10 µM'], [2, 'Cᴶ A.supply 1']]);
        } finally {
            await client.close();
        }
    });
});
