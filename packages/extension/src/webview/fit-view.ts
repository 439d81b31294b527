/**
 * The fit view (docs/analysis.md#fitting-in-the-editor): the data against the fitted curves, one
 * chart per scenario and quantity (and one for the steady-state data), the residuals, the table
 * of fitted values with their profile-likelihood intervals (non-identifiable ones flagged), χ²,
 * AIC and BIC, and the button that writes the fitted values into the model.
 */
import type { FitRunResult } from '@neurocascade/language/protocol';
import { format } from '../shared/display-units.js';
import { fitViewModel } from '../shared/fit-chart.js';
import { fitPanelSvg, fitViewSvg, residualSvg, type FitSvgStyle } from '../shared/fit-svg.js';
import type { FitViewModel } from '../shared/fit-chart.js';
import { cell } from './result-tables.js';
import { svgPng } from './chart-export.js';
import type { Theme } from './theme.js';

const CHART_HEIGHT = 260;

export interface FitPage {
    summary: HTMLElement;
    charts: HTMLElement;
    residuals: HTMLElement;
    estimates: HTMLTableElement;
    write: HTMLButtonElement;
}

export class FitView {
    private drawn?: { model: FitViewModel; style: FitSvgStyle };
    constructor(private readonly page: FitPage, private readonly theme: () => Theme, onWrite: () => void) {
        page.write.addEventListener('click', onWrite);
    }

    /** Shows the fit; returns how many measurements were drawn. */
    show(result: FitRunResult): number {
        const model = fitViewModel(result);
        const style: FitSvgStyle = { width: Math.max(360, this.page.charts.clientWidth || document.body.clientWidth - 24), height: CHART_HEIGHT, ...this.theme() };
        this.drawn = { model, style };
        this.page.summary.textContent = model.summary;
        const panels = model.steady ? [...model.panels, model.steady] : model.panels;
        this.page.charts.replaceChildren(...panels.map(panel => svgElement(fitPanelSvg(model, panel, style), panel.key)));
        this.page.residuals.replaceChildren(svgElement(residualSvg(model, style), 'residuals'));
        this.page.estimates.tBodies[0].replaceChildren(...model.estimates.map(e => {
            const row = document.createElement('tr');
            row.dataset.estimate = e.label;
            row.dataset.value = String(e.value);
            row.dataset.identifiable = String(e.identifiable);
            const flag = e.identifiable ? (e.atBound ? 'at a bound' : 'yes') : 'no (flat profile)';
            row.append(cell(e.label), cell(format(e.value), 'value'), cell(e.unit), cell(e.interval, 'value'), cell(flag), cell(format(e.written), 'value'));
            return row;
        }));
        return result.points.length;
    }

    svg(): string {
        if (!this.drawn) throw new Error('There is no fit to export.');
        return fitViewSvg(this.drawn.model, this.drawn.style);
    }

    png(): Promise<string> {
        return svgPng(this.svg(), this.theme().background);
    }
}

function svgElement(markup: string, key: string): Element {
    const element = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
    element.setAttribute('data-panel', key);
    return element;
}
