// ▶ Fit in the editor as a user runs it: the lens, the fit view's values, and its button writing them into the model.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { examplesSession } from './examples-session.js';
import { repoRoot } from './extension-package.mjs';

const source = join(repoRoot, 'test', 'fixtures', 'fit-workspace');
const file = 'kinetics.cascade';
const fixtureText = readFileSync(join(source, file), 'utf8');
// The fixture's data come from supply 2 uM/min and clearance 0.5 /min with 5 % noise.
const TRUTH: Record<string, number> = { 'A.supply': 2, 'A.clearance': 0.5 };

describe('The fit view in code-server', function () {
    this.timeout(180_000);
    this.bail(true);
    const editor = examplesSession('fit-view', { source });
    let fitted: Record<string, number> = {};

    it('runs a fit from its ▶ Fit lens and shows the fitted values with their intervals and the data against the curve', async () => {
        await editor.workbench.openFile(file);
        const line = fixtureText.split('\n').findIndex((text) => text.startsWith('fit Kinetics')) + 1;
        await editor.workbench.goToLine(line);
        const preview = editor.workbench.preview;
        await editor.workbench.clickLens('▶ Fit', 'Fit Kinetics', preview.locator('#title', { hasText: /^Fit Kinetics/ }), 60_000);
        const rows = await preview.locator('#fit-estimates tbody tr').evaluateAll((trs) => trs.map((tr) => ({
            estimate: (tr as HTMLElement).dataset.estimate!, value: Number((tr as HTMLElement).dataset.value), identifiable: (tr as HTMLElement).dataset.identifiable,
            interval: tr.children[3].textContent!
        })));
        assert.deepEqual(rows.map((r) => r.estimate), ['A.supply', 'A.clearance']);
        for (const row of rows) {
            const [low, high] = row.interval.replace(/[[\]]/g, '').split(',').map(Number);
            assert.ok(low <= TRUTH[row.estimate] && TRUTH[row.estimate] <= high, `${row.estimate}: ${TRUTH[row.estimate]} within ${row.interval}`);
            assert.equal(row.identifiable, 'true');
        }
        fitted = Object.fromEntries(rows.map((r) => [r.estimate, r.value]));
        assert.equal(await preview.locator('#fit-charts [data-role="measurement"]').count(), 8);
        assert.equal(await preview.locator('#fit-charts [data-role="fitted-curve"]').count(), 1);
        assert.equal(await preview.locator('#fit-residuals [data-role="residual"]').count(), 8);
        assert.match((await preview.locator('#fit-summary').textContent()) ?? '', /^χ² [\d.]+ over 8 measurements, AIC/);
    });

    it('writes the fitted values into the model from the view\'s button (the quick fix\'s edits)', async () => {
        await editor.workbench.preview.locator('#write-fitted').click();
        const text = () => editor.session.page.locator('.editor-group-container').first().locator('.view-lines').innerText().then((t) => t.replace(/\u00a0/g, ' '));
        let written: RegExpExecArray | null = null;
        // The species' line as shown: an inlay hint (its steady state) may stand after its name.
        for (let waited = 0; !(written = /precursor A\b[^\n]*\{ initial 0 uM {2}supply ([\d.e+-]+) uM\/min {2}clearance ([\d.e+-]+) \/min \}/.exec(await text()))
            || Number(written[1]) === 1; waited += 200) {
            assert.ok(waited < 15_000, `the model's line shows the fitted values: ${(await text()).split('\n').find((l) => l.startsWith('precursor A'))}`);
            await editor.session.page.waitForTimeout(200);
        }
        assert.ok(Math.abs(Number(written![1]) / fitted['A.supply'] - 1) < 1e-3, `supply ${written![1]} is the fitted ${fitted['A.supply']}`);
        assert.ok(Math.abs(Number(written![2]) / fitted['A.clearance'] - 1) < 1e-3, `clearance ${written![2]} is the fitted ${fitted['A.clearance']}`);
    });
});
