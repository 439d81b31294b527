// `npm run bench:editor`: how fast the editor feels, measured in code-server on the examples —
// extension activation, ▶ Run → first plot painted, keystroke → plot redrawn in live mode.
// Prints a markdown table (median, min, max of several runs) against the issue's targets.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import type { ActivationTiming } from '../extension-host/activation-bench.js';
import { bundleExtensionHostSuite } from '../extension-host/bundle.mjs';
import { openEditor, withTimeout } from '../editor/editor-session.js';
import { extensionRoot, packageExtension, repoRoot } from '../editor/extension-package.mjs';
import { copyWorkspace } from '../editor/fixture-workspace.js';
import { paintedPixels, Workbench } from '../editor/workbench.js';

const runs = Number(process.env.BENCH_RUNS ?? 5);
// Timer polling: requestAnimationFrame may be throttled inside webview iframes.
const pollMs = 10;
const example = 'serotonin.cascade';
const scenario = 'Baseline';
const exampleLines = readFileSync(join(repoRoot, 'examples', example), 'utf8').split('\n');
const debounceMs: number = JSON.parse(readFileSync(join(extensionRoot, 'package.json'), 'utf8'))
    .contributes.configuration.properties['cascade.debounceMs'].default;

interface Row { measure: string; samples: number[]; target: string; offset?: number }

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function printTable(rows: Row[]): void {
    const ms = (value: number) => `${Math.round(value)} ms`;
    console.log('\n| measure | runs | median | min | max | target |\n|---|---|---|---|---|---|');
    for (const { measure, samples, target, offset = 0 } of rows) {
        const cells = [median(samples), Math.min(...samples), Math.max(...samples)].map((v) => ms(v - offset));
        console.log(`| ${measure} | ${samples.length} | ${cells.join(' | ')} | ${target} |`);
    }
}

async function activation(vsix: string): Promise<ActivationTiming> {
    const testsPath = await bundleExtensionHostSuite(join(repoRoot, 'test', 'out', 'activation-bench-bundle'), 'activation-bench');
    const workspace = copyWorkspace(join(repoRoot, 'examples'));
    const resultsFile = join(workspace.folder, '..', 'activation.json');
    const session = await openEditor({ name: 'bench-activation', folder: workspace.folder, vsix, extensionTestsPath: testsPath, env: { NEUROCASCADE_TEST_RESULTS: resultsFile } });
    try {
        await withTimeout(session.automationExit, 60_000, 'the activation benchmark did not finish in 60 s');
        if (!existsSync(resultsFile)) throw new Error('the activation benchmark wrote no result');
        const result = JSON.parse(readFileSync(resultsFile, 'utf8')) as ActivationTiming;
        if (result.alreadyActive) throw new Error('the extension was active before the benchmark asked: activation was not measured');
        return result;
    } finally {
        await session.close();
        workspace.remove();
    }
}

/** VS Code's webview host page and the preview's document inside it (two nested iframes), once they exist. */
async function previewFrames(page: Page): Promise<{ host: Frame; preview: Frame }> {
    const outer = await page.locator('iframe.webview.ready').first().elementHandle({ timeout: 20_000 });
    const host = (await outer!.contentFrame())!;
    const inner = await host.locator('#active-frame').elementHandle({ timeout: 20_000 });
    return { host, preview: (await inner!.contentFrame())! };
}

/** Where the time from the click to the plot goes: when each step ended, in ms after the click (page clocks). */
const stages = {
    host: 'VS Code’s webview host page requested',
    frame: 'its inner frame’s document arrived (after the service worker is active)',
    ready: 'the preview’s script ran and said ready',
    received: 'the results arrived in the preview',
    rendered: 'the plot was drawn',
} as const;
type Stage = keyof typeof stages;

interface PlotTiming { inPage: number; observed: number; stages: Record<Stage, number> }

/**
 * ▶ Run clicked → the plot drawn, twice: from the page's own clocks (the click's pointerdown in
 * the workbench, the preview's User Timing marks, the frames' navigation timing; all wall clock),
 * and as Playwright observes it, which adds the latency of polling through VS Code's two webview iframes.
 */
async function timeToPlot(page: Page, workbench: Workbench, lensLine: number): Promise<PlotTiming> {
    await workbench.goToLine(lensLine);
    const lens = workbench.editor.locator(`.codelens-decoration a[title="Run ${scenario}"]`);
    await lens.waitFor();
    await page.evaluate(() => document.addEventListener('pointerdown', () => ((window as unknown as { clickedAt: number }).clickedAt = Date.now()), { capture: true, once: true }));
    const started = Date.now();
    await lens.click();
    const { host, preview } = await previewFrames(page);
    const webviewMs = Date.now() - started;
    await preview.locator('#title', { hasText: scenario }).waitFor({ timeout: 30_000 });
    const titleMs = Date.now() - started;
    const canvas = preview.locator('#time-course canvas').first();
    while ((await canvas.evaluate(paintedPixels)) < 1000) await new Promise((resolve) => setTimeout(resolve, pollMs));
    const observed = Date.now() - started;
    const clickedAt = await page.evaluate(() => (window as unknown as { clickedAt: number }).clickedAt);
    const hostStarted = await host.evaluate(() => performance.timeOrigin);
    const marks = await preview.evaluate(() => {
        const at = (name: string) => performance.timeOrigin + performance.getEntriesByName(name)[0].startTime;
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { frame: performance.timeOrigin + navigation.responseEnd, ready: at('neurocascade:ready'), received: at('neurocascade:received'), rendered: at('neurocascade:rendered') };
    });
    const since = (time: number) => time - clickedAt;
    const timing: PlotTiming = {
        inPage: since(marks.rendered), observed,
        stages: { host: since(hostStarted), frame: since(marks.frame), ready: since(marks.ready), received: since(marks.received), rendered: since(marks.rendered) },
    };
    console.log(`  webview loaded ${webviewMs} ms, results shown ${titleMs} ms, plot painted ${observed} ms (observed); drawn ${Math.round(timing.inPage)} ms after the click (in-page clocks)`);
    console.log(`    ${(Object.keys(stages) as Stage[]).map((stage) => `${stage} ${Math.round(timing.stages[stage])}`).join(', ')} ms`);
    return timing;
}

/** The steps of the first preview of the session against the previews opened again after closing one. */
function printStages(first: PlotTiming, reopened: PlotTiming[]): void {
    console.log('\n| step ended (ms after the click) | first preview | reopened: median | min | max |\n|---|---|---|---|---|');
    for (const stage of Object.keys(stages) as Stage[]) {
        const samples = reopened.map((timing) => timing.stages[stage]);
        const cells = [first.stages[stage], ...(samples.length ? [median(samples), Math.min(...samples), Math.max(...samples)] : [NaN, NaN, NaN])];
        console.log(`| ${stages[stage]} | ${cells.map((value) => Number.isNaN(value) ? '' : `${Math.round(value)} ms`).join(' | ')} |`);
    }
}

/** What the preview's title shows for a file's first scenario: its name and title. */
function firstScenarioTitle(file: string): string {
    const [, name, title] = /^scenario (\w+)(?: "([^"]*)")?/m.exec(readFileSync(join(repoRoot, 'examples', file), 'utf8'))!;
    return title ? `${name} — ${title}` : name;
}

/**
 * Another file clicked in the Explorer → its plot drawn in the same preview, which follows the
 * active editor (the webview is not created again: `frame` would be detached). Needs the
 * observer `timeToRedraw` installs.
 */
async function timeToFollow(workbench: Workbench, frame: Frame, file: string, title: string): Promise<number> {
    const started = Date.now();
    await workbench.openFile(file);
    const redrawn = await frame.waitForFunction(([since, expected]) => {
        const last = (window as unknown as { redraws: number[] }).redraws.at(-1);
        return document.getElementById('title')!.textContent === expected && last !== undefined && last >= since && last;
    }, [started, title] as const, { polling: pollMs, timeout: 30_000 });
    return (await redrawn.jsonValue()) as number - started;
}

async function closePreview(page: Page): Promise<void> {
    const tab = page.locator('.tab', { hasText: `Preview ${example}` });
    await tab.hover();
    await tab.locator('.codicon-close').click();
    await page.locator('iframe.webview.ready').waitFor({ state: 'detached' });
}

/**
 * Keystroke → the plot redrawn with the re-run's results (one sample per keystroke). The preview
 * sets its state to `ready` right after it has handed the new data to the chart, which redraws
 * in place (uPlot setData) before the browser next paints.
 */
async function timeToRedraw(page: Page, frame: Frame, key: string): Promise<number> {
    await frame.evaluate(() => {
        const w = window as unknown as { redraws?: number[] };
        if (w.redraws) return;
        w.redraws = [];
        new MutationObserver(() => {
            if (document.body.dataset.state === 'ready') w.redraws!.push(Date.now());
        }).observe(document.body, { attributes: true, attributeFilter: ['data-state'] });
    });
    const started = Date.now();
    await page.keyboard.press(key);
    const redrawn = await frame.waitForFunction((since) => (window as unknown as { redraws: number[] }).redraws.find((t) => t >= since), started,
        { polling: pollMs, timeout: 30_000 });
    return (await redrawn.jsonValue()) as number - started;
}

/** Runs one phase; a failure says which phase and leaves a screenshot. */
async function phase<T>(name: string, session: { screenshot(name: string): Promise<string> }, run: () => Promise<T>): Promise<T> {
    try {
        return await run();
    } catch (error) {
        const shot = await session.screenshot(`FAILED-${name}`).catch(() => 'no screenshot');
        throw new Error(`benchmark phase '${name}' failed (${shot}): ${(error as Error).message}`);
    }
}

async function main(): Promise<void> {
    const vsix = packageExtension({ quiet: true });
    const activations: ActivationTiming[] = [];
    for (let i = 0; i < Math.min(runs, 3); i++) activations.push(await activation(vsix));
    const activationRows = ([
        ['extension activation (fresh extension host)', 'activationMs', '≤ 300 ms'],
        ['  of which the extension\'s own `activate`', 'activateFunctionMs', ''],
        ['activation asked → language server ready (in the background)', 'serverReadyMs', ''],
    ] as const).map(([measure, key, target]) => ({ measure, samples: activations.map((a) => a[key]), target }));
    for (const row of activationRows) console.log(`${row.measure.trim()}: ${row.samples.map(Math.round).join(', ')} ms`);

    const workspace = copyWorkspace(join(repoRoot, 'examples'));
    const session = await openEditor({ name: 'bench-ui', folder: workspace.folder, vsix });
    try {
        const { page } = session;
        page.setDefaultTimeout(20_000);
        const workbench = new Workbench(page);
        await phase('open-example', session, () => workbench.openFile(example));
        const lensLine = exampleLines.findIndex((line) => line.startsWith(`scenario ${scenario} `)) + 1;
        const firstPlot: PlotTiming[] = [];
        for (let i = 0; i < runs; i++) {
            if (i > 0) await phase('close-preview', session, () => closePreview(page));
            firstPlot.push(await phase('first-plot', session, () => timeToPlot(page, workbench, lensLine)));
        }
        console.log(`first plot: ${firstPlot.map((p) => Math.round(p.inPage)).join(', ')} ms (in-page clocks)`);
        // Live mode: delete and retype the last digit of the scenario's simulated time.
        const simulateLine = exampleLines.findIndex((line, index) => index >= lensLine && /^\s*simulate \d+/.test(line));
        const digitsEnd = /^\s*simulate \d+/.exec(exampleLines[simulateLine])![0].length;
        const lastDigit = exampleLines[simulateLine][digitsEnd - 1];
        await phase('place-cursor', session, async () => {
            await workbench.runCommand('View: Focus Active Editor Group');
            await workbench.goToLine(simulateLine + 1, digitsEnd + 1);
        });
        const frame = (await previewFrames(page)).preview;
        const live: number[] = [];
        for (let i = 0; i < runs * 2; i++) live.push(await phase('live-redraw', session, () => timeToRedraw(page, frame, i % 2 === 0 ? 'Backspace' : lastDigit)));
        console.log(`live redraw: ${live.join(', ')} ms`);
        await session.screenshot('after-live-edits');
        // The preview follows the editor: alternately another example and back, in the same webview.
        const other = 'dopamine.cascade';
        const follow: number[] = [];
        for (let i = 0; i < runs * 2; i++) {
            const file = i % 2 === 0 ? other : example;
            follow.push(await phase('follow-editor', session, () => timeToFollow(workbench, frame, file, firstScenarioTitle(file))));
        }
        console.log(`switch file → plot drawn in the same preview: ${follow.join(', ')} ms`);
        printTable([
            ...activationRows,
            { measure: `▶ Run ${scenario} → first plot drawn (new preview, ${example}; in-page clocks)`, samples: firstPlot.map((p) => p.inPage), target: '≤ 1000 ms' },
            { measure: '  the same, as Playwright observes the painted canvas', samples: firstPlot.map((p) => p.observed), target: '' },
            { measure: `keystroke → plot redrawn in live mode, after the ${debounceMs} ms debounce`, samples: live, offset: debounceMs, target: '≤ 300 ms' },
            { measure: `another file clicked in the Explorer → its plot drawn in the preview that follows the editor (${example} ↔ ${other}; Playwright clock)`, samples: follow, target: '' },
        ]);
        printStages(firstPlot[0], firstPlot.slice(1));
    } finally {
        await session.close();
        workspace.remove();
    }
}

await main();
