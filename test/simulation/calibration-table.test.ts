import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * docs/models.md's calibrated knockout tables are the output of the script that fits
 * examples/calibration: regenerated, they are the page's text, and the fit improves on the
 * written values (a lower objective, and in all and in each model at least as many quantities
 * inside or near their ranges). The count inside alone is not what least squares lowers: the
 * serotonin fit gives up a row inside (SERT−/− tissue 5-HT, −56 % → −52 %, near) for a smaller
 * objective, and docs/models.md says why.
 */
describe('the calibrated knockout tables of docs/models.md', function () {
    this.timeout(300_000);

    it('are what calibration-table.mjs writes today', () => {
        const run = spawnSync(process.execPath, [join(root, 'packages/cli/scripts/calibration-table.mjs')], { cwd: root, encoding: 'utf8', timeout: 280_000 });
        assert.equal(run.status, 0, run.stderr);
        const page = readFileSync(join(root, 'docs/models.md'), 'utf8');
        const start = page.indexOf('<!-- calibration-table: begin');
        const end = page.indexOf('<!-- calibration-table: end -->') + '<!-- calibration-table: end -->'.length;
        assert.ok(start >= 0 && end > start, 'docs/models.md has the calibration markers');
        assert.equal(page.slice(start, end), run.stdout.trimEnd());
        const [total, writtenInside, writtenNear, fittedInside, fittedNear] = /as written (\d+) inside, (\d+) near.*; fitted (\d+) inside, (\d+) near/.exec(run.stdout)!;
        assert.ok(Number(fittedInside) + Number(fittedNear) >= Number(writtenInside) + Number(writtenNear), total);
        for (const [, before, after] of run.stdout.matchAll(/Objective .*: ([\d.e+-]+) as written, ([\d.e+-]+) fitted; converged/g)) {
            assert.ok(Number(after) <= Number(before), `objective ${after} fitted against ${before} as written`);
        }
        // Per model: as many knockout quantities inside or near their ranges fitted as written (none lost to a far miss).
        const models = [...run.stdout.matchAll(/^As written (\d+) inside, (\d+) near.*; fitted (\d+) inside, (\d+) near/gm)];
        assert.equal(models.length, 2, 'a count for each model');
        for (const [line, writtenInside, writtenNear, fittedInside, fittedNear] of models) {
            assert.ok(Number(fittedInside) + Number(fittedNear) >= Number(writtenInside) + Number(writtenNear), line);
        }
    });
});
