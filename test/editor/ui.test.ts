// The editor as a user sees it: code-server with the packaged extension, driven by chromium.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { examplesSession } from './examples-session.js';
import { repoRoot } from './extension-package.mjs';
import { paintedPixels, seriesHeightShare } from './workbench.js';

const example = 'serotonin.cascade';
const exampleText = readFileSync(join(repoRoot, 'examples', example), 'utf8');
const observed = /scenario Baseline[^{]*{[^}]*?\bobserve\s+([^\n/]+)/.exec(exampleText)?.[1].split(',').map((name) => name.trim());
const misspelled = 'Serotnin_ext';
const completed = 'Serotonin_ext';

describe('The editor UI in code-server', function () {
    this.timeout(120_000);
    // Each step builds on the one before: after a failure the rest could only fail too.
    this.bail(true);
    const editor = examplesSession('ui');

    before(() => assert.ok(observed?.length, `${example} has a Baseline scenario that observes something`));

    it('opens an example', async () => {
        await editor.workbench.openFile(example);
        const header = exampleText.split('\n').find((line) => line.startsWith('model '))!;
        assert.ok((await editor.workbench.editorText()).includes(header), `the editor shows '${header}'`);
    });

    it('underlines a misspelled name and lists it in Problems', async () => {
        await editor.workbench.focusEditor();
        await editor.session.page.keyboard.press('Control+End');
        await editor.session.page.keyboard.press('Enter');
        // One edit, as a paste: typing it key by key re-validates the model at every key.
        await editor.session.page.keyboard.insertText(`rule probe = 2 * ${misspelled}`);
        await editor.workbench.editor.locator('.squiggly-error').first().waitFor();
        await editor.workbench.filterProblems(misspelled);
        await editor.workbench.problem(misspelled).first().waitFor();
    });

    it('accepts a completion that corrects the name', async () => {
        await editor.workbench.focusEditor();
        await editor.session.page.keyboard.press('Control+End');
        await editor.session.page.keyboard.press('Control+Shift+ArrowLeft');
        await editor.session.page.keyboard.type(completed.slice(0, -2), { delay: 10 });
        await editor.session.page.keyboard.press('Control+Space');
        await editor.workbench.suggestion.filter({ hasText: completed }).waitFor();
        await editor.session.page.keyboard.press('Enter');
        // The editor paints the accepted completion a moment after Enter (a loaded machine showed the text before it).
        const accepted = `rule probe = 2 * ${completed}`;
        for (let waited = 0; !(await editor.workbench.editorText()).includes(accepted); waited += 100) {
            assert.ok(waited < 5_000, `the editor shows '${accepted}'`);
            await editor.session.page.waitForTimeout(100);
        }
        await editor.workbench.problem(misspelled).first().waitFor({ state: 'detached' });
        await editor.workbench.editor.locator('.squiggly-error').first().waitFor({ state: 'detached' });
    });

    it('runs "NeuroCascade: Run Scenario" from the palette and plots the observed series', async () => {
        const preview = editor.workbench.preview;
        // Right after the edits above, so code-server's auto-save (a second after the last edit)
        // lands while the run goes on: the run must survive it.
        await editor.workbench.runCommand('NeuroCascade: Run Scenario');
        await editor.workbench.pick(/^Baseline/);
        await preview.locator('#title', { hasText: /^Baseline/ }).waitFor({ timeout: 30_000 });
        const quantities = await preview.locator('#legend button').evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.quantity));
        assert.deepEqual(quantities.filter((q) => q !== 'balance'), observed!.filter((q) => q !== 'balance'));
        const painted = await preview.locator('#time-course canvas').first().evaluate(paintedPixels);
        assert.ok(painted > 1000, `the time-course canvas has ${painted} painted pixels`);
    });

    it('draws a panel per dimension with its unit, no colour twice, and the nanomolar transmitter readable', async () => {
        const preview = editor.workbench.preview;
        const headings = await preview.locator('#time-course .panel h3').allTextContents();
        assert.deepEqual(headings, ['Concentration (nM)', 'Concentration (µM)', 'Fraction', 'E/I balance']);
        const colours = await preview.locator('#legend button').evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.colour));
        assert.equal(new Set(colours).size, colours.length, `legend colours: ${colours.join(', ')}`);
        // What the screen shows: the rows of the nanomolar panel's canvas painted in Serotonin_ext's colour.
        const colour = await preview.locator('#legend button[data-quantity="Serotonin_ext"]').evaluate((b) => (b as HTMLElement).dataset.colour!);
        const share = await preview.locator('.panel', { has: preview.locator('h3', { hasText: 'Concentration (nM)' }) }).evaluate(seriesHeightShare, colour);
        assert.ok(share >= 0.2, `Serotonin_ext spans ${share.toFixed(2)} of its panel's height`);
        // The steady-state table reads in the same units as the panels: nanomolar serotonin in nM.
        const row = preview.locator('#steady-state tr[data-name="Serotonin_ext"]');
        assert.equal(await row.getAttribute('data-unit'), 'nM');
        const shown = Number(await row.locator('td.value').textContent());
        assert.ok(Math.abs(shown / (Number(await row.getAttribute('data-value')) * 1000) - 1) < 1e-3, `${shown} nM`);
    });

    it('runs a scenario from its ▶ Run code lens', async () => {
        const line = exampleText.split('\n').findIndex((text) => text.startsWith('scenario SSRI')) + 1;
        assert.ok(line > 0, `${example} declares scenario SSRI`);
        await editor.workbench.goToLine(line);
        await editor.workbench.clickLens('▶ Run', 'Run SSRI', editor.workbench.preview.locator('#title', { hasText: /^SSRI/ }), 15_000);
    });

    it('compares scenarios as small multiples with one legend entry per scenario', async () => {
        const preview = editor.workbench.preview;
        await editor.workbench.runCommand('NeuroCascade: Compare Scenarios');
        for (const scenario of [/^Baseline/, /^SSRI/, /^MAOInhibitor/]) await editor.workbench.pick(scenario);
        await editor.session.page.keyboard.press('Enter');
        await preview.locator('#title', { hasText: / vs .* vs / }).waitFor({ timeout: 60_000 });
        const entries = await preview.locator('#legend button').evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.scenario));
        assert.deepEqual([...entries].sort(), ['Baseline', 'MAOInhibitor', 'SSRI']);
        const colours = await preview.locator('#legend button').evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.colour));
        assert.equal(new Set(colours).size, 3);
        const panels = await preview.locator('#time-course .panel h3').allTextContents();
        assert.equal(panels.length, observed!.length, `one panel per observed quantity: ${panels.join(' | ')}`);
    });

    it('draws the cascade network with its legend, the perturbed node marked, on one scale for every perturbation', async () => {
        const preview = editor.workbench.preview;
        await editor.workbench.runCommand('NeuroCascade: Run Cascade');
        await editor.workbench.pick(/^Knockouts/);
        const legend = preview.locator('#network .legend');
        await legend.waitFor({ timeout: 60_000 });
        const text = (await legend.textContent()) ?? '';
        for (const entry of ['Nodes', 'transmitter', 'process', 'Edges', 'ligand binding', 'Response coefficient', 'fell', 'rose', 'perturbed']) {
            assert.ok(text.includes(entry), `the network legend shows '${entry}': ${text}`);
        }
        assert.equal(await preview.locator('#network .node[data-id="MAOA"] rect[stroke="#000000"]').count(), 1, 'MAOA, the perturbed enzyme, is outlined');
        const ends = () => preview.locator('#network .legend text[text-anchor="end"]').first().textContent();
        const first = await ends();
        await preview.locator('#perturbation').selectOption({ index: 1 });
        await preview.locator('#network .node[data-id="SERT"] rect[stroke="#000000"]').waitFor();
        assert.equal(await ends(), first, 'the colour scale stays the same across the perturbations');
    });

    it('runs a scan from its ▶ Scan code lens: a dose–response with labelled axes and the EC50 marked', async () => {
        const line = exampleText.split('\n').findIndex((text) => text.startsWith('scan CortisolDose')) + 1;
        assert.ok(line > 0, `${example} declares scan CortisolDose`);
        await editor.workbench.goToLine(line);
        const preview = editor.workbench.preview;
        const plot = preview.locator('#scan-plots .figure[data-chart="CortisolDose-Serotonin_ext"] svg');
        await editor.workbench.clickLens('▶ Scan', 'Scan CortisolDose', plot, 20_000);
        assert.equal(await plot.locator('.x-label').textContent(), 'Cortisol.level (µg/dL)', 'the dose axis names the varied property and the unit its range is written in');
        assert.equal(await plot.locator('.y-label').textContent(), 'Serotonin_ext (nM)');
        assert.equal(await plot.locator('circle.point').count(), 25);
        const marker = plot.locator('.ec50-marker');
        assert.equal(await marker.getAttribute('data-kind'), 'EC50');
        // The marker sits where the fit puts the EC50: the summary line under the plot says the same value.
        const summary = (await plot.locator('.hill-summary').textContent()) ?? '';
        const ec50 = Number(/EC50 ([\d.e+-]+)/.exec(summary)?.[1]);
        assert.ok(Math.abs(Number(await marker.getAttribute('data-x')) / ec50 - 1) < 1e-3, `marker at ${await marker.getAttribute('data-x')}, summary '${summary}'`);
        assert.deepEqual(await preview.locator('#scan-plots .figure').first().locator('.chart-export button').allTextContents(), ['CSV', 'SVG', 'PNG']);
    });

    it('shows the sensitivities from the palette: a tornado sorted by |coefficient| and the stability', async () => {
        const preview = editor.workbench.preview;
        await editor.workbench.runCommand('NeuroCascade: Show Sensitivities');
        await editor.workbench.pick(/^Baseline/);
        await preview.locator('#title', { hasText: /^Sensitivities at the steady state of Baseline/ }).waitFor({ timeout: 60_000 });
        await preview.locator('#sensitivity-quantity').selectOption('Serotonin_ext');
        const bars = preview.locator('#tornado svg .bar');
        await bars.first().waitFor();
        const coefficients = await bars.evaluateAll((drawn) => drawn.map((b) => Math.abs(Number((b as SVGElement).dataset.coefficient))));
        assert.ok(coefficients.length > 3, `${coefficients.length} bars`);
        assert.deepEqual(coefficients, [...coefficients].sort((a, b) => b - a), 'largest first');
        assert.match((await preview.locator('#tornado .axis-label').textContent()) ?? '', /^response coefficient of Serotonin_ext/);
        assert.match(await preview.locator('#stability').innerText(), /^Stable: .*slowest time scale/);
        // Over time: the same quantity along the scenario, to the tornado's first 8 parameters, in its order.
        const tornadoOrder = await bars.evaluateAll((drawn) => drawn.slice(0, 8).map((b) => (b as SVGElement).dataset.parameter));
        await preview.locator('#sensitivity-over-time').click();
        await preview.locator('#title', { hasText: 'Time-course sensitivities of Serotonin_ext along Baseline' }).waitFor({ timeout: 60_000 });
        assert.match((await preview.locator('#time-sensitivity-choice').textContent()) ?? '',
            /^The 8 of \d+ parameters with the largest \|response coefficient\| of Serotonin_ext at the steady state of Baseline\.$/);
        const lines = preview.locator('#time-sensitivity-plot svg polyline');
        assert.deepEqual(await lines.evaluateAll((drawn) => drawn.map((l) => l.getAttribute('data-line'))), tornadoOrder);
        // The click left the focus in the preview, where the palette offers no Cascade command: back to the model's group.
        await editor.workbench.runCommand('View: Focus First Editor Group');
    });

    it('shows the control analysis: the heatmap with its scale and the network coloured by a flux', async () => {
        const preview = editor.workbench.preview;
        await editor.workbench.runCommand('NeuroCascade: Show Control Analysis');
        await editor.workbench.pick(/^Baseline/);
        await preview.locator('#control-heatmap svg .colour-scale').waitFor({ timeout: 60_000 });
        assert.ok(await preview.locator('#control-heatmap svg .cell').count() > 10);
        await preview.locator('#control-flux').selectOption('SERT');
        await preview.locator('#control-network .node[data-id="SERT"] rect[stroke="#000000"]').waitFor();
        const legend = (await preview.locator('#control-network .legend').textContent()) ?? '';
        assert.ok(legend.includes('Flux control coefficient'), `the network's scale is labelled: ${legend}`);
    });

    it('brings the preview back after the page is reloaded, showing what it showed', async () => {
        const page = editor.session.page;
        // The tests above left a cascade on show: SSRI first, as a user would have it.
        await editor.workbench.runCommand('NeuroCascade: Run Scenario');
        await editor.workbench.pick(/^SSRI/);
        await editor.workbench.preview.locator('#title', { hasText: /^SSRI/ }).waitFor({ timeout: 30_000 });
        // As a user reloads: the workbench saves its layout before the page goes (a bare page
        // reload may come before the periodic save and bring back an older layout).
        const reloaded = page.waitForEvent('load', { timeout: 30_000 });
        await editor.workbench.runCommand('Developer: Reload Window');
        await reloaded;
        await page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
        // Restored by the extension's webview serializer, which runs SSRI again.
        await editor.workbench.preview.locator('#title', { hasText: /^SSRI/ }).waitFor({ timeout: 60_000 });
        const painted = await editor.workbench.preview.locator('#time-course canvas').first().evaluate(paintedPixels);
        assert.ok(painted > 1000, `the restored time-course canvas has ${painted} painted pixels`);
    });

    it('follows the active editor to another file in the same webview, and back to what it showed', async () => {
        const preview = editor.workbench.preview;
        // A mark on the page the preview shows now: a webview created again would not have it.
        await preview.locator('body').evaluate((body) => (body.dataset.sameWebview = 'yes'));
        const other = 'dopamine.cascade';
        const [, name, title] = /^scenario (\w+) "([^"]*)"/m.exec(readFileSync(join(repoRoot, 'examples', other), 'utf8'))!;
        await editor.workbench.openFile(other);
        await preview.locator('#title', { hasText: `${name} — ${title}` }).waitFor({ timeout: 30_000 });
        await editor.workbench.openFile(example);
        await preview.locator('#title', { hasText: /^SSRI/ }).waitFor({ timeout: 30_000 });
        assert.equal(await preview.locator('body').getAttribute('data-same-webview'), 'yes', 'the preview kept its webview');
        assert.equal(await editor.session.page.locator('.tab[aria-label^="Preview "]').count(), 1, 'one preview tab');
    });

    it('says where a syntax error is, in words, and keeps the last results greyed', async () => {
        await editor.workbench.openFile(example);
        await editor.workbench.focusEditor();
        await editor.session.page.keyboard.press('Control+End');
        await editor.session.page.keyboard.press('Enter');
        await editor.session.page.keyboard.insertText('parameter = 1');
        // The line the cursor is on, as the status bar shows it ("Ln 123, Col 14") once it has caught up with the typing.
        const typedTo = editor.session.page.locator('#status\\.editor\\.selection', { hasText: `Col ${'parameter = 1'.length + 1}` });
        await typedTo.waitFor();
        const position = await typedTo.innerText();
        const line = Number(/Ln (\d+)/.exec(position)?.[1]);
        assert.ok(line > 0, `the status bar shows the cursor's line ('${position}')`);
        const preview = editor.workbench.preview;
        // Live mode re-runs SSRI after the edit; the server refuses a model with an error.
        const status = preview.locator('#status[data-state="stale"]');
        await status.waitFor({ timeout: 30_000 });
        const said = await status.innerText();
        assert.equal(said, `not updated: line ${line}: a parameter needs a name and a value: \`parameter k = 2 /min\` (see docs/reference.md, Parameters).`);
        assert.ok(await preview.locator('#title', { hasText: /^SSRI/ }).isVisible(), 'the last results stay');
        const opacity = await preview.locator('#time-course').evaluate((chart) => Number(getComputedStyle(chart).opacity));
        assert.ok(opacity < 1, `the stale time course is greyed (opacity ${opacity})`);
        const painted = await preview.locator('#time-course canvas').first().evaluate(paintedPixels);
        assert.ok(painted > 1000, `the stale time course is still drawn (${painted} painted pixels)`);
    });
});
