import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const validation = join(root, 'examples/validation');
const files = readdirSync(validation).filter(f => f.endsWith('.cascade')).sort();

/**
 * The knockout tables of docs/models.md as relative expects: `cascade check --simulate` on each
 * validation file fails exactly the expects marked "known miss" (the rows outside the
 * literature range), as warnings, and passes every other row.
 */
describe('knockout validation files reproduce the tables of docs/models.md', function () {
    this.timeout(300_000);

    for (const file of files) {
        it(`${file}: exactly the rows marked "known miss" fail, with the model's value in the comment`, () => {
            const path = join(validation, file);
            const lines = readFileSync(path, 'utf8').split('\n');
            const misses = lines.flatMap((line, i) => /^\s*expect .*\/\/ known miss: ([-−+][\d.]+) %/.test(line) ? [i + 1] : []);
            const cli = join(root, 'packages/cli/bin/cascade.js');
            const run = spawnSync(process.execPath, [cli, 'check', '--simulate', '--format', 'json', path], { encoding: 'utf8', timeout: 280_000 });
            const diagnostics = JSON.parse(run.stdout) as { severity: string; code: string; line: number; message: string }[];
            assert.deepEqual(diagnostics.filter(d => d.severity === 'error'), []);
            const failed = diagnostics.filter(d => d.code === 'expect-failed');
            assert.ok(failed.every(d => d.severity === 'warning'));
            assert.deepEqual(failed.map(d => d.line), misses);
            // The value in the comment is the one the run measures (to the digits written).
            for (const d of failed) {
                const written = Number(/known miss: ([-−+][\d.]+) %/.exec(lines[d.line - 1])![1].replace('−', '-'));
                const measured = Number(/is ([-+][\d.]+) %/.exec(d.message)![1]);
                const digits = /\.(\d+)/.exec(String(written))?.[1].length ?? 0;
                assert.ok(Math.abs(measured - written) <= 0.5 * 10 ** -digits + 1e-9, `line ${d.line}: ${measured} % measured, ${written} % written`);
            }
        });
    }
});
