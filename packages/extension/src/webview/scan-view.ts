/**
 * The scan view: a 1-D scan as one dose–response plot per measured quantity (points, the
 * fitted Hill curve, its EC50 or IC50 marked, folds shaded); a 2-D scan as one heatmap per
 * quantity. Points without a result are listed with the reason. Each chart has its exports.
 */
import type { ScanRunResult } from '@neurocascade/language/protocol';
import { heatmapCsv, heatmapSvg } from '../shared/heatmap-chart.js';
import { scanHeatmaps, scanPlotCsv, scanPlots, scanPlotSvg } from '../shared/scan-chart.js';
import { showFigure, svgPng, type Post } from './chart-export.js';
import type { Theme } from './theme.js';

export class ScanView {
    constructor(private readonly page: { plots: HTMLElement; errors: HTMLElement }, private readonly theme: () => Theme, private readonly post: Post) {}

    /** Shows the scan; returns the number of charts drawn. */
    show(result: ScanRunResult): number {
        const theme = this.theme();
        const background = () => this.theme().background;
        const width = Math.max(480, Math.min(900, this.page.plots.clientWidth || 640));
        const figures = [
            ...scanPlots(result).map(plot => ({ name: `${result.scan}-${plot.measure}`, svg: scanPlotSvg(plot, theme, width), csv: scanPlotCsv(plot) })),
            ...scanHeatmaps(result).map((chart, k) => ({ name: `${result.scan}-${result.measures[k].name}`, svg: heatmapSvg(chart, theme), csv: heatmapCsv(chart) }))
        ];
        this.page.plots.replaceChildren(...figures.map(figure => {
            const container = document.createElement('div');
            container.className = 'figure';
            container.dataset.chart = figure.name;
            showFigure(container, figure.svg, { name: figure.name, svg: () => figure.svg, csv: () => figure.csv }, this.post, background);
            return container;
        }));
        this.page.errors.replaceChildren(...result.errors.map(error => {
            const item = document.createElement('li');
            item.textContent = `At point ${error.at.map(i => i + 1).join(', ')}: ${error.message}`;
            return item;
        }));
        this.page.errors.hidden = result.errors.length === 0;
        return figures.length;
    }

    /** The first chart, for the export commands. */
    svg(): string {
        const figure = this.page.plots.querySelector('svg');
        if (!figure) throw new Error('There is no scan chart to export.');
        return new XMLSerializer().serializeToString(figure);
    }

    png(): Promise<string> {
        return svgPng(this.svg(), this.theme().background);
    }
}
