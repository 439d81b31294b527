/**
 * The time-course sensitivities of a scenario (docs/analysis.md, In the editor): the chosen
 * quantity's scaled sensitivity to each drawn parameter over time, a line per parameter, with
 * a sentence saying which parameters are drawn and why, and its CSV, SVG and PNG exports.
 * Choosing another quantity runs again (the parameters drawn depend on it).
 */
import type { TimeCourseSensitivityResult } from '@neurocascade/language/protocol';
import { panelCsv } from '../shared/csv.js';
import { chartSvg } from '../shared/svg-plot.js';
import { timeSensitivityChart, timeSensitivityChoice } from '../shared/time-sensitivity-chart.js';
import { showFigure, svgPng, type Post } from './chart-export.js';
import type { Theme } from './theme.js';

const PANEL_HEIGHT = 320;

export interface TimeSensitivityPage {
    quantity: HTMLSelectElement;
    choice: HTMLElement;
    plot: HTMLElement;
}

export class TimeSensitivityView {
    private svgText?: string;
    private scenario?: string;

    constructor(private readonly page: TimeSensitivityPage, private readonly theme: () => Theme, private readonly post: Post) {
        page.quantity.addEventListener('change', () => {
            if (this.scenario) post({ type: 'switch', request: { view: 'time-sensitivity', scenario: this.scenario, quantity: page.quantity.value } });
        });
    }

    /** Draws the lines; returns their number (one per parameter). */
    show(result: TimeCourseSensitivityResult): number {
        this.scenario = result.scenario;
        this.page.quantity.replaceChildren(...result.quantities.map(name => {
            const option = document.createElement('option');
            option.value = name;
            option.textContent = name;
            return option;
        }));
        this.page.quantity.value = result.quantity;
        this.page.choice.textContent = timeSensitivityChoice(result);
        const chart = timeSensitivityChart(result);
        const width = Math.max(480, Math.min(900, this.page.plot.clientWidth || 640));
        const svg = chartSvg(chart, { width, height: PANEL_HEIGHT, ...this.theme(), views: new Map(), hidden: new Set() });
        this.svgText = svg;
        const view = { log: false, normalised: false };
        showFigure(this.page.plot, svg, {
            name: `time-sensitivity-${result.scenario}-${result.quantity}`, svg: () => svg, csv: () => panelCsv(chart, chart.panels[0], view)
        }, this.post, () => this.theme().background);
        return chart.panels[0].lines.length;
    }

    svg(): string {
        if (!this.svgText) throw new Error('There are no time-course sensitivities to export.');
        return this.svgText;
    }

    png(): Promise<string> {
        return svgPng(this.svg(), this.theme().background);
    }
}
