import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TimeCourseSensitivityResult } from '../../language/src/simulation/simulation-protocol.js';
import { panelCsv, timeCourseSensitivityCsv } from '../src/shared/csv.js';
import { chartSvg } from '../src/shared/svg-plot.js';
import { timeSensitivityChart, timeSensitivityChoice } from '../src/shared/time-sensitivity-chart.js';

// X' = s − kX from 0: (dX/X)/(ds/s) = 1, (dX/X)/(dk/k) = −1 + kt·e^(−kt)/(1 − e^(−kt)), from −1 + 1 towards −1.
const MODEL = `precursor X { supply 2 uM/min clearance 0.25 /min }
scenario Rise { simulate 20 min step 2 min observe X }
`;

/** `cascade sensitivity --time-course` of the model, shaped as the request's result (every parameter, few of them). */
function result(): TimeCourseSensitivityResult {
    const folder = mkdtempSync(path.join(tmpdir(), 'time-sensitivity-chart-'));
    try {
        writeFileSync(path.join(folder, 'model.cascade'), MODEL);
        const bin = fileURLToPath(new URL('../../../cli/bin/cascade.js', import.meta.url));
        const report = JSON.parse(execFileSync(process.execPath, [bin, 'sensitivity', path.join(folder, 'model.cascade'), '--time-course', '--format', 'json'], { encoding: 'utf8' }));
        const [quantity] = report.quantities;
        return {
            uri: 'file:///model.cascade', scenario: report.scenario, quantity: quantity.name, quantities: ['X'], unit: quantity.unit, time: report.time, values: quantity.values,
            parameters: report.parameters.map((p: object, j: number) => ({ ...p, coefficients: report.coefficients[0][j] })),
            chosenBy: 'all', of: report.parameters.length, elapsedMs: 0
        };
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
}

const style = { width: 600, height: 320, foreground: '#000', background: '#fff', grid: '#ccc', font: 'sans-serif', views: new Map(), hidden: new Set<string>() };

describe('time-course sensitivity chart', function () {
    this.timeout(30000);
    let run: TimeCourseSensitivityResult;
    before(() => { run = result(); });

    it('draws a line per parameter in its own colour over time, the y axis the scaled sensitivity of the quantity', () => {
        const chart = timeSensitivityChart(run);
        assert.equal(chart.timeUnit.label, 'min');
        assert.deepEqual(chart.times, run.time);
        const [panel] = chart.panels;
        assert.deepEqual(panel.lines.map(l => l.quantity), run.parameters.map(p => `${p.name}.${p.property}`));
        assert.equal(new Set(panel.lines.map(l => l.colour)).size, panel.lines.length);
        const svg = chartSvg(chart, style);
        assert.match(svg, />time \(min\)</);
        assert.match(svg, />\(∂Y\/Y\)\/\(∂p\/p\) of Y = X</);
        const line = (label: string) => [...new RegExp(`data-line="${label.replace('.', '\\.')}"[^>]*points="([^"]*)"`).exec(svg)![1].split(' ')].map(p => p.split(',').map(Number));
        const supply = line('X.supply'), clearance = line('X.clearance');
        // No value at t = 0 (X = 0 there); then the supply's line flat at 1, the clearance's below it, falling towards −1.
        assert.equal(supply.length, run.time.length - 1);
        assert.ok(supply.every(([, y]) => Math.abs(y - supply[0][1]) < 0.01), 'the supply\'s coefficient stays 1');
        const k = 0.25, exact = (t: number) => -1 + k * t * Math.exp(-k * t) / (1 - Math.exp(-k * t));
        const values = panel.lines.find(l => l.quantity === 'X.clearance')!.values;
        run.time.slice(1).forEach((t, i) => assert.ok(Math.abs(values[i + 1]! - exact(t)) < 1e-5, `at ${t} min: ${values[i + 1]} vs ${exact(t)}`));
        assert.ok(clearance.every(([, y], i) => y > supply[i][1] && (i === 0 || y >= clearance[i - 1][1])), 'SVG y grows downwards: the clearance line under the supply\'s, falling');
    });

    it('says which parameters it draws', () => {
        assert.equal(timeSensitivityChoice(run), `Every parameter of the model (${run.parameters.length}).`);
        assert.equal(timeSensitivityChoice({ ...run, chosenBy: 'steady', of: 40 }),
            `The ${run.parameters.length} of 40 parameters with the largest |response coefficient| of X at the steady state of Rise.`);
        assert.match(timeSensitivityChoice({ ...run, chosenBy: 'run', of: 40 }), /^Rise has no steady state: the \d+ of 40 parameters with the largest/);
    });

    it('writes the lines as drawn, and the whole result in base units, as CSV', () => {
        const chart = timeSensitivityChart(run);
        const drawn = panelCsv(chart, chart.panels[0], { log: false, normalised: false }).trim().split('\n');
        assert.equal(drawn[0], `time (min),${run.parameters.map(p => `${p.name}.${p.property}`).join(',')}`);
        assert.equal(drawn.length, run.time.length + 1);
        const whole = timeCourseSensitivityCsv(run).trim().split('\n');
        assert.match(whole[0], /^time \(min\),X \(uM\),X\.supply: \(dX\/X\)\/\(dp\/p\),/);
        const row = whole[3].split(',').map(Number);
        assert.deepEqual([row[0], row[1]], [run.time[2], run.values[2]]);
    });
});
