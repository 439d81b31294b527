import { strict as assert } from 'node:assert';
import type { FitPoint, FitRunResult } from '../../language/src/simulation/simulation-protocol.js';
import { fitViewModel } from '../src/shared/fit-chart.js';
import { fitPanelSvg, fitViewSvg, residualSvg, type FitSvgStyle } from '../src/shared/fit-svg.js';
import { fitCsv } from '../src/shared/csv.js';

const style: FitSvgStyle = { width: 400, height: 200, foreground: '#000', background: '#fff', grid: '#ccc', font: 'sans-serif' };
const NM = { unit: 'nM', scale: 1e-3 };

/** A(t) = 4 µM·(1 − e^(−t/2 min)) as fitted, measured at 2, 4 and 8 min in nM with sd 200 nM; D2 occupancy at steady state. */
function fitResult(): FitRunResult {
    const fitted = (t: number) => 4 * (1 - Math.exp(-t / 2));
    const point = (time: number, value: number): FitPoint => ({
        scenario: 'Rise', quantity: 'A', time, value, sd: 0.2, fitted: fitted(time), residual: (value - fitted(time)) / 0.2, unit: 'uM', display: NM
    });
    const times = Array.from({ length: 201 }, (_, i) => i * 8 / 200);
    return {
        uri: 'file:///model.cascade', fit: 'Kinetics', title: 'A <rise>', residualModel: 'normal', elapsedMs: 12,
        estimates: [
            { name: 'A', property: 'supply', label: 'A.supply', value: 2.01, unit: 'uM/min', written: 1, bounds: [0.1, 10], atBound: false, interval: [1.8, 2.3], closed: [true, true], identifiable: true },
            { name: 'R', property: 'kd', label: 'R.kd', value: 0.05, unit: 'uM', written: 0.01, bounds: [0.001, 1], atBound: false, interval: [0.02, 1], closed: [true, false], identifiable: false }
        ],
        chi2: 1.5, objective: 1.5, aic: -3.25, bic: -2.5, dataPoints: 4, converged: true, reason: 'converged',
        points: [point(2, 2.3), point(4, 3.9), point(8, 3.7), {
            scenario: 'Rise', quantity: 'R.occupancy', time: 'steady', value: 0.6, sd: 0.05, fitted: 0.55, residual: 1, unit: '1'
        }],
        curves: [{ scenario: 'Rise', times, series: [{ name: 'A', unit: 'uM', values: times.map(fitted) }] }]
    };
}

describe('fit view model', () => {
    it('draws each timed scenario and quantity in the data\'s unit: the fitted curve, the points with ±1 sd bars and their fitted values', () => {
        const model = fitViewModel(fitResult());
        assert.equal(model.timeUnit.label, 'min');
        assert.deepEqual(model.panels.map(p => [p.key, p.title, p.unit.label]), [['Rise/A', 'Rise: A', 'nM']]);
        const [panel] = model.panels;
        assert.equal(panel.curve.length, 201);
        assert.ok(Math.abs(panel.curve[100].y - 4000 * (1 - Math.exp(-2))) < 1e-9, 'the curve at 4 min in nM');
        assert.deepEqual(panel.points.map(p => [p.x, p.label]), [[2, 'Rise A at 2 min'], [4, 'Rise A at 4 min'], [8, 'Rise A at 8 min']]);
        const first = panel.points[0];
        for (const [actual, expected] of [[first.value, 2300], [first.low, 2100], [first.high, 2500], [first.fitted, 4000 * (1 - Math.exp(-1))]]) {
            assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} vs ${expected}`);
        }
    });

    it('puts the steady-state data in a panel of their own, and lists every residual in the data\'s order', () => {
        const model = fitViewModel(fitResult());
        assert.deepEqual(model.steady?.points.map(p => [p.x, p.value, +p.low.toFixed(12), +p.high.toFixed(12), p.fitted, p.label]), [[0, 0.6, 0.55, 0.65, 0.55, 'Rise R.occupancy at steady']]);
        assert.equal(model.steady?.curve.length, 0);
        assert.deepEqual(model.residuals.map(r => r.label), ['Rise A at 2 min', 'Rise A at 4 min', 'Rise A at 8 min', 'Rise R.occupancy at steady']);
        assert.ok(Math.abs(model.residuals[0].residual - (2.3 - 4 * (1 - Math.exp(-1))) / 0.2) < 1e-12);
    });

    it('tabulates the fitted values with units and intervals, an open side marked and a flat profile not identifiable; χ², AIC and BIC in one line', () => {
        const model = fitViewModel(fitResult());
        assert.deepEqual(model.estimates.map(e => [e.label, e.value, e.unit, e.interval, e.identifiable]), [
            ['A.supply', 2.01, 'µM/min', '[1.8, 2.3]', true],
            ['R.kd', 0.05, 'µM', '[0.02, ≥ bound 1]', false]
        ]);
        const [, kd] = fitResult().estimates;
        const openLow = fitViewModel({ ...fitResult(), estimates: [{ ...kd, closed: [false, true], interval: [0.01, 0.2] }] });
        assert.equal(openLow.estimates[0].interval, '[≤ bound 0.01, 0.2]', 'an open low side reaches below its bound');
        assert.equal(model.summary, 'χ² 1.5 over 4 measurements, AIC -3.25, BIC -2.5');
        assert.match(fitViewModel({ ...fitResult(), converged: false, reason: 'iteration limit' }).summary, / — not converged \(iteration limit\)$/);
    });

    it('draws a point, its error bar and the curve where the axes put them, and escapes the model\'s names', () => {
        const model = fitViewModel(fitResult());
        const svg = fitPanelSvg(model, model.panels[0], style);
        assert.equal((svg.match(/data-role="measurement"/g) ?? []).length, 3);
        assert.equal((svg.match(/data-role="fitted-curve"/g) ?? []).length, 1);
        // The error bar spans low to high around the dot: the dot's y lies between the bar's ends, at the same x.
        const bar = /<g data-role="measurement" data-label="Rise A at 2 min"><line x1="([\d.]+)" x2="[\d.]+" y1="([\d.]+)" y2="([\d.]+)".*?<circle cx="([\d.]+)" cy="([\d.]+)"/.exec(svg)!;
        const [x, low, high, cx, cy] = bar.slice(1).map(Number);
        assert.equal(x, cx);
        assert.ok(high < cy && cy < low, 'SVG y grows downward: high above the dot, low below');
        assert.ok(Math.abs((low - cy) - (cy - high)) < 0.02, 'a symmetric ±1 sd bar');
        const residuals = residualSvg(fitViewModel({ ...fitResult(), points: [{ ...fitResult().points[0], scenario: 'R<1>' }] }), style);
        assert.ok(residuals.includes('R&lt;1&gt; A at 2 min') && !residuals.includes('R<1>'));
    });

    it('exports the whole view as one SVG: each chart, then the residuals, one under the other', () => {
        const svg = fitViewSvg(fitViewModel(fitResult()), style);
        assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="400" height="600" /);
        assert.deepEqual([...svg.matchAll(/<svg y="(\d+)" [^>]*aria-label="([^"]*)"/g)].map(m => [Number(m[1]), m[2]]), [[0, 'Rise: A'], [200, 'At steady state'], [400, 'Residuals']]);
        assert.equal((svg.match(/data-role="measurement"/g) ?? []).length, 4);
    });

    it('exports one CSV row per measurement with its fitted value and residual', () => {
        const rows = fitCsv(fitResult()).trim().split(/\r?\n/);
        assert.equal(rows[0], 'scenario,quantity,time (min),value,sd,fitted,unit,residual');
        assert.equal(rows.length, 5);
        assert.ok(rows[4].startsWith('Rise,R.occupancy,steady,0.6,0.05,0.55,1,1'));
    });
});
