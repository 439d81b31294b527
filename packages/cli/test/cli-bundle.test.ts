import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The benchmarks' LSP client (packages/language/bench/lsp-client.mjs), as far as these tests use it. */
interface LanguageClient {
    initialize(rootUri: string | null): Promise<void>;
    diagnostics(uri: string, version?: number): Promise<{ diagnostics: { message: string }[] }>;
    open(uri: string, text: string, version?: number): void;
    change(uri: string, text: string, version: number): void;
    request(method: string, params: unknown): Promise<unknown>;
    close(): Promise<void>;
}

const cliPackage = fileURLToPath(new URL('../../', import.meta.url));
const repository = path.resolve(cliPackage, '../..');
const dist = path.join(cliPackage, 'dist');

/**
 * The CLI as `npm run build` leaves it (bin/cascade.js runs dist/, the bundle, from its code
 * cache) against the same bin/cascade.js where nothing was bundled (a copy of the package
 * with tsc's out/ only): it falls back to the modules tsc built. Both must print the same.
 */
describe('the bundled CLI', function () {
    this.timeout(120_000);
    let unbundled: string;
    let broken: string;
    before(function () {
        if (!existsSync(path.join(dist, 'commands.cjs'))) throw new Error('packages/cli/dist/commands.cjs is missing: `npm run build` bundles the CLI');
        unbundled = mkdtempSync(path.join(tmpdir(), 'cascade-unbundled-'));
        mkdirSync(path.join(unbundled, 'bin'));
        copyFileSync(path.join(cliPackage, 'bin/cascade.js'), path.join(unbundled, 'bin/cascade.js'));
        writeFileSync(path.join(unbundled, 'package.json'), JSON.stringify({ type: 'module' }));
        symlinkSync(path.join(cliPackage, 'out'), path.join(unbundled, 'out'));
        broken = path.join(unbundled, 'broken.cascade');
        writeFileSync(broken, 'model Broken\ncompartment c { volume 1 uM }\nprecursor A in c { initial 1 uM  clearance 0.1 /min }\nreaction R { A -> Nowhere rate 1 /min * A }\n');
    });
    after(() => unbundled && rmSync(unbundled, { recursive: true, force: true }));

    const run = (packageFolder: string, args: string[]) => {
        const result = spawnSync(process.execPath, [path.join(packageFolder, 'bin/cascade.js'), ...args], { cwd: repository, encoding: 'utf8', timeout: 100_000 });
        return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    const caches = (command: string) => readdirSync(dist).filter(name => name.endsWith(`.${command}.cache`));

    /** What each command does, its arguments, and the exit status a user gets. */
    const cases: [string, () => string[], number][] = [
        ['check (human) of every example, errors/ among them', () => ['check', 'examples'], 1],
        ['check --format json of a model with errors', () => ['check', '--format', 'json', broken, 'examples/serotonin.cascade'], 1],
        ['a file that is not there', () => ['check', 'not-there.cascade'], 2],
        ['check --simulate', () => ['check', '--simulate', 'examples/serotonin.cascade'], 0],
        ['simulate (CSV)', () => ['simulate', 'examples/dopamine.cascade'], 0],
        ['cascade (its perturbations run in worker threads beside the bundle)', () => ['cascade', 'examples/dopamine.cascade', '--name', 'Knockouts'], 0],
        ['--help', () => ['--help'], 0],
        ['a usage error', () => ['simulate'], 2]
    ];
    it('comes from the build with the code caches of check, simulate and steady, so a first run after an install starts from them', () => {
        for (const command of ['check', 'simulate', 'steady']) {
            assert.equal(caches(command).length, 1, `no code cache of ${command} in ${dist}: \`npm run build\` writes it (this file's last tests delete them)`);
        }
    });

    for (const [name, args, status] of cases) {
        it(`prints what the unbundled CLI prints: ${name}`, () => {
            const bundled = run(cliPackage, args());
            const fallback = run(unbundled, args());
            assert.equal(bundled.status, status, bundled.stderr);
            assert.deepEqual(bundled, fallback);
            assert.ok(bundled.stdout.length + bundled.stderr.length > 0, 'the command printed something');
        });
    }

    it('runs the bundle from a code cache it writes on the first run of each command, and starts the next from it', () => {
        for (const name of readdirSync(dist).filter(name => name.endsWith('.cache'))) rmSync(path.join(dist, name));
        const first = run(cliPackage, ['check', 'examples/serotonin.cascade']);
        assert.equal(first.status, 0, first.stderr);
        assert.equal(caches('check').length, 1, 'check leaves its cache');
        assert.equal(caches('simulate').length, 0, 'and no other command\'s');
        assert.deepEqual(run(cliPackage, ['check', 'examples/serotonin.cascade']), first);
        assert.equal(run(cliPackage, ['simulate', 'no-such-file.cascade']).status, 2);
        assert.equal(run(cliPackage, ['frobnicate']).status, 2);
        assert.deepEqual([...caches('simulate'), ...caches('frobnicate')], [], 'a run that ends in a usage error leaves no cache');
    });

    it('serves LSP the same way: diagnostics, and a scenario run in the simulation worker beside the bundle', async () => {
        const { LspClient } = await import(path.join(repository, 'packages/language/bench/lsp-client.mjs')) as { LspClient: new (command: string, args: string[]) => LanguageClient };
        const model = path.join(repository, 'examples/dopamine.cascade');
        const uri = pathToFileURL(model).href;
        const text = readFileSync(model, 'utf8');
        const session = async (packageFolder: string) => {
            const client = new LspClient(process.execPath, [path.join(packageFolder, 'bin/cascade.js'), 'lsp', '--stdio']);
            try {
                await client.initialize(null);
                const diagnostics = client.diagnostics(uri, 1);
                client.open(uri, text, 1);
                const clean = (await diagnostics).diagnostics;
                const outline = await client.request('cascade/outline', { uri }) as { scenarios: { name: string }[] };
                const run = await client.request('cascade/runScenario', { uri, scenario: outline.scenarios[0].name }) as { time: number[]; series: { name: string; values: number[] }[] };
                const broken = client.diagnostics(uri, 2);
                client.change(uri, text + '\nreaction Extra { Nowhere -> Nowhere rate 1 /min }\n', 2);
                return { clean, broken: (await broken).diagnostics, run: { time: run.time, series: run.series } };
            } finally {
                await client.close();
            }
        };
        const bundled = await session(cliPackage);
        assert.ok(bundled.broken.some(d => /Nowhere/.test(d.message)), 'the edit with an error is reported');
        assert.ok(bundled.run.time.length > 10 && bundled.run.series.length > 0, 'the scenario ran');
        assert.deepEqual(bundled, await session(unbundled));
    });

    it('produces the cascade result from the workers beside the bundle', () => {
        const result = run(cliPackage, ['cascade', 'examples/dopamine.cascade', '--name', 'Knockouts', '--format', 'json']);
        assert.equal(result.status, 0, result.stderr);
        const report = JSON.parse(result.stdout) as { perturbations: { responses: unknown[] }[] };
        assert.ok(report.perturbations.length > 1 && report.perturbations.every(p => p.responses.length > 0));
    });
});
