import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ScenarioRunResult } from '../../language/src/simulation/simulation-protocol.js';
import { axisLabel, drawnValues, panelRange, sameLayout, timeCourseChart, timeUnitFor, type ChartModel, type PanelView } from '../src/shared/chart-model.js';
import { colourOf, PALETTE } from '../src/shared/palette.js';
import { chartSvg, ticks, type SvgStyle } from '../src/shared/svg-plot.js';
import { scenarioResult } from './fixtures.js';

const style: SvgStyle = {
    width: 400, height: 200, foreground: '#000', background: '#fff', grid: '#ccc', font: 'sans-serif', views: new Map(), hidden: new Set()
};
const LINEAR: PanelView = { log: false, normalised: false };

/** The example's scenario as the simulator runs it (through the CLI), in the shape the preview receives (it observes `balance`). */
function serotonin(scenario: string): ScenarioRunResult {
    const cli = fileURLToPath(new URL('../../../cli/bin/cascade.js', import.meta.url));
    const model = fileURLToPath(new URL('../../../../examples/serotonin.cascade', import.meta.url));
    const run = JSON.parse(execFileSync(process.execPath, [cli, 'simulate', model, '--scenario', scenario, '--format', 'json'], { encoding: 'utf8' })) as
        { time: number[]; series: { name: string; unit: string; values: number[] }[] };
    return {
        uri: 'file:///serotonin.cascade', scenario, time: run.time, series: run.series, expects: [], warnings: [], elapsedMs: 0
    };
}

/** Each line's scenario with its colour. */
function scenarioColours(chart: ChartModel): string[] {
    return chart.panels.flatMap(p => p.lines.map(l => `${l.scenario} ${colourOf(l.colour)}`));
}

describe('time-course chart model', function () {
    // The serotonin example is simulated through the CLI, a second or so per scenario.
    this.timeout(60000);
    it('picks a readable time unit for the run length', () => {
        assert.equal(timeUnitFor(90).label, 'min');
        assert.equal(timeUnitFor(48 * 60).label, 'h');
        assert.equal(timeUnitFor(14 * 1440).label, 'd');
    });

    it('puts one scenario in a panel per dimension and display unit, each axis labelled with its unit', () => {
        const chart = timeCourseChart([scenarioResult('A', [0, 1], { X: [1, 2], Y: [0.001, 0.002], Z: [3, 4], 'R.occupancy': [0.2, 0.5] }, [0.1, 0.2])]);
        assert.deepEqual(chart.panels.map(p => [p.title, p.lines.map(l => l.quantity)]),
            [['Concentration', ['X', 'Z']], ['Concentration', ['Y']], ['Fraction', ['R.occupancy']], ['E/I balance', ['balance']]]);
        assert.deepEqual(chart.panels.map(p => axisLabel(p, LINEAR)), ['Concentration (µM)', 'Concentration (nM)', 'Fraction', 'E/I balance']);
        assert.deepEqual(drawnValues(chart.panels[1], chart.panels[1].lines[0], LINEAR), [1, 2]);
        assert.deepEqual(chart.legend.map(e => e.label), ['X', 'Y', 'Z', 'R.occupancy', 'balance']);
    });

    it('shows a series in its author\'s unit: a mass unit through the molar mass, each unit its own panel', () => {
        // 1 pg/mL of melatonin (232.28 g/mol) is 1e-9 g/L ÷ 232.28 g/mol, in µM.
        const pgPerMl = 1e-9 / 232.28 * 1e6;
        const result = scenarioResult('A', [0, 1], { Melatonin: [80 * pgPerMl, 20 * pgPerMl], Serotonin: [5, 2.5], Trp: [0.4, 0.2] });
        result.series[0].display = { unit: 'pg/mL', scale: pgPerMl };
        result.series[1].display = { unit: 'nM', scale: 1e-3 };
        const chart = timeCourseChart([result]);
        assert.deepEqual(chart.panels.map(p => [axisLabel(p, LINEAR), p.lines.map(l => l.quantity)]),
            [['Concentration (pg/mL)', ['Melatonin']], ['Concentration (nM)', ['Serotonin', 'Trp']]]);
        const drawn = (panel: number, line: number) => drawnValues(chart.panels[panel], chart.panels[panel].lines[line], LINEAR) as number[];
        drawn(0, 0).forEach((v, i) => assert.ok(Math.abs(v - [80, 20][i]) < 1e-9, `melatonin reads ${v} pg/mL`));
        // Serotonin written in nM stays in nM (5000, where a prefix chosen by size would say 5 µM); Trp without a unit of its own gets nM by size.
        drawn(1, 0).forEach((v, i) => assert.ok(Math.abs(v - [5000, 2500][i]) < 1e-9, `serotonin reads ${v} nM`));
        drawn(1, 1).forEach((v, i) => assert.ok(Math.abs(v - [400, 200][i]) < 1e-9, `tryptophan reads ${v} nM`));
    });

    it('uses no colour twice in one chart', () => {
        const chart = timeCourseChart([serotonin('Baseline')]);
        const used = chart.panels.flatMap(p => p.lines.map(l => colourOf(l.colour)));
        assert.equal(used.length, 7);
        assert.equal(new Set(used).size, used.length, `colours: ${used.join(', ')}`);
        assert.ok(used.length <= PALETTE.length);
    });

    it('makes the nanomolar transmitter of the serotonin example span at least a fifth of its panel', () => {
        const chart = timeCourseChart([serotonin('Baseline')]);
        const panel = chart.panels.find(p => p.lines.some(l => l.quantity === 'Serotonin_ext'))!;
        assert.equal(axisLabel(panel, LINEAR), 'Concentration (nM)');
        assert.ok(!panel.lines.some(l => l.quantity === 'Trp'), 'tryptophan (27 µM) has a panel of its own');
        const line = panel.lines.find(l => l.quantity === 'Serotonin_ext')!;
        for (const view of [LINEAR, { log: true, normalised: false }, { log: false, normalised: true }]) {
            const values = drawnValues(panel, line, view).filter((v): v is number => v !== null);
            const [low, high] = panelRange(panel, view, new Set());
            const scale = view.log ? Math.log10 : (v: number) => v;
            const share = (scale(Math.max(...values)) - scale(Math.min(...values))) / (scale(high) - scale(low));
            assert.ok(share >= 0.2, `${JSON.stringify(view)}: Serotonin_ext spans ${share.toFixed(3)} of its panel`);
        }
        const micromolar = chart.panels.find(p => p.lines.some(l => l.quantity === 'Trp'))!;
        const normalised = { log: false, normalised: true };
        const [low, high] = panelRange(micromolar, normalised, new Set());
        const tissue = drawnValues(micromolar, micromolar.lines.find(l => l.quantity === 'Tissue5HT')!, normalised).filter((v): v is number => v !== null);
        assert.ok((Math.max(...tissue) - Math.min(...tissue)) / (high - low) >= 0.2, 'normalised, tissue serotonin is readable beside tryptophan');
    });

    it('compares scenarios as small multiples: a panel per quantity, a colour and a legend entry per scenario', () => {
        const chart = timeCourseChart(['Baseline', 'SSRI', 'MAOInhibitor'].map(serotonin));
        assert.deepEqual(chart.legend.map(e => e.key), ['Baseline', 'SSRI', 'MAOInhibitor']);
        assert.deepEqual(chart.panels.map(p => p.title), ['Serotonin_ext', 'Tissue5HT', 'FiveHIAA', 'Trp', 'HT1A.occupancy', 'HT2A.activation', 'balance']);
        for (const panel of chart.panels) {
            assert.deepEqual(panel.lines.map(l => l.legend), ['Baseline', 'SSRI', 'MAOInhibitor']);
            assert.equal(new Set(panel.lines.map(l => colourOf(l.colour))).size, 3);
        }
        assert.equal(new Set(scenarioColours(chart)).size, 3, 'a scenario has one colour in every panel');
        const transmitter = chart.panels[0];
        assert.equal(transmitter.unit.label, 'nM');
        const highest = transmitter.lines.reduce((a, b) => Math.max(...a.values.map(Number)) > Math.max(...b.values.map(Number)) ? a : b);
        const [, high] = panelRange(transmitter, LINEAR, new Set());
        assert.ok(panelRange(transmitter, LINEAR, new Set([highest.legend]))[1] < high, `hiding ${highest.scenario} rescales the panel to the others`);
    });

    it('aligns overlaid scenarios on one time axis, with gaps where a scenario has no sample', () => {
        const chart = timeCourseChart([scenarioResult('A', [0, 60, 120], { X: [1, 2, 3] }), scenarioResult('B', [0, 120], { X: [4, 5] })]);
        assert.deepEqual(chart.times, [0, 60, 120]);
        assert.deepEqual(chart.panels[0].lines.map(l => l.values), [[1, 2, 3], [4, null, 5]]);
    });

    it('draws the E/I balance in its own panel', () => {
        const chart = timeCourseChart([scenarioResult('A', [0, 1], { X: [1, 1] }, [0.9, 1.1])]);
        assert.deepEqual(chart.panels.map(p => [p.title, p.lines.length]), [['Concentration', 1], ['E/I balance', 1]]);
        assert.equal(chart.legend.length, 2);
    });

    it('draws the E/I balance only for scenarios that have one', () => {
        assert.ok(!timeCourseChart([scenarioResult('A', [0], { X: [1] })]).panels.some(p => p.title === 'E/I balance'));
        const chart = timeCourseChart([scenarioResult('A', [0, 1], { X: [1, 1] }, [0.9, 1.1])]);
        assert.deepEqual(chart.panels.find(p => p.title === 'E/I balance')!.lines[0].values, [0.9, 1.1]);
    });

    it('starts a linear concentration axis at zero, and divides each line by its first value when normalised', () => {
        const chart = timeCourseChart([scenarioResult('A', [0, 1, 2], { X: [2, 3, 4] })]);
        const [panel] = chart.panels;
        assert.equal(panelRange(panel, LINEAR, new Set())[0], 0);
        assert.deepEqual(drawnValues(panel, panel.lines[0], { log: false, normalised: true }), [1, 1.5, 2]);
        assert.equal(axisLabel(panel, { log: false, normalised: true }), 'Concentration (× first value)');
    });

    it('keeps the chart in place when a re-run changes only values or sample times, and rebuilds it otherwise', () => {
        const before = timeCourseChart([scenarioResult('A', [0, 60], { X: [1, 2], 'R.occupancy': [0.1, 0.2] })]);
        assert.ok(sameLayout(before, timeCourseChart([scenarioResult('A', [0, 30, 90], { X: [3, 4, 5], 'R.occupancy': [0.3, 0.4, 0.5] })])));
        assert.ok(!sameLayout(before, timeCourseChart([scenarioResult('A', [0, 60], { X: [1, 2] })])), 'a line less');
        assert.ok(!sameLayout(before, timeCourseChart([scenarioResult('A', [0, 600], { X: [1, 2], 'R.occupancy': [0.1, 0.2] })])), 'minutes became hours');
        assert.ok(!sameLayout(before, timeCourseChart([scenarioResult('A', [0, 60], { X: [0.001, 0.002], 'R.occupancy': [0.1, 0.2] })])), 'µM became nM');
        assert.ok(!sameLayout(before, timeCourseChart([scenarioResult('B', [0, 60], { X: [1, 2], 'R.occupancy': [0.1, 0.2] })])), 'another scenario');
        assert.ok(sameLayout(undefined, undefined));
        assert.ok(!sameLayout(before, undefined));
    });
});

describe('SVG export', () => {
    it('draws every panel with a labelled y axis and one polyline per visible line', () => {
        const svg = chartSvg(timeCourseChart([scenarioResult('A', [0, 60], { X: [1, 2], Y: [2, 1], 'R.occupancy': [0.1, 0.2] })]), { ...style, hidden: new Set(['A/Y']) });
        assert.equal((svg.match(/<polyline/g) ?? []).length, 2);
        assert.match(svg, />Concentration \(µM\)</);
        assert.match(svg, />Fraction</);
        assert.equal((svg.match(/>time \(min\)</g) ?? []).length, 2);
        assert.doesNotMatch(svg, /data-line="A\/Y"/);
    });

    it('escapes model-provided names', () => {
        const svg = chartSvg(timeCourseChart([scenarioResult('<b>', [0, 1], { X: [1, 2] }), scenarioResult('B', [0, 1], { X: [1, 2] })]), style);
        assert.match(svg, />&lt;b&gt;</);
        assert.doesNotMatch(svg, /<b>/);
    });

    it('leaves out values a log scale cannot show', () => {
        const chart = timeCourseChart([scenarioResult('A', [0, 1, 2], { X: [0, 1, 10] })]);
        const svg = chartSvg(chart, { ...style, views: new Map([[chart.panels[0].key, { log: true, normalised: false }]]) });
        const points = /points="([^"]*)"/.exec(svg)![1].split(' ');
        assert.equal(points.length, 2);
    });

    it('puts round ticks inside the range, decades on a log scale', () => {
        assert.deepEqual(ticks(0, 10, false), [0, 2, 4, 6, 8, 10]);
        assert.deepEqual(ticks(0.05, 20, true), [0.1, 1, 10]);
    });
});
