import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScanRunResult, SteadyAnalysisResult } from '../../language/src/simulation/simulation-protocol.js';
import { divergingColour } from '@neurocascade/language/diagram/diagram-style';
import { divergingScale, scaleColour, sequentialScale } from '../src/shared/colour-scale.js';
import { controlHeatmap, fluxControlOnNetwork } from '../src/shared/control-charts.js';
import { controlCsv, scanCsv, sensitivityCsv } from '../src/shared/csv.js';
import { cellColour, heatmapCsv, heatmapSvg } from '../src/shared/heatmap-chart.js';
import { hillAt, isGeometric, scanHeatmaps, scanPlotCsv, scanPlots, scanPlotSvg } from '../src/shared/scan-chart.js';
import { parameterLabel, tornadoChart, tornadoCsv, tornadoSvg } from '../src/shared/tornado-chart.js';

const theme = { foreground: '#000000', background: '#ffffff', grid: '#cccccc', font: 'sans-serif' };
const cli = fileURLToPath(new URL('../../../cli/bin/cascade.js', import.meta.url));
const example = fileURLToPath(new URL('../../../../examples/serotonin.cascade', import.meta.url));
const run = (args: string[]) => JSON.parse(execFileSync(process.execPath, [cli, ...args, '--format', 'json'], { encoding: 'utf8' }));

/** The serotonin example's steady state analysed by the CLI (`cascade sensitivity`, `cascade mca`), in the shape the views receive. */
function serotoninAnalysis(): SteadyAnalysisResult {
    const { scenario, parameters, quantities, coefficients } = run(['sensitivity', example]);
    const { elasticities, fluxControl, concentrationControl } = run(['mca', example]);
    const processes = (fluxControl.columns as string[]).filter(c => !c.includes('.'));
    return {
        uri: 'file:///serotonin.cascade', scenario, sensitivities: { parameters, quantities, coefficients },
        control: { elasticities, fluxControl, concentrationControl },
        stability: { unavailable: 'not needed' }, stabilitySummary: '',
        network: { nodes: processes.map(id => ({ id, label: id, kind: 'process', category: 'process' })), edges: [] }, elapsedMs: 0
    };
}

/** A model whose scan has a closed form: R's occupancy L^1.5/(2^1.5 + L^1.5) over L from 0.05 to 50 µM (log), EC50 2 µM, n 1.5. */
function occupancyScan(extraVary = ''): ScanRunResult {
    const folder = mkdtempSync(path.join(tmpdir(), 'scan-chart-'));
    try {
        writeFileSync(path.join(folder, 'dose.cascade'), `precursor L { initial 1 uM }
parameter k = 1 /min
receptor R { binds L kd 2 uM hill 1.5 }
scenario Base { simulate 1 min }
scan Occupancy {
    from Base
    vary L initial from 0.05 uM to 50 uM in ${extraVary ? 5 : 25} steps log
    ${extraVary}
    measure R.occupancy, L
    at steady
}
`);
        return { ...run(['scan', path.join(folder, 'dose.cascade')]), uri: 'file:///dose.cascade', elapsedMs: 0 };
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
}

describe('sensitivity and control charts', function () {
    this.timeout(60000);
    let analysis: SteadyAnalysisResult;
    before(() => { analysis = serotoninAnalysis(); });

    it('tornado: the quantity\'s largest response coefficients, sorted by |coefficient|, at most 15', () => {
        const chart = tornadoChart(analysis.sensitivities, 'Serotonin_ext');
        const i = analysis.sensitivities.quantities.findIndex(q => q.name === 'Serotonin_ext');
        const all = new Map(analysis.sensitivities.parameters.flatMap((p, j) => {
            const c = analysis.sensitivities.coefficients[i][j];
            return c === null ? [] : [[parameterLabel(p), c] as const];
        }));
        assert.equal(chart.bars.length, Math.min(15, all.size));
        for (const bar of chart.bars) assert.equal(bar.coefficient, all.get(bar.parameter), `${bar.parameter} as the CLI computes it`);
        chart.bars.forEach((bar, k) => assert.ok(k === 0 || Math.abs(bar.coefficient) <= Math.abs(chart.bars[k - 1].coefficient), 'sorted by |coefficient|'));
        const smallestShown = Math.abs(chart.bars.at(-1)!.coefficient);
        for (const [name, c] of all) if (!chart.bars.some(b => b.parameter === name)) assert.ok(Math.abs(c) <= smallestShown, `${name} left out`);
        assert.equal(chart.omitted, analysis.sensitivities.parameters.length - chart.bars.length);
        // The axis is symmetric about zero and reaches the largest bar.
        assert.equal(chart.scale.high, Math.abs(chart.bars[0].coefficient));
        assert.equal(chart.scale.low, -chart.scale.high);
        const svg = tornadoSvg(chart, theme);
        const drawn = [...svg.matchAll(/class="bar" data-parameter="([^"]+)" data-coefficient="([^"]+)"/g)].map(m => [m[1], Number(m[2])]);
        assert.deepEqual(drawn, chart.bars.map(b => [b.parameter, b.coefficient]), 'bars drawn top to bottom in that order');
        assert.match(svg, /class="axis-label"[^>]*>response coefficient of Serotonin_ext/);
        const negative = chart.bars.find(b => b.coefficient < 0), positive = chart.bars.find(b => b.coefficient > 0);
        if (negative) assert.equal(scaleColour(chart.scale, negative.coefficient), divergingColour(negative.coefficient / chart.scale.high));
        if (positive) assert.ok(scaleColour(chart.scale, positive.coefficient).startsWith('#') && positive.coefficient > 0);
        const rows = tornadoCsv(chart).trimEnd().split('\n');
        assert.equal(rows[0], 'parameter,value,unit,response coefficient of Serotonin_ext');
        assert.equal(rows.length, chart.bars.length + 1);
        assert.equal(Number(rows[1].split(',').at(-1)), chart.bars[0].coefficient);
    });

    it('colour scales: a diverging one symmetric about zero with labelled ends; a sequential one from lowest to highest', () => {
        const scale = divergingScale([0.2, -0.85, null, 0.04, NaN], 'C');
        assert.deepEqual([scale.low, scale.high], [-0.85, 0.85]);
        assert.deepEqual(scale.ticks.map(t => t.label), ['-0.85', '-0.425', '0', '0.425', '0.85']);
        assert.equal(scaleColour(scale, 0.85), divergingColour(1));
        assert.equal(scaleColour(scale, -0.85), divergingColour(-1));
        assert.equal(scaleColour(scale, 0), divergingColour(0));
        // A 0.04 coefficient stays pale beside a 0.85 one.
        assert.equal(scaleColour(scale, 0.04), divergingColour(0.04 / 0.85));
        const sequential = sequentialScale([2, 4, 10], 'Y (nM)');
        assert.deepEqual([sequential.low, sequential.high, sequential.ticks.map(t => t.label)], [2, 10, ['2', '6', '10']]);
    });

    it('control heatmap: the flux-control matrix as the CLI computes it, summing to 1 along each flux, on a symmetric labelled scale', () => {
        const chart = controlHeatmap(analysis, 'flux');
        assert.deepEqual([chart.rows, chart.columns, chart.values], [analysis.control.fluxControl.rows, analysis.control.fluxControl.columns, analysis.control.fluxControl.values]);
        // The summation theorem: what the view shows of each flux adds up to 1.
        for (const row of chart.values) assert.ok(Math.abs(row.reduce((s: number, v) => s + (v ?? 0), 0) - 1) < 1e-6);
        assert.equal(chart.scale.low, -chart.scale.high);
        const svg = heatmapSvg(chart, theme);
        assert.equal((svg.match(/class="cell"/g) ?? []).length, chart.rows.length * chart.columns.length);
        assert.match(svg, /class="colour-scale"/);
        for (const tick of chart.scale.ticks) assert.ok(svg.includes(`class="scale-tick">${tick.label}<`), `scale tick ${tick.label}`);
        assert.ok(svg.includes(chart.scale.title.replace(/</g, '&lt;')), 'the scale says what its values are');
        const [i, j] = [0, chart.columns.indexOf(chart.rows[0] as string)];
        assert.ok(svg.includes(`data-row="${i}" data-column="${j}" data-value="${chart.values[i][j]}"`));
        assert.ok(svg.includes(`fill="${cellColour(chart, chart.values[i][j])}"`));
        const csv = heatmapCsv(chart).trimEnd().split('\n');
        assert.equal(csv[0], ['flux J (by step) \\ step k (its rate scaled)', ...chart.columns].join(','));
        assert.deepEqual(csv[1].split(',').slice(1).map(Number), chart.values[0].map(v => v ?? 0));
        assert.match(controlCsv(analysis), /^flux J[^\n]*\n[\s\S]*\n\nspecies x/);
        assert.equal(sensitivityCsv(analysis).split('\n')[0].split(',').length, 3 + analysis.sensitivities.parameters.length);
    });

    it('network colouring: the chosen flux\'s control coefficients on the process nodes, one scale for the whole matrix', () => {
        const { values, limit } = fluxControlOnNetwork(analysis, 'TPH2');
        const m = analysis.control.fluxControl;
        const row = m.values[m.rows.indexOf('TPH2')];
        assert.equal(values.get('TPH2'), row[m.columns.indexOf('TPH2')]);
        assert.ok(![...values.keys()].some(k => k.includes('.')), 'a species\' clearance is a step but not a node');
        assert.equal(limit, Math.max(...m.values.flat().map(v => Math.abs(v ?? 0))));
        assert.throws(() => fluxControlOnNetwork(analysis, 'Nope'), /No flux 'Nope'/);
    });
});

describe('scan charts', function () {
    this.timeout(60000);

    it('1-D: the points, the fitted Hill curve and the EC50 marked at the fitted value, on a log dose axis', () => {
        const result = occupancyScan();
        const [occupancy] = scanPlots(result);
        assert.ok(isGeometric(result.vary[0].values) && occupancy.log);
        assert.equal(occupancy.xLabel, 'L.initial (µM)');
        assert.equal(occupancy.yLabel, 'R.occupancy');
        // The fit recovers Kd 2 µM and n 1.5 of L^n/(Kd^n + L^n); the marker sits on the curve at half of Emax.
        const marker = occupancy.marker!;
        assert.equal(marker.kind, 'EC50');
        assert.equal(marker.x, result.measures[0].hill!.ec50);
        assert.ok(Math.abs(marker.x - 2) < 1e-4 && Math.abs(marker.n - 1.5) < 1e-4, JSON.stringify(marker));
        assert.ok(Math.abs(marker.y - (marker.base + marker.emax / 2)) < 1e-12);
        occupancy.curve.forEach(p => assert.ok(Math.abs(p.y - p.x ** 1.5 / (2 ** 1.5 + p.x ** 1.5)) < 1e-4, `curve at ${p.x}`));
        const svg = scanPlotSvg(occupancy, theme, 640, 340);
        const drawn = svg.match(/class="ec50-marker" data-kind="EC50" data-x="([^"]+)" data-y="([^"]+)"><line x1="([\d.]+)"/)!;
        assert.equal(Number(drawn[1]), marker.x);
        // Plot 80…616 px wide, log axis from 0.05 to 50: the marker's x in pixels.
        const expected = 80 + (Math.log10(marker.x) - Math.log10(0.05)) / (Math.log10(50) - Math.log10(0.05)) * 536;
        assert.ok(Math.abs(Number(drawn[3]) - expected) < 0.1, `${drawn[3]} px vs ${expected}`);
        assert.match(svg, /class="x-label"[^>]*>L\.initial \(µM\)</);
        assert.match(svg, /class="y-label"[^>]*>R\.occupancy</);
        assert.equal((svg.match(/class="point"/g) ?? []).length, 25);
        assert.match(svg, /class="hill-curve"/);
        const csv = scanPlotCsv(occupancy).trimEnd().split('\n');
        assert.equal(csv[0], 'L.initial (µM),R.occupancy,fitted Hill curve');
        const [x, y, fitted] = csv[1].split(',').map(Number);
        assert.deepEqual([x, y], [0.05, (result.measures[0].values as number[])[0]]);
        assert.equal(fitted, hillAt(marker, 0.05));
        assert.match(scanCsv(result), /^L\.initial \(uM\),R\.occupancy \(1\),L \(uM\)\n0\.05,/);
    });

    it('1-D: an inhibition is marked as the IC50; folds are shaded between their values', () => {
        const result = occupancyScan();
        const falling: ScanRunResult = {
            ...result, folds: [{ between: [3, 4], sweep: 'up' }],
            measures: [{ ...result.measures[0], values: (result.measures[0].values as number[]).map(v => 1 - v), hill: { ...result.measures[0].hill!, emax: -1, base: 1 } }]
        };
        const [plot] = scanPlots(falling);
        assert.equal(plot.marker!.kind, 'IC50');
        assert.deepEqual(plot.folds, [{ from: result.vary[0].values[3], to: result.vary[0].values[4], sweep: 'up' }]);
        const svg = scanPlotSvg(plot, theme);
        assert.match(svg, /class="ec50-marker" data-kind="IC50"/);
        assert.match(svg, /class="fold"[^>]*><title>fold: the up sweep's branch ends here/);
    });

    it('1-D: a measured species is plotted in the unit its author wrote, else in a readable prefix', () => {
        const result = occupancyScan();
        const written: ScanRunResult = { ...result, measures: [result.measures[0], { ...result.measures[1], display: { unit: 'nM', scale: 1e-3 } }] };
        const [, ligand] = scanPlots(written);
        assert.equal(ligand.yLabel, 'L (nM)');
        // L is scanned up to 50 µM: 50,000 nM at the top, as written.
        assert.equal(Math.max(...ligand.points.map(p => p.y ?? 0)), 50 * 1000);
        assert.equal(scanPlots(result)[1].yLabel, 'L (µM)');
    });

    it('1-D and 2-D: a varied property is shown in the unit its range was written in, its EC50 too', () => {
        const result = occupancyScan();
        // `vary L initial from 50 nM to 50000 nM`: the same base values, written in nM.
        const written: ScanRunResult = { ...result, vary: [{ ...result.vary[0], display: { unit: 'nM', scale: 1e-3 } }] };
        const [plot] = scanPlots(written);
        assert.equal(plot.xLabel, 'L.initial (nM)');
        plot.points.forEach((p, i) => assert.ok(Math.abs(p.x / (result.vary[0].values[i] * 1000) - 1) < 1e-12, `point ${i} at ${p.x} nM`));
        assert.ok(Math.abs(plot.marker!.x - 2000) < 0.1, `EC50 ${plot.marker!.x} nM`);
        assert.match(plot.marker!.label, /^EC50 2000 nM,/);
        assert.match(scanPlotSvg(plot, theme), /class="x-label"[^>]*>L\.initial \(nM\)</);
        assert.equal(scanPlotCsv(plot).split('\n')[0], 'L.initial (nM),R.occupancy,fitted Hill curve');
        const grid = occupancyScan('vary k from 1 /min to 2 /min in 3 steps');
        const [heatmap] = scanHeatmaps({ ...grid, vary: [{ ...grid.vary[0], display: { unit: 'nM', scale: 1e-3 } }, grid.vary[1]] });
        assert.equal(heatmap.rowAxis, 'L.initial (nM)');
        heatmap.rows.forEach((row, i) => assert.ok(Math.abs(Number(row) / (grid.vary[0].values[i] * 1000) - 1) < 1e-12, `row ${i} at ${row} nM`));
    });

    it('1-D: a scan whose every point failed draws its axes, no points and no curve', () => {
        const result = occupancyScan();
        const failed: ScanRunResult = {
            ...result, measures: [{ name: 'R.occupancy', unit: '1', values: result.vary[0].values.map(() => null) }],
            errors: result.vary[0].values.map((_, i) => ({ at: [i], message: 'no steady state' }))
        };
        const [plot] = scanPlots(failed);
        assert.equal(plot.marker, undefined);
        const svg = scanPlotSvg(plot, theme);
        assert.doesNotMatch(svg, /NaN|Infinity/);
        assert.equal((svg.match(/class="point"/g) ?? []).length, 0);
        assert.match(svg, /No Hill curve fits these values\./);
        assert.match(svg, /class="x-label"[^>]*>L\.initial \(µM\)</);
    });

    it('2-D: a heatmap per measured quantity, rows the first varied value and columns the second', () => {
        const result = occupancyScan('vary k from 1 /min to 2 /min in 3 steps');
        assert.equal(scanPlots(result).length, 0);
        const [occupancy, ligand] = scanHeatmaps(result);
        assert.deepEqual([occupancy.rows.length, occupancy.columns.length], [5, 3]);
        assert.equal(occupancy.rowAxis, 'L.initial (µM)');
        assert.equal(occupancy.columnAxis, 'k.value (/min)');
        assert.equal(occupancy.scale.kind, 'sequential');
        assert.deepEqual(occupancy.values, result.measures[0].values);
        assert.match(ligand.title, /^L \(µM\) over L\.initial and k\.value$/);
        assert.equal((heatmapSvg(occupancy, theme).match(/class="cell"/g) ?? []).length, 15);
    });
});
