/**
 * The population view: a figure per measured quantity with its percentile ribbons (and, on
 * request, the first members' own curves), one figure of a population's Sobol indices as bars,
 * or a Morris screening plot per quantity; each with its CSV, SVG and PNG exports, drawn in the
 * theme's colours (the SVG on screen is the exported one). Buttons switch between the three.
 */
import type { MorrisRunResult, PopulationRunResult, SobolRunResult } from '@neurocascade/language/protocol';
import { morrisCsv, populationCsv, sobolCsv } from '../shared/csv.js';
import { morrisChart, morrisSvg } from '../shared/morris-chart.js';
import { MEMBER_CURVES, populationChart, sobolChart } from '../shared/population-chart.js';
import { populationSvg, sobolSvg, type PlotStyle } from '../shared/population-svg.js';
import { showFigures, svgPng, type Post } from './chart-export.js';
import type { Theme } from './theme.js';

const PANEL_HEIGHT = 220;

const threads = (count: number) => (count === 1 ? 'on one thread' : `on ${count} threads`);

interface Figure { name: string; svg: string; csv: string }

type PopulationViewName = 'population' | 'sobol' | 'morris';

export interface PopulationPage {
    summary: HTMLElement;
    plots: HTMLElement;
    /** One button per view, `data-view` naming it. */
    switches: HTMLElement;
    members: HTMLInputElement;
    membersChoice: HTMLElement;
    membersLabel: HTMLElement;
}

export class PopulationView {
    /** Every figure in one SVG document, for Export Plot. */
    private whole?: string;

    /** The population shown, for the buttons. */
    private population?: string;

    constructor(private readonly page: PopulationPage, private readonly theme: () => Theme, private readonly post: Post) {
        page.membersLabel.textContent = `Members’ own curves (the first ${MEMBER_CURVES})`;
        for (const button of Array.from(page.switches.querySelectorAll<HTMLButtonElement>('button[data-view]'))) {
            button.addEventListener('click', () => {
                const view = button.dataset.view as PopulationViewName;
                if (this.population) post({ type: 'switch', request: { view, name: this.population } });
            });
        }
        page.members.addEventListener('change', () => {
            if (this.population) post({ type: 'switch', request: { view: 'population', name: this.population, ...(page.members.checked ? { members: true } : {}) } });
        });
    }

    /** The buttons of the other views; the members' choice with the bands only. */
    private offer(view: PopulationViewName, population: string, members = false): void {
        this.population = population;
        for (const button of Array.from(this.page.switches.querySelectorAll<HTMLButtonElement>('button[data-view]'))) button.hidden = button.dataset.view === view;
        this.page.membersChoice.hidden = view !== 'population';
        this.page.members.checked = members;
    }

    /** Draws the ribbons; returns the number of figures (one per quantity). */
    showPopulation(result: PopulationRunResult): number {
        const chart = populationChart(result);
        const style = this.style();
        this.whole = populationSvg(chart, style);
        this.offer('population', result.population, result.members !== undefined);
        this.page.summary.textContent = `${chart.succeeded} of ${result.size} members ran (${threads(result.threads)}); the median line in the 25–75 % and 5–95 % bands`
            + (chart.members ? `, with the own ${chart.timeUnit ? 'curves' : 'values'} of ${chart.members.length === chart.succeeded ? 'every member' : `the first ${chart.members.length}`}.` : '.')
            + (result.failed.length > 0 ? ` Member ${result.failed[0].member} failed: ${result.failed[0].message}` : '');
        return this.draw(chart.panels.map((panel, q) => ({
            name: `${result.population}-${panel.quantity}`,
            svg: populationSvg(chart, style, panel),
            csv: populationCsv({ ...result, quantities: [result.quantities[q]] })
        })));
    }

    /** Draws the indices; returns the number of figures (one). */
    showSobol(result: SobolRunResult): number {
        this.page.summary.textContent = `${result.rows} of ${result.samples} rows of the Saltelli design ran (${threads(result.threads)}).`;
        this.whole = sobolSvg(sobolChart(result), this.style());
        this.offer('sobol', result.population);
        return this.draw([{ name: `${result.population}-sobol`, svg: this.whole, csv: sobolCsv(result) }]);
    }

    /** Draws μ* against σ per quantity; returns the number of figures (one per quantity). */
    showMorris(result: MorrisRunResult): number {
        const chart = morrisChart(result);
        const { width, ...theme } = this.style();
        this.page.summary.textContent = `${result.trajectories} Morris trajectories ran (${threads(result.threads)}), each moving every varied property once by half its distribution (4 levels, Δ = 2).`
            + ' μ* (mean |elementary effect|) ranks the properties, σ shows non-linearity or interaction.';
        this.whole = morrisSvg(chart, theme, width);
        this.offer('morris', result.population);
        return this.draw(chart.panels.map(panel => ({
            name: `${result.population}-morris-${panel.quantity}`,
            svg: morrisSvg(chart, theme, width, panel),
            csv: morrisCsv({ ...result, effects: result.effects.filter(e => e.quantity === panel.quantity) })
        })));
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
