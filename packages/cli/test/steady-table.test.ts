import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CascadeRunResult, ScenarioRunResult, SteadyStateResult } from '@neurocascade/language/protocol';
import { toCsv } from '@neurocascade/language/csv';
import { cascadeRows, CASCADE_COLUMNS } from '@neurocascade/language/results/cascade-table';
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

    it('and the preview\'s cascade CSV is `cascade cascade --format csv`: the same rows, units and values', async () => {
        const csv = cascade(['cascade', 'examples/serotonin.cascade', '--name', 'Upstream', '--format', 'csv'], repository);
        assert.equal(csv.status, 0, csv.stderr);
        const { LspClient } = await import(path.join(repository, 'packages/language/bench/lsp-client.mjs')) as { LspClient: new (command: string, args: string[]) => LanguageClient };
        const client = new LspClient(process.execPath, [bin, 'lsp', '--stdio']);
        const model = path.join(repository, 'examples/serotonin.cascade');
        const uri = pathToFileURL(model).href;
        let result: CascadeRunResult;
        try {
            await client.initialize(pathToFileURL(path.join(repository, 'examples')).href);
            client.open(uri, readFileSync(model, 'utf8'));
            result = await client.request('cascade/runCascade', { uri, cascade: 'Upstream' }) as CascadeRunResult;
        } finally {
            await client.close();
        }
        // What the preview's Export Results as CSV writes (packages/extension/src/shared/csv.ts).
        const preview = toCsv([[...CASCADE_COLUMNS], ...cascadeRows(result, result.displayUnits)]).trim().split('\n').map(line => line.split(','));
        const printed = csv.stdout.trim().split('\n').map(line => line.split(','));
        assert.deepEqual(preview.map(row => row.slice(0, 3)), printed.map(row => row.slice(0, 3)), 'perturbations, quantities and their units');
        assert.ok(printed.some(([, name, unit]) => name === 'Serotonin_ext' && unit === 'nM'), 'the transmitter in the unit its expects are written in');
        preview.slice(1).forEach((row, i) => row.slice(3).forEach((cell, j) => {
            const cli = printed[i + 1][j + 3];
            if (cell === '' || cli === '') return assert.equal(cell, cli, `${row[0]} ${row[1]}, column ${CASCADE_COLUMNS[j + 3]}`);
            assert.ok(Math.abs(Number(cell) - Number(cli)) <= 1e-6 * Math.abs(Number(cli)) + 1e-12, `${row[0]} ${row[1]} ${CASCADE_COLUMNS[j + 3]}: ${cell} vs ${cli}`);
        }));
    });
});
