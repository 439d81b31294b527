// ▶ Population in the editor: the ribbons a user sees in code-server, driven by chromium.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { examplesSession } from './examples-session.js';

const fixture = 'population.cascade';
// X' = s − 0.1·X from 0: X(t) = 10 s (1 − e^(−t/10)) µM; Y settles near 4 nM.
const fixtureText = `precursor X { supply 1 uM/min clearance 0.1 /min }
precursor Y { initial 30 nM supply 0.002 uM/min clearance 0.5 /min }
scenario Base { simulate 60 min step 5 min observe X, Y }
population P { from Base vary X supply lognormal(cv 30%) vary Y clearance normal(sd 10%) truncated size 200 seed 7 }
`;

/** The polygon's or polyline's points as [x, y] pairs. */
const pairs = (points: string | null) => (points ?? '').trim().split(' ').map((p) => p.split(',').map(Number));

describe('Populations in code-server', function () {
    this.timeout(120_000);
    this.bail(true);
    // A folder holding the fixture alone, copied by the session like the examples.
    const source = mkdtempSync(join(tmpdir(), 'cascade-population-'));
    writeFileSync(join(source, fixture), fixtureText);
    after(() => rmSync(source, { recursive: true, force: true }));
    const editor = examplesSession('population', { source });

    it('runs a population from its ▶ Population code lens: per quantity the median inside the 25–75 % and 5–95 % ribbons, axes labelled with units', async () => {
        await editor.workbench.openFile(fixture);
        await editor.workbench.goToLine(4);
        const preview = editor.workbench.preview;
        const plot = (quantity: string) => preview.locator(`#population-plots .figure[data-chart="P-${quantity}"] svg`);
        await editor.workbench.clickLens('▶ Population', 'Population P', plot('X'), 60_000);
        assert.equal(await preview.locator('#title').textContent(), 'Population P');
        assert.match((await preview.locator('#population-summary').textContent()) ?? '', /^200 of 200 members ran/);
        for (const [quantity, unit] of [['X', 'µM'], ['Y', 'nM']]) {
            const svg = plot(quantity);
            assert.equal(await svg.locator('.x-label').textContent(), 'time (min)');
            assert.equal(await svg.locator('.y-label').textContent(), `${quantity} (${unit})`);
            const outer = pairs(await svg.locator('polygon[data-band="5-95"]').getAttribute('points'));
            const inner = pairs(await svg.locator('polygon[data-band="25-75"]').getAttribute('points'));
            const median = pairs(await svg.locator('polyline[data-band="50"]').getAttribute('points'));
            const n = median.length;
            assert.equal(n, 13, 'one point per output time, 0 to 60 min by 5');
            // On screen y grows downwards: 95 % above 75 % above the median above 25 % above 5 %.
            median.forEach(([, y], i) => {
                const column = [outer[i][1], inner[i][1], y, inner[2 * n - 1 - i][1], outer[2 * n - 1 - i][1]];
                assert.ok(column.every((v, k) => k === 0 || column[k - 1] <= v), `${quantity} at point ${i}: ${column.join(' ')}`);
            });
            // The members differ (cv 30 %): at 60 min the 5–95 % band of X is visibly wide.
            if (quantity === 'X') assert.ok(outer[2 * n - 1 - (n - 1)][1] - outer[n - 1][1] > 20, 'the outer ribbon is drawn wide at the end');
        }
        assert.deepEqual(await preview.locator('#population-plots .figure').first().locator('.chart-export button').allTextContents(), ['CSV', 'SVG', 'PNG']);
    });

    it('shows the Sobol indices from the palette as bars, first order inside total', async () => {
        const preview = editor.workbench.preview;
        await editor.workbench.runCommand('NeuroCascade: Sobol Indices of a Population');
        const figure = preview.locator('#population-plots .figure[data-chart="P-sobol"] svg');
        await figure.waitFor({ timeout: 60_000 });
        assert.equal(await preview.locator('#title').textContent(), 'Sobol indices of P');
        assert.equal(await figure.locator('rect.first').count(), 4, 'two parameters for each of two quantities');
        assert.equal(await figure.locator('rect.total').count(), 4);
    });

    it('shows Morris screening from the view\'s button: μ* against σ per quantity, each point labelled, axes with units', async () => {
        const preview = editor.workbench.preview;
        const switches = preview.locator('#population-switches');
        assert.deepEqual(await switches.locator('button:visible').allTextContents(), ['Percentile bands', 'Morris screening']);
        await switches.locator('button[data-view="morris"]').click();
        const figure = preview.locator('#population-plots .figure[data-chart="P-morris-X"] svg');
        await figure.waitFor({ timeout: 60_000 });
        assert.equal(await preview.locator('#title').textContent(), 'Morris screening of P');
        assert.equal(await figure.locator('.x-label').textContent(), 'μ* of X (µM)');
        assert.equal(await figure.locator('.y-label').textContent(), 'σ of X (µM)');
        assert.deepEqual(await figure.locator('g.point').evaluateAll((points) => points.map((p) => p.getAttribute('data-parameter'))), ['X.supply', 'Y.clearance']);
        // X(60 min) = 10 s (1 − e^(−6)) does not depend on Y's clearance: its μ* is 0 (to the solver's tolerance), the supply's is not.
        const muStar = async (parameter: string) => Number(await figure.locator(`g.point[data-parameter="${parameter}"]`).getAttribute('data-mu-star'));
        assert.ok(await muStar('X.supply') > 1 && await muStar('Y.clearance') < 1e-4, `${await muStar('X.supply')} ${await muStar('Y.clearance')}`);
        assert.deepEqual(await preview.locator('#population-plots .figure').first().locator('.chart-export button').allTextContents(), ['CSV', 'SVG', 'PNG']);
    });

    it('switches back to the percentile bands with the view\'s button, and draws the first 50 members\' own curves when asked', async () => {
        const preview = editor.workbench.preview;
        await preview.locator('#population-switches button[data-view="population"]').click();
        await preview.locator('#population-plots .figure[data-chart="P-Y"] svg polygon[data-band="5-95"]').waitFor({ timeout: 60_000 });
        assert.deepEqual(await preview.locator('#population-switches button:visible').allTextContents(), ['Sobol indices', 'Morris screening']);
        assert.equal(await preview.locator('#population-plots polyline.member').count(), 0);
        await preview.locator('#population-members').check();
        const svg = preview.locator('#population-plots .figure[data-chart="P-X"] svg');
        await svg.locator('polyline.member').first().waitFor({ timeout: 60_000 });
        assert.equal(await svg.locator('polyline.member').count(), 50);
        assert.equal(await svg.locator('.members-note').textContent(), 'thin lines: the first 50 of 200 members’ own values');
        assert.ok(await preview.locator('#population-members').isChecked());
    });

    it('shows the time-course sensitivities of the scenario from the palette: a line per parameter, saying which', async () => {
        const preview = editor.workbench.preview;
        // The last test left the focus in the preview, where the palette offers no Cascade command: back to the model's group.
        await editor.workbench.runCommand('View: Focus First Editor Group');
        await editor.workbench.runCommand('NeuroCascade: Show Time-Course Sensitivities');
        const svg = preview.locator('#time-sensitivity-plot svg');
        // Attached, not visible: a flat line has an empty bounding box, which Playwright counts as hidden.
        await svg.locator('polyline[data-line="X.supply"]').waitFor({ state: 'attached', timeout: 60_000 });
        assert.equal(await preview.locator('#title').textContent(), 'Time-course sensitivities of X along Base');
        assert.match((await preview.locator('#time-sensitivity-choice').textContent()) ?? '', /^Every parameter of the model \(\d+\)\.$/);
        // X = 10 s (1 − e^(−t/10)) is proportional to its supply: that line is flat (at 1).
        const ys = pairs(await svg.locator('polyline[data-line="X.supply"]').getAttribute('points')).map(([, y]) => y);
        assert.ok(ys.every((y) => Math.abs(y - ys[0]) < 0.5), ys.join(' '));
        // Choosing Y runs again for Y.
        await preview.locator('#time-sensitivity-quantity').selectOption('Y');
        await preview.locator('#title', { hasText: 'Time-course sensitivities of Y along Base' }).waitFor({ timeout: 60_000 });
        assert.deepEqual(await preview.locator('#time-sensitivity-plot .chart-export button').allTextContents(), ['CSV', 'SVG', 'PNG']);
    });
});
