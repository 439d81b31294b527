import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModelFromFile } from '@neurocascade/language';
import { compileModel, runCascadeSequential, type CascadeResponse } from '@neurocascade/simulator';

/**
 * The models the documentation shows cannot rot. docs/tutorial.md: each `cascade` block is the
 * whole file after one step and must check and simulate clean (its `expect`s are the numbers
 * the text quotes), each command it shows must run on the last step's file, and its table of
 * cascade responses must be what the simulator computes. The README's tour checks and
 * simulates clean.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const tutorial = readFileSync(join(root, 'docs/tutorial.md'), 'utf8');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const cli = join(root, 'packages/cli/bin/cascade.js');
const FILE = 'terminal.cascade';

const fenced = (language: string, text = tutorial) => [...text.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map(m => m[1]);

function cascade(args: string[], cwd: string) {
    return spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
}

const folders: string[] = [];
after(() => folders.forEach(folder => rmSync(folder, { recursive: true, force: true })));

function folderWith(text: string): string {
    const folder = mkdtempSync(join(tmpdir(), 'cascade-tutorial-'));
    folders.push(folder);
    writeFileSync(join(folder, FILE), text);
    return folder;
}

/** `cascade check --simulate` of the text as a file: exit 0 and not one diagnostic (not even a hint). */
function checksClean(text: string): void {
    const run = cascade(['check', '--simulate', '--format', 'json', FILE], folderWith(text));
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), []);
}

/** The rows of the table that follows the "checked against the cascade …" comment. */
function responseTable(): { cascade: string; rows: string[][] } {
    const marker = /<!-- checked against the cascade (\w+) [^>]*-->\n((?:\|.*\n)+)/.exec(tutorial);
    assert.ok(marker, 'the tutorial has no checked table of cascade responses');
    const rows = marker[2].trim().split('\n').slice(2).map(line => line.split('|').slice(1, -1).map(cell => cell.trim()));
    return { cascade: marker[1], rows };
}

/** A printed number agrees with a computed one to the digits it shows. */
function agrees(printed: string, actual: number): boolean {
    const match = /^[+-]?\d+(?:\.(\d+))?/.exec(printed.replace('−', '-'));
    if (!match) return false;
    const decimals = match[1]?.length ?? 0;
    return Math.abs(Number(match[0]) - actual) <= 0.5 * 10 ** -decimals * (1 + 1e-9);
}

describe('docs/tutorial.md: every step checks, runs and shows the project\'s own numbers', function () {
    this.timeout(300_000);
    const steps = fenced('cascade');

    it('has the steps of the walk, ending with a cascade', () => {
        assert.ok(steps.length >= 4, `only ${steps.length} model blocks`);
        assert.match(steps.at(-1)!, /^cascade \w+/m);
        assert.match(steps.join('\n'), /^intermediate /m);
    });

    steps.forEach((text, index) => {
        it(`step ${index + 1}: cascade check --simulate reports nothing at all`, () => checksClean(text));
    });

    it('every command it shows runs on the last step\'s file', () => {
        const folder = folderWith(steps.at(-1)!);
        const commands = fenced('sh').flatMap(block => block.split('\n')).filter(line => line.startsWith('npx cascade '));
        assert.ok(commands.length >= 3);
        for (const command of commands) {
            const run = cascade(command.slice('npx cascade '.length).split(/\s+/), folder);
            assert.equal(run.status, 0, `${command}\n${run.stdout}${run.stderr}`);
        }
    });

    it('its table of cascade responses is what the simulator computes', async () => {
        const { cascade: name, rows } = responseTable();
        const { model } = await loadModelFromFile(join(folderWith(steps.at(-1)!), FILE));
        assert.ok(model, 'the last step lowers');
        const [perturbation] = runCascadeSequential(compileModel(model), name).perturbations;
        const byName = new Map<string, CascadeResponse>(perturbation.responses.map(r => [r.name, r]));
        assert.deepEqual(rows.map(row => row[0]), [...byName.keys()], 'the table lists every measured quantity');
        for (const [quantity, base, perturbed, percent, coefficient] of rows) {
            const r = byName.get(quantity)!;
            const wrong = [[base, r.base], [perturbed, r.perturbed], [percent, r.percent ?? NaN], [coefficient, r.coefficient ?? NaN]]
                .filter(([printed, actual]) => !agrees(printed as string, actual as number));
            assert.deepEqual(wrong, [], `${quantity}: printed vs computed`);
        }
    });
});

describe('the README\'s tour of the language', function () {
    this.timeout(60_000);

    it('checks and simulates clean', () => {
        const [tour] = fenced('cascade', readme);
        assert.match(tour, /^intermediate /m, 'the tour shows an intermediate');
        checksClean(tour);
    });
});
