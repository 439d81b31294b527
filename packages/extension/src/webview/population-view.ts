/**
 * The population view: percentile ribbons per measured quantity, or a population's Sobol
 * indices as bars, drawn as SVG in the theme's colours (the same SVG Export Plot as SVG writes).
 */
import type { PopulationRunResult, SobolRunResult } from '@neurocascade/language/protocol';
import { populationChart, sobolChart } from '../shared/population-chart.js';
import { populationSvg, sobolSvg } from '../shared/population-svg.js';
import type { PlotStyle } from '../shared/svg-plot.js';
import { svgPng } from './svg-image.js';
import type { Theme } from './theme.js';

const PANEL_HEIGHT = 220;

export class PopulationView {
    private drawn?: { svg: string; width: number; height: number };

    constructor(private readonly container: HTMLElement, private readonly theme: () => Theme) {}

    /** Draws the ribbons; returns the number of panels (quantities). */
    showPopulation(result: PopulationRunResult): number {
        const chart = populationChart(result);
        this.draw(populationSvg(chart, this.style()));
        return chart.panels.length;
    }

    /** Draws the indices; returns the number of bars (quantity × parameter). */
    showSobol(result: SobolRunResult): number {
        const chart = sobolChart(result);
        this.draw(sobolSvg(chart, this.style()));
        return result.indices.length;
    }

    svg(): string {
        if (!this.drawn) throw new Error('There is no population plot to export.');
        return this.drawn.svg;
    }

    png(): Promise<string> {
        if (!this.drawn) throw new Error('There is no population plot to export.');
        return svgPng(this.drawn.svg, this.drawn.width, this.drawn.height, this.theme().background);
    }

    private style(): PlotStyle {
        return { width: Math.max(360, this.container.clientWidth || document.body.clientWidth - 24), height: PANEL_HEIGHT, ...this.theme() };
    }

    private draw(svg: string): void {
        // The SVG is built with every model-provided name escaped.
        this.container.innerHTML = svg;
        const root = this.container.querySelector('svg')!;
        this.drawn = { svg, width: root.width.baseVal.value, height: root.height.baseVal.value };
    }
}
