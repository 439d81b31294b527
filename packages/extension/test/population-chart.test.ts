import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MorrisResult, PopulationResult, SobolResult } from '../../language/src/simulation/simulation-protocol.js';
import { morrisCsv, populationCsv, sobolCsv } from '../src/shared/csv.js';
import { MARKERS, markerOf, morrisAxisLabel, morrisChart, morrisSvg } from '../src/shared/morris-chart.js';
import { PALETTE } from '../src/shared/palette.js';
import { BAND_PERCENTILES, bandRange, MEMBER_CURVES, populationChart, quantityLabel, sobolChart } from '../src/shared/population-chart.js';
import { populationSvg, sobolSvg, type PlotStyle } from '../src/shared/population-svg.js';

// X' = s − 0.1·X from 0: X(t) = 10 s (1 − e^(−t/10)); Total = X + Y at steady = 10 sX + 2 sY.
const MODEL = `precursor X { supply 1 uM/min clearance 0.1 /min }
precursor Y { initial 30 nM supply 0.002 uM/min clearance 0.5 /min }
rule Total = X + Y
scenario Base { simulate 60 min step 5 min observe X, Y }
population P { from Base vary X supply lognormal(cv 30%) vary Y clearance normal(sd 10%) truncated size 300 seed 7 }
population S { from Base vary X supply uniform(from 0.5 uM/min to 1.5 uM/min) vary Y supply uniform(from 0.001 uM/min to 0.003 uM/min) size 300 measure Total at steady }
`;

const style: PlotStyle = { width: 600, height: 220, foreground: '#000', background: '#fff', grid: '#ccc', font: 'sans-serif' };

/** What `cascade <command> …` prints for the model, as a user runs it. */
function cliText(args: string[]): string {
    const bin = fileURLToPath(new URL('../../../cli/bin/cascade.js', import.meta.url));
    const folder = mkdtempSync(path.join(tmpdir(), 'cascade-ribbons-'));
    try {
        writeFileSync(path.join(folder, 'model.cascade'), MODEL);
        return execFileSync(process.execPath, [bin, args[0], path.join(folder, 'model.cascade'), ...args.slice(1)], { encoding: 'utf8' });
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
}

const cli = <T>(args: string[]): T => JSON.parse(cliText([...args, '--format', 'json'])) as T;

/** The `points` of the element with this data-band in the quantity's panel, as [x, y] pairs. */
function points(svg: string, quantity: string, band: string): number[][] {
    const panel = svg.split('<g data-quantity=').find(part => part.startsWith(`"${quantity}"`))!;
    const found = new RegExp(`data-band="${band}"[^>]*points="([^"]*)"`).exec(panel);
    assert.ok(found, `no ${band} in the panel of ${quantity}`);
    return found[1].split(' ').map(p => p.split(',').map(Number));
}

describe('population view model', function () {
    // Each CLI run simulates 300 members or 1 200 Sobol runs: a few seconds.
    this.timeout(60000);
    let population: PopulationResult;
    before(() => { population = cli<PopulationResult>(['population', '--name', 'P']); });

    it('draws every quantity\'s bands ordered 5 ≤ 25 ≤ 50 ≤ 75 ≤ 95 % at every time, the numbers of cascade population in the display unit', () => {
        const chart = populationChart(population);
        assert.equal(chart.timeUnit?.label, 'min');
        assert.deepEqual(chart.times, population.time);
        assert.deepEqual(chart.panels.map(p => p.quantity), ['X', 'Y']);
        // Y stays below 0.1 µM, so it is shown in nM (factor 1000); X near 10 µM in µM.
        assert.deepEqual(chart.panels.map(p => [p.unit.label, p.unit.factor]), [['µM', 1], ['nM', 1000]]);
        chart.panels.forEach((panel, q) => {
            const written = population.quantities[q].percentiles;
            chart.times.forEach((_, t) => {
                const column = BAND_PERCENTILES.map(p => panel.bands[p][t]!);
                assert.ok(column.every((v, k) => k === 0 || column[k - 1] <= v), `${panel.quantity} at ${chart.times[t]} min: ${column.join(' ')}`);
                BAND_PERCENTILES.forEach(p => assert.ok(Math.abs(panel.bands[p][t]! - written[p][t]! * panel.unit.factor) <= 1e-12 * Math.abs(panel.bands[p][t]!)));
            });
        });
        // The members spread (cv 30 %): the 5–95 % band of X at 60 min is wide, around X = 10 (1 − e^(−6)) µM.
        const x = chart.panels[0].bands;
        assert.ok(x['5'].at(-1)! < 0.75 * x['50'].at(-1)! && x['95'].at(-1)! > 1.3 * x['50'].at(-1)!);
        assert.ok(Math.abs(x['50'].at(-1)! / (10 * (1 - Math.exp(-6))) - 1) < 0.05, `median ${x['50'].at(-1)}`);
    });

    it('draws per quantity a 5–95 % ribbon, a 25–75 % ribbon inside it and the median line, with axis labels in units', () => {
        const chart = populationChart(population);
        const svg = populationSvg(chart, style);
        for (const panel of chart.panels) {
            const outer = points(svg, panel.quantity, '5-95'), inner = points(svg, panel.quantity, '25-75'), median = points(svg, panel.quantity, '50');
            const n = chart.times.length;
            assert.equal(median.length, n);
            assert.equal(outer.length, 2 * n);
            assert.equal(inner.length, 2 * n);
            // SVG y grows downwards: at every time the 95 % edge is above the 75 %, the median between 25 and 75 %, the 5 % lowest.
            median.forEach(([x, y], i) => {
                const [top95, top75, bottom25, bottom5] = [outer[i][1], inner[i][1], inner[2 * n - 1 - i][1], outer[2 * n - 1 - i][1]];
                assert.equal(outer[i][0], x);
                assert.ok(top95 <= top75 && top75 <= y && y <= bottom25 && bottom25 <= bottom5, `${panel.quantity} at point ${i}`);
            });
        }
        assert.equal((svg.match(/class="x-label"[^>]*>time \(min\)</g) ?? []).length, 2);
        assert.match(svg, /class="y-label"[^>]*>X \(µM\)</);
        assert.match(svg, /class="y-label"[^>]*>Y \(nM\)</);
    });

    it('draws a population at steady state as a percentile strip per quantity, labelled with its unit', () => {
        const steady = cli<PopulationResult>(['population', '--name', 'S']);
        const chart = populationChart(steady);
        assert.equal(chart.timeUnit, undefined);
        const panel = chart.panels[0];
        assert.equal(quantityLabel(panel), 'Total (µM)');
        // Total = 10 sX + 2 sY with sX uniform on [0.5, 1.5] µM/min: its median near 10 + 0.004 µM.
        assert.ok(Math.abs(panel.bands['50'][0]! - 10.004) < 0.5, `median ${panel.bands['50'][0]}`);
        const svg = populationSvg(chart, style);
        const x = (band: string, attribute: string) => Number(new RegExp(`data-band="${band}"[^>]*${attribute}="([^"]*)"`).exec(svg)![1]);
        assert.ok(x('5-95', 'x1') < x('25-75', 'x') && x('25-75', 'x') < x('50', 'x1') && x('50', 'x1') < x('25-75', 'x') + x('25-75', 'width') && x('25-75', 'x') + x('25-75', 'width') < x('5-95', 'x2'));
        assert.match(svg, /class="x-label"[^>]*>Total \(µM\)</);
    });

    it('draws the Sobol indices of cascade sobol as bars', () => {
        const sobol = cli<SobolResult>(['sobol', '--name', 'S']);
        const chart = sobolChart(sobol);
        assert.deepEqual(chart.panels.map(p => p.quantity), ['Total']);
        assert.deepEqual(chart.panels[0].bars, sobol.indices.map(({ parameter, first, total }) => ({ parameter, first, total })));
        // Var(10 sX) = 100/12 against Var(2 sY) ≈ 0: X's supply explains nearly all of Total.
        assert.ok(chart.panels[0].bars[0].first! > 0.95, `S of X.supply ${chart.panels[0].bars[0].first}`);
        const svg = sobolSvg(chart, style);
        assert.equal((svg.match(/class="first"/g) ?? []).length, 2);
        assert.equal((svg.match(/class="total"/g) ?? []).length, 2);
        assert.match(svg, />X\.supply</);
    });

    it('writes the bands, the indices and the effects as CSV, as cascade population|sobol|morris --format csv does', () => {
        assert.equal(populationCsv(population), cliText(['population', '--name', 'P', '--format', 'csv']));
        assert.equal(sobolCsv(cli<SobolResult>(['sobol', '--name', 'S'])), cliText(['sobol', '--name', 'S', '--format', 'csv']));
        assert.equal(morrisCsv(cli<MorrisResult>(['morris', '--name', 'P'])), cliText(['morris', '--name', 'P', '--format', 'csv']));
    });

    it('draws the first members\' own curves among the bands on request, the values of cascade population --members, and says so', () => {
        const { members } = cli<Required<PopulationResult>>(['population', '--name', 'P', '--members']);
        const chart = populationChart({ ...population, members: members.slice(0, MEMBER_CURVES) });
        assert.deepEqual(chart.members, members.slice(0, MEMBER_CURVES).map(m => m.member));
        const svg = populationSvg(chart, style);
        chart.panels.forEach((panel, q) => {
            assert.equal(panel.members.length, MEMBER_CURVES);
            panel.members.forEach((values, m) => values.forEach((v, t) => assert.equal(v, members[m].values[t][q] * panel.unit.factor)));
            // Members outside the 5–95 % band stay on the axes.
            const [low, high] = bandRange(panel);
            assert.ok(panel.members.flat().every(v => v! >= low && v! <= high));
            const part = svg.split('<g data-quantity=').find(p => p.startsWith(`"${panel.quantity}"`))!;
            const curves = [...part.matchAll(/class="member" data-member="(\d+)"[^>]*points="([^"]*)"/g)];
            assert.equal(curves.length, MEMBER_CURVES);
            assert.ok(curves.every(c => c[2].split(' ').length === chart.times.length));
            assert.match(part, new RegExp(`class="members-note"[^>]*>thin lines: the first ${MEMBER_CURVES} of 300 members’ own values<`));
        });
        // Without the request: no curves, no note.
        assert.doesNotMatch(populationSvg(populationChart(population), style), /class="member/);
    });

    it('draws Morris screening as μ* against σ per quantity: a linear output of uniform factors at μ* = slope × range, σ = 0', () => {
        const result = cli<MorrisResult>(['morris', '--name', 'S']);
        const chart = morrisChart({ ...result, quantities: [{ name: 'Total', unit: 'uM' }] });
        const [panel] = chart.panels;
        assert.equal(morrisAxisLabel(panel, 'μ*'), 'μ* of Total (µM)');
        // Total = 10 min × sX + 2 min × sY: EE = 10 × (1.5 − 0.5) µM and 2 × (0.003 − 0.001) µM on every trajectory.
        const point = (parameter: string) => panel.points.find(p => p.parameter === parameter)!;
        assert.ok(Math.abs(point('X.supply').muStar! - 10) < 1e-6 && Math.abs(point('Y.supply').muStar! - 0.004) < 1e-6);
        assert.ok(point('X.supply').sigma! < 1e-6 && point('Y.supply').sigma! < 1e-6);
        const svg = morrisSvg(chart, style, 600);
        assert.match(svg, /class="x-label"[^>]*>μ\* of Total \(µM\)</);
        assert.match(svg, /class="y-label"[^>]*>σ of Total \(µM\)</);
        const drawn = (parameter: string) => {
            const found = new RegExp(`data-parameter="${parameter.replace('.', '\\.')}"[^>]*>.*?<circle[^>]*cx="([^"]*)" cy="([^"]*)" r="[^"]*" fill="([^"]*)"`).exec(svg);
            assert.ok(found, `no point of ${parameter}`);
            return { x: Number(found[1]), y: Number(found[2]), colour: found[3] };
        };
        const x = drawn('X.supply'), y = drawn('Y.supply');
        // σ = 0: both on the plot's floor; μ* = 10 at 10/11 of the axis (the largest value, padded by 10 %), 0.004 by the σ axis.
        const plotLeft = 80, plotRight = 600 - 20, floor = 300 - 44;
        assert.ok(Math.abs(x.y - floor) < 0.01 && Math.abs(y.y - floor) < 0.01, `${x.y} ${y.y}`);
        assert.ok(Math.abs(x.x - (plotLeft + (plotRight - plotLeft) * 10 / 11)) < 0.01, `${x.x}`);
        assert.ok(y.x - plotLeft < 0.5, `${y.x}`);
        assert.notEqual(x.colour, y.colour);
        assert.match(svg, />X\.supply</);
    });

    it('gives every Morris parameter its own colour and marker', () => {
        const pairs = Array.from({ length: PALETTE.length * MARKERS.length }, (_, i) => `${PALETTE[i % PALETTE.length]}/${markerOf(i)}`);
        assert.equal(new Set(pairs).size, pairs.length);
        const effects = Array.from({ length: 10 }, (_, i) => ({ quantity: 'Q', parameter: `p${i}`, muStar: i + 1, mu: i + 1, sigma: 1 }));
        const chart = morrisChart({ population: 'P', method: 'morris', trajectories: 4, at: 60, effects, quantities: [{ name: 'Q', unit: '1' }] });
        const svg = morrisSvg(chart, style, 600);
        const markers = [...svg.matchAll(/data-marker="(\w+)"[^>]*fill="([^"]*)"/g)].map(m => `${m[2]}/${m[1]}`);
        assert.equal(markers.length, 10);
        assert.equal(new Set(markers).size, 10);
        assert.match(svg, /class="x-label"[^>]*>μ\* of Q</);
    });
});
