import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadModelFromText } from '@neurocascade/language';
import { compileModel, simulateScenario } from '@neurocascade/simulator';
import { REPOSITORY } from './cascade-inputs.js';
import { cascade } from './cli.js';

/** Text that would run if it ever reached generated code or markup; each sets the canary. */
const PAYLOADS = [
    'x\\"; globalThis.pwned = 1; \\"',
    "'); globalThis.pwned = 2; ('",
    '`${globalThis.pwned = 3}`',
    '</script><script>globalThis.pwned = 4</script>',
    '\u2028globalThis.pwned = 5\u2029',
    '*/ globalThis.pwned = 6 /*',
    '\\\\u0027); globalThis.pwned = 7; //',
    '<img src=x onerror=globalThis.pwned=8>'
];
/** Declared names that are properties of every JavaScript object. */
const NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'prototype'];

const HOSTILE_MODEL = `/** ${PAYLOADS[2]} ${PAYLOADS[3]} ${PAYLOADS[4]} */
model Hostile "${PAYLOADS[0]}"
compartment constructor "${PAYLOADS[4]}" { volume 1 pL }
/** ${PAYLOADS[7]} */
precursor __proto__ "${PAYLOADS[1]}" in constructor { initial 1 uM  supply 0.1 uM/min  clearance 0.1 /min }
intermediate toString "${PAYLOADS[5]}" in constructor { initial 0 uM  clearance 0.05 /min }
enzyme valueOf "${PAYLOADS[6]}" { converts __proto__ -> toString  vmax 1 uM/min  km 2 uM }
parameter hasOwnProperty "${PAYLOADS[3]}" = 0.5
rule prototype "${PAYLOADS[2]}" = toString * hasOwnProperty
scenario Run "${PAYLOADS[7]}" {
    simulate 10 min
    observe __proto__, toString, prototype
}
`;

type Canary = { pwned?: number };

describe('security', function () {
    this.timeout(120_000);
    afterEach(() => { delete (globalThis as Canary).pwned; });

    describe('model text cannot reach generated simulator code', () => {
        it('hostile titles, doc comments and object-property names check clean, lower, compile and run without executing anything', async () => {
            const loaded = await loadModelFromText(HOSTILE_MODEL, path.join(tmpdir(), 'hostile.cascade'));
            assert.deepEqual(loaded.diagnostics.filter(d => d.severity === 'error'), []);
            const model = loaded.model!;
            assert.equal(model.title, PAYLOADS[0].replace(/\\"/g, '"'), 'the title keeps its text, escapes resolved');
            const compiled = compileModel(model);
            const result = simulateScenario(compiled, 'Run');
            assert.equal((globalThis as Canary).pwned, undefined, 'nothing executed');
            assert.deepEqual(result.series.map(s => s.name), ['__proto__', 'toString', 'prototype']);
            assert.ok(result.series.every(s => s.values.every(Number.isFinite)));
            assert.ok(result.series[1].values.at(-1)! > 0, 'the enzyme named valueOf converted __proto__ into toString');
            for (const source of compiled.sources) {
                for (const text of [...NAMES, 'pwned', 'script', 'onerror', '\u2028', '`']) {
                    assert.ok(!source.includes(text), `generated source contains ${JSON.stringify(text)}`);
                }
            }
        });

        it('the CLI prints hostile names as data: its JSON parses and nothing executes', () => {
            const folder = mkdtempSync(path.join(tmpdir(), 'cascade-hostile-'));
            try {
                writeFileSync(path.join(folder, 'hostile.cascade'), HOSTILE_MODEL);
                const run = cascade(['simulate', path.join(folder, 'hostile.cascade'), '--format', 'json']);
                assert.equal(run.status, 0, run.stderr);
                const result = JSON.parse(run.stdout) as { series: { name: string }[] };
                assert.deepEqual(result.series.map(s => s.name), ['__proto__', 'toString', 'prototype']);
                assert.equal((globalThis as Canary).pwned, undefined);
            } finally {
                rmSync(folder, { recursive: true, force: true });
            }
        });
    });

    describe('exports are written atomically', () => {
        let folder: string;
        beforeEach(() => {
            folder = mkdtempSync(path.join(tmpdir(), 'cascade-export-'));
            writeFileSync(path.join(folder, 'small.cascade'), 'precursor A { initial 1 uM clearance 0.1 /min }\n');
            // 20 species × 25,001 rows: a CSV of megabytes, written for long enough to be killed.
            const species = Array.from({ length: 20 }, (_, i) => `precursor S${i} { initial ${i + 1} uM clearance 0.0${i + 1} /min }`).join('\n');
            writeFileSync(path.join(folder, 'big.cascade'), `${species}\nscenario Long { simulate 500 min step 0.02 min }\n`);
        });
        afterEach(() => rmSync(folder, { recursive: true, force: true }));

        it('--out into a read-only folder fails with exit 2 and a message, writing nothing', () => {
            const run = cascade(['simulate', path.join(folder, 'small.cascade'), '--out', '/sys/cascade-export.csv']);
            assert.equal(run.status, 2);
            assert.match(run.stderr, /cannot write '\/sys\/cascade-export\.csv'/);
            assert.ok(!existsSync('/sys/cascade-export.csv'));
        });

        it('a failed rename leaves no temporary file behind', () => {
            const target = path.join(folder, 'out.csv');
            // A folder where the file should go: the final rename fails after the data is written.
            const run = cascade(['simulate', path.join(folder, 'small.cascade'), '--out', folder]);
            assert.equal(run.status, 2, run.stderr);
            assert.deepEqual(readdirSync(folder).sort(), ['big.cascade', 'small.cascade']);
            assert.ok(!existsSync(target));
        });

        it('killing the CLI while it writes leaves the old file whole, never half a file', async () => {
            const target = path.join(folder, 'out.csv');
            writeFileSync(target, 'old content\n');
            const child = spawn(process.execPath, [path.join(REPOSITORY, 'packages/cli/bin/cascade.js'), 'simulate', path.join(folder, 'big.cascade'), '--out', target], { stdio: 'ignore' });
            const exited = new Promise(resolve => child.once('exit', resolve));
            // Kill as soon as the temporary file appears (or when the run ends first).
            let killedWhileWriting = false;
            while (child.exitCode === null) {
                if (readdirSync(folder).some(name => name.endsWith('.tmp'))) {
                    killedWhileWriting = child.kill('SIGKILL');
                    break;
                }
                await new Promise(resolve => setImmediate(resolve));
            }
            await exited;
            const content = readFileSync(target, 'utf8');
            if (killedWhileWriting && content === 'old content\n') return;
            const rows = content.trimEnd().split('\n');
            assert.equal(rows.length, 25_002, 'a complete export: the header and every row');
        });
    });

    describe('the preview webview', () => {
        it('builds no markup from strings: no innerHTML or document.write sink in its sources', () => {
            const folder = path.join(REPOSITORY, 'packages/extension/src/webview');
            for (const file of readdirSync(folder)) {
                const source = readFileSync(path.join(folder, file), 'utf8');
                assert.ok(!/innerHTML|outerHTML|insertAdjacentHTML|document\.write/.test(source), `${file} writes markup from a string`);
            }
        });

        it('the exported SVG escapes a species title carrying an XSS payload', async () => {
            const shared = (file: string) => import(pathToFileURL(path.join(REPOSITORY, 'packages/extension/out/src/shared', file)).href);
            const { timeCourseChart } = await shared('chart-model.js');
            const { chartSvg } = await shared('svg-plot.js');
            const payload = PAYLOADS[7] + PAYLOADS[3];
            const chart = timeCourseChart([{ uri: 'file:///m.cascade', scenario: payload, title: payload, time: [0, 1], series: [{ name: payload, unit: `uM${PAYLOADS[3]}`, values: [1, 2] }], expects: [], warnings: [], elapsedMs: 1 }]);
            const svg: string = chartSvg(chart, { width: 400, height: 300, foreground: '#000', background: '#fff', grid: '#ccc', font: 'sans-serif', views: new Map(), hidden: new Set() });
            assert.ok(!/<(script|img)/i.test(svg), 'the payload is escaped');
            assert.ok(svg.includes('&lt;img src=x onerror='), 'and still shown as text');
        });
    });
});
