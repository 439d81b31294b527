/**
 * The population view: a figure per measured quantity with its percentile ribbons, or one
 * figure of a population's Sobol indices as bars, each with its CSV, SVG and PNG exports,
 * drawn in the theme's colours (the SVG on screen is the exported one).
 */
import type { PopulationRunResult, SobolRunResult } from '@neurocascade/language/protocol';
import { populationCsv, sobolCsv } from '../shared/csv.js';
import { populationChart, sobolChart } from '../shared/population-chart.js';
import { populationSvg, sobolSvg, type PlotStyle } from '../shared/population-svg.js';
import { showFigures, svgPng, type Post } from './chart-export.js';
import type { Theme } from './theme.js';

const PANEL_HEIGHT = 220;

interface Figure { name: string; svg: string; csv: string }

export class PopulationView {
    /** Every figure in one SVG document, for Export Plot. */
    private whole?: string;

    /** What the switch button shows next: the Sobol indices of the bands' population, or back. */
    private other?: { view: 'population' | 'sobol'; name: string };

    constructor(private readonly page: { summary: HTMLElement; plots: HTMLElement; switch: HTMLButtonElement }, private readonly theme: () => Theme, private readonly post: Post) {
        page.switch.addEventListener('click', () => { if (this.other) post({ type: 'switch', request: this.other }); });
    }

    private offer(view: 'population' | 'sobol', name: string): void {
        this.other = { view, name };
        this.page.switch.textContent = view === 'sobol' ? 'Sobol indices' : 'Percentile bands';
        this.page.switch.title = view === 'sobol' ? `First- and total-order Sobol indices over ${name}'s distributions` : `The percentile bands of ${name}`;
    }

    /** Draws the ribbons; returns the number of figures (one per quantity). */
    showPopulation(result: PopulationRunResult): number {
        const chart = populationChart(result);
        const style = this.style();
        this.whole = populationSvg(chart, style);
        this.offer('sobol', result.population);
        this.page.summary.textContent = `${chart.succeeded} of ${result.size} members ran; the median line in the 25–75 % and 5–95 % bands.`
            + (result.failed.length > 0 ? ` Member ${result.failed[0].member} failed: ${result.failed[0].message}` : '');
        return this.draw(chart.panels.map((panel, q) => ({
            name: `${result.population}-${panel.quantity}`,
            svg: populationSvg(chart, style, panel),
            csv: populationCsv({ ...result, quantities: [result.quantities[q]] })
        })));
    }

    /** Draws the indices; returns the number of figures (one). */
    showSobol(result: SobolRunResult): number {
        this.page.summary.textContent = `${result.rows} of ${result.samples} rows of the Saltelli design ran.`;
        this.whole = sobolSvg(sobolChart(result), this.style());
        this.offer('population', result.population);
        return this.draw([{ name: `${result.population}-sobol`, svg: this.whole, csv: sobolCsv(result) }]);
    }

    /** Every figure one under the other, for the export commands. */
    svg(): string {
        if (!this.whole) throw new Error('There is no population chart to export.');
        return this.whole;
    }

    png(): Promise<string> {
        return svgPng(this.svg(), this.theme().background);
    }

    private style(): PlotStyle {
        return { width: Math.max(480, Math.min(900, this.page.plots.clientWidth || 640)), height: PANEL_HEIGHT, ...this.theme() };
    }

    private draw(figures: Figure[]): number {
        showFigures(this.page.plots, figures, this.post, () => this.theme().background);
        return figures.length;
    }
}
