import { strict as assert } from 'node:assert';
import { balanceChart, sameLayout, timeCourseChart, timeUnitFor } from '../src/shared/chart-model.js';
import { chartSvg, ticks, type SvgStyle } from '../src/shared/svg-plot.js';
import { scenarioResult } from './fixtures.js';

const style: SvgStyle = {
    width: 400, height: 200, palette: ['#1a85ff', '#e51400'], foreground: '#000', background: '#fff', grid: '#ccc',
    font: 'sans-serif', logScale: false, hidden: new Set()
};

describe('time-course chart model', () => {
    it('picks a readable time unit for the run length', () => {
        assert.equal(timeUnitFor(90).label, 'min');
        assert.equal(timeUnitFor(48 * 60).label, 'h');
        assert.equal(timeUnitFor(14 * 1440).label, 'd');
    });

    it('aligns overlaid scenarios on one time axis, with gaps where a scenario has no sample', () => {
        const chart = timeCourseChart([scenarioResult('A', [0, 60, 120], { X: [1, 2, 3] }), scenarioResult('B', [0, 120], { X: [4, 5] })]);
        assert.deepEqual(chart.times, [0, 60, 120]);
        assert.deepEqual(chart.lines.map(l => l.values), [[1, 2, 3], [4, null, 5]]);
        assert.deepEqual(chart.lines.map(l => [l.label, l.colour, l.dash]), [['X · A', 0, 0], ['X · B', 0, 1]]);
    });

    it('gives each quantity its own colour and each unit its own scale', () => {
        const chart = timeCourseChart([scenarioResult('A', [0], { X: [1], 'R.occupancy': [0.5] })]);
        assert.deepEqual(chart.lines.map(l => l.colour), [0, 1]);
        assert.deepEqual(chart.units, ['uM', '1']);
    });

    it('draws the E/I balance only for scenarios that have one', () => {
        assert.equal(balanceChart([scenarioResult('A', [0], { X: [1] })]).lines.length, 0);
        assert.deepEqual(balanceChart([scenarioResult('A', [0, 1], { X: [1, 1] }, [0.9, 1.1])]).lines[0].values, [0.9, 1.1]);
    });

    it('keeps the chart in place when a re-run changes only values or sample times, and rebuilds it otherwise', () => {
        const before = timeCourseChart([scenarioResult('A', [0, 60], { X: [1, 2], 'R.occupancy': [0.1, 0.2] })]);
        assert.ok(sameLayout(before, timeCourseChart([scenarioResult('A', [0, 30, 90], { X: [3, 4, 5], 'R.occupancy': [0.3, 0.4, 0.5] })])));
        assert.ok(!sameLayout(before, timeCourseChart([scenarioResult('A', [0, 60], { X: [1, 2] })])), 'a line less');
        assert.ok(!sameLayout(before, timeCourseChart([scenarioResult('A', [0, 600], { X: [1, 2], 'R.occupancy': [0.1, 0.2] })])), 'minutes became hours');
        assert.ok(!sameLayout(before, timeCourseChart([scenarioResult('B', [0, 60], { X: [1, 2], 'R.occupancy': [0.1, 0.2] })])), 'another scenario');
        assert.ok(sameLayout(undefined, undefined));
        assert.ok(!sameLayout(before, undefined));
    });
});

describe('SVG export', () => {
    it('draws one polyline per visible line and names it in the legend', () => {
        const svg = chartSvg(timeCourseChart([scenarioResult('A', [0, 60], { X: [1, 2], Y: [2, 1] })]), { ...style, hidden: new Set(['A/Y']) });
        assert.equal((svg.match(/<polyline/g) ?? []).length, 1);
        assert.match(svg, />X \(µM\)</);
        assert.doesNotMatch(svg, />Y \(µM\)</);
    });

    it('escapes model-provided names', () => {
        const svg = chartSvg(timeCourseChart([scenarioResult('<b>', [0, 1], { X: [1, 2] }), scenarioResult('B', [0, 1], { X: [1, 2] })]), style);
        assert.match(svg, /X · &lt;b&gt;/);
        assert.doesNotMatch(svg, /<b>/);
    });

    it('leaves out values a log scale cannot show', () => {
        const svg = chartSvg(timeCourseChart([scenarioResult('A', [0, 1, 2], { X: [0, 1, 10] })]), { ...style, logScale: true });
        const points = /points="([^"]*)"/.exec(svg)![1].split(' ');
        assert.equal(points.length, 2);
    });

    it('puts round ticks inside the range, decades on a log scale', () => {
        assert.deepEqual(ticks(0, 10, false), [0, 2, 4, 6, 8, 10]);
        assert.deepEqual(ticks(0.05, 20, true), [0.1, 1, 10]);
    });
});
