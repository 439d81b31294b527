import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ScenarioRunResult, SteadyStateResult } from '@neurocascade/language/protocol';
import { inDisplay } from '@neurocascade/language/display-units';
import { steadyRows } from '@neurocascade/language/results/steady-table';
import { cascade } from './run-cli.js';

/** The benchmarks' LSP client (packages/language/bench/lsp-client.mjs), as far as this test uses it. */
interface LanguageClient {
    initialize(rootUri: string | null): Promise<void>;
    open(uri: string, text: string, version?: number): void;
    request(method: string, params: unknown): Promise<unknown>;
    close(): Promise<void>;
}

const repository = fileURLToPath(new URL('../../../../', import.meta.url));
const bin = path.join(repository, 'packages/cli/bin/cascade.js');

/**
 * The preview's steady-state table (under a time course, and Find Steady State for a scenario)
 * is `cascade steady`'s: the rows the language server sends through the one table builder
 * against the CLI's CSV, on the serotonin example.
 */
describe('the steady-state table of the preview and of cascade steady', function () {
    this.timeout(120_000);

    it('lists the same quantities in the same units with the same values', async () => {
        const csv = cascade(['steady', 'examples/serotonin.cascade', '--scenario', 'Baseline', '--format', 'csv'], repository);
        assert.equal(csv.status, 0, csv.stderr);
        const [header, ...lines] = csv.stdout.trim().split('\n');
        assert.equal(header, 'quantity,unit,Baseline');
        const printed = lines.map(line => line.split(','));

        const { LspClient } = await import(path.join(repository, 'packages/language/bench/lsp-client.mjs')) as { LspClient: new (command: string, args: string[]) => LanguageClient };
        const client = new LspClient(process.execPath, [bin, 'lsp', '--stdio']);
        const model = path.join(repository, 'examples/serotonin.cascade');
        const uri = pathToFileURL(model).href;
        let run: ScenarioRunResult, found: SteadyStateResult;
        try {
            await client.initialize(pathToFileURL(path.join(repository, 'examples')).href);
            client.open(uri, readFileSync(model, 'utf8'));
            run = await client.request('cascade/runScenario', { uri, scenario: 'Baseline' }) as ScenarioRunResult;
            found = await client.request('cascade/steadyState', { uri, scenario: 'Baseline' }) as SteadyStateResult;
        } finally {
            await client.close();
        }
        for (const [what, values] of [['under the time course', run.steadyState ?? []], ['Find Steady State', found.values]] as const) {
            const rows = steadyRows([{ scenario: 'Baseline', values }]);
            assert.deepEqual(rows.map(row => [row.name, row.display?.unit ?? row.unit]), printed.map(([name, unit]) => [name, unit]), `${what}: the rows and their units`);
            rows.forEach((row, i) => {
                const shown = inDisplay(row.values[0], row.display)!, cli = Number(printed[i][2]);
                assert.ok(Math.abs(shown - cli) <= 1e-6 * Math.abs(cli) + 1e-12, `${what}: ${row.name} ${shown} vs ${cli} ${printed[i][1]}`);
            });
        }
        // The table a modeler checks first: the transmitter in the nanomolar unit its expects are written in, the fluxes and occupancies beside it.
        assert.ok(printed.some(([name, unit]) => name === 'Serotonin_ext' && unit === 'nM'));
        assert.ok(printed.some(([name]) => name === 'TPH2.rate') && printed.some(([name]) => name === 'HT1A.occupancy'));
    });
});
