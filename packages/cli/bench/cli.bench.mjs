/**
 * `npm run bench:cli`: the CLI from process start to exit, as a shell runs it (median of 10 runs):
 * `cascade --help`, `check` of a 100-line model, `simulate` of a 10-species model, and the first
 * diagnostics of `cascade lsp --stdio` on 300 and 3,000 lines, from process start. Cold rows
 * delete the bundle's code cache and the cache of compiled models (in a folder of this benchmark's,
 * NEUROCASCADE_CACHE_DIR) before each run (a first run whose caches are missing: a new Node
 * version, `lsp` and the analyses after an install, a model run for the first time); warm rows start
 * from both, as `check`, `simulate` and `steady` do at their first run after an install or build,
 * which writes their code caches, and a second run of the same model. `node -e 0` and `python3 -c "import scipy.integrate"` run beside them.
 * Targets and results are in docs/performance.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateModel } from '../../language/bench/generate-model.mjs';
import { LspClient } from '../../language/bench/lsp-client.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const bin = fileURLToPath(new URL('../bin/cascade.js', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
if (!existsSync(path.join(dist, 'commands.cjs'))) throw new Error('the CLI is not bundled: run `npm run build` first');

const folder = mkdtempSync(path.join(tmpdir(), 'cascade-cli-bench-'));
const modelCache = path.join(folder, 'cache');
const environment = { ...process.env, NEUROCASCADE_CACHE_DIR: modelCache };
const model = lines => {
    const file = path.join(folder, `model-${lines}.cascade`);
    writeFileSync(file, generateModel(lines, 'M'));
    return file;
};
const checked = model(100);
const simulated = model(90);
const species = (generateModel(90, 'M').match(/^(precursor|intermediate|transmitter) /gm) ?? []).length;

const dropCaches = () => {
    readdirSync(dist).filter(name => name.endsWith('.cache')).forEach(name => rmSync(path.join(dist, name)));
    rmSync(modelCache, { recursive: true, force: true });
};
const median = values => [...values].sort((a, b) => a - b)[values.length >> 1];

/** Milliseconds from spawning the process to its exit. */
function wholeProcess(command, args) {
    return new Promise((resolve, reject) => {
        const start = performance.now();
        const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env: environment });
        let stderr = '';
        child.stderr.on('data', chunk => (stderr += chunk));
        child.on('error', reject);
        child.on('exit', code => (code === 0 ? resolve(performance.now() - start) : reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr}`))));
    });
}

/** Milliseconds from spawning `cascade lsp --stdio` to the first diagnostics of a model of `lines` lines. */
async function firstDiagnostics(lines) {
    const file = model(lines);
    const uri = pathToFileURL(file).toString();
    const start = performance.now();
    const client = new LspClient(process.execPath, [bin, 'lsp', '--stdio']);
    await client.initialize(pathToFileURL(folder).toString());
    const diagnostics = client.diagnostics(uri, 1);
    client.open(uri, readFileSync(file, 'utf8'), 1);
    await diagnostics;
    const elapsed = performance.now() - start;
    await client.close();
    return elapsed;
}

async function measure(run, cold) {
    const times = [];
    for (let i = 0; i < RUNS; i++) {
        if (cold) dropCaches();
        times.push(await run());
    }
    return median(times);
}

const cli = (...args) => () => wholeProcess(process.execPath, [bin, ...args]);
const rows = [
    ['cascade --help', cli('--help'), 150],
    ['cascade check (100 lines)', cli('check', checked), 400],
    [`cascade simulate (${species} species)`, cli('simulate', simulated), 500],
    ['cascade lsp --stdio, first diagnostics (300 lines)', () => firstDiagnostics(300), 600],
    ['cascade lsp --stdio, first diagnostics (3,000 lines)', () => firstDiagnostics(3000), 1000]
];

const load = () => loadavg()[0].toFixed(1);
console.log(`cascade CLI start-up, median of ${RUNS} runs, process start to exit (lsp: to first diagnostics); load average ${load()} at the start`);
const table = [['', 'cold ms', 'warm ms', 'target ms']];
for (const [name, run, target] of rows) {
    const cold = await measure(run, true);
    const warm = await measure(run, false);
    table.push([name, cold.toFixed(0), warm.toFixed(0), String(target)]);
}
table.push(['node -e 0', '', (await measure(() => wholeProcess(process.execPath, ['-e', '0']), false)).toFixed(0), '']);
const scipy = spawnSync('python3', ['-c', 'import scipy.integrate']).status === 0;
table.push(['python3 -c "import scipy.integrate"', '', scipy ? (await measure(() => wholeProcess('python3', ['-c', 'import scipy.integrate']), false)).toFixed(0) : 'no SciPy here', '']);
const widths = table[0].map((_, c) => Math.max(...table.map(row => row[c].length)));
for (const row of table) console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
console.log(`load average ${load()} at the end (2 cores; other work on the machine makes every row slower)`);
rmSync(folder, { recursive: true, force: true });
