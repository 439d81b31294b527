/**
 * The sensitivity and control views of a steady state: the tornado chart of the chosen
 * quantity's largest response coefficients; the control-coefficient matrix as a heatmap and
 * the network coloured by the chosen flux's control coefficients; the stability (eigenvalues,
 * slowest time scale) under both. Every chart has its CSV, SVG and PNG export; *Over time*
 * switches to the chosen quantity's time-course sensitivities along the scenario.
 */
import type { SteadyAnalysisResult } from '@neurocascade/language/protocol';
import { networkSvgElement } from '@neurocascade/language/diagram/network-svg';
import { formatNumber } from '@neurocascade/simulator/quantity-format';
import { controlHeatmap, controlledFluxes, fluxControlOnNetwork, type ControlMatrix } from '../shared/control-charts.js';
import { heatmapCsv, heatmapSvg } from '../shared/heatmap-chart.js';
import { tornadoChart, tornadoCsv, tornadoSvg } from '../shared/tornado-chart.js';
import { exportButtons, showFigure, svgPng, type Post } from './chart-export.js';
import { drawInto, NetworkLayouts, standaloneSvg } from './network-drawing.js';
import type { Theme } from './theme.js';

export interface AnalysisPage {
    sensitivityPart: HTMLElement; quantity: HTMLSelectElement; overTime: HTMLButtonElement; tornado: HTMLElement;
    controlPart: HTMLElement; matrix: HTMLSelectElement; heatmap: HTMLElement; flux: HTMLSelectElement; network: SVGSVGElement; networkExport: HTMLElement;
    stability: HTMLElement; eigenvalues: HTMLTableElement;
}

const SHOWN_EIGENVALUES = 12;

export class AnalysisView {
    private result?: SteadyAnalysisResult;
    private view: 'sensitivity' | 'control' = 'sensitivity';
    private renderRun = 0;

    constructor(private readonly page: AnalysisPage, private readonly theme: () => Theme, private readonly layouts: NetworkLayouts, private readonly post: Post) {
        page.quantity.addEventListener('change', () => this.renderTornado());
        page.overTime.addEventListener('click', () => {
            if (this.result) post({ type: 'switch', request: { view: 'time-sensitivity', scenario: this.result.scenario, quantity: page.quantity.value } });
        });
        page.matrix.addEventListener('change', () => this.renderHeatmap());
        page.flux.addEventListener('change', () => void this.renderNetwork());
    }

    /** Shows one of the two views; resolves with the number of bars or heatmap rows drawn. */
    async show(view: 'sensitivity' | 'control', result: SteadyAnalysisResult): Promise<number> {
        this.view = view;
        this.result = result;
        this.page.sensitivityPart.hidden = view !== 'sensitivity';
        this.page.controlPart.hidden = view !== 'control';
        this.renderStability(result);
        if (view === 'sensitivity') {
            // A re-run keeps the quantity the reader chose.
            fill(this.page.quantity, result.sensitivities.quantities.map(q => q.name));
            return this.renderTornado();
        }
        fill(this.page.flux, controlledFluxes(result));
        const rows = this.renderHeatmap();
        await this.renderNetwork();
        return rows;
    }

    private renderTornado(): number {
        const result = this.result;
        if (!result || this.view !== 'sensitivity') return 0;
        if (result.sensitivities.quantities.length === 0) {
            this.page.tornado.textContent = 'The model has no quantity to differentiate.';
            return 0;
        }
        const chart = tornadoChart(result.sensitivities, this.page.quantity.value || result.sensitivities.quantities[0].name);
        const svg = tornadoSvg(chart, this.theme(), Math.max(480, Math.min(900, this.page.tornado.clientWidth || 640)));
        showFigure(this.page.tornado, svg, { name: `tornado-${chart.quantity}`, svg: () => svg, csv: () => tornadoCsv(chart) }, this.post, () => this.theme().background);
        return chart.bars.length;
    }

    private renderHeatmap(): number {
        const result = this.result;
        if (!result || this.view !== 'control') return 0;
        const matrix = this.page.matrix.value as ControlMatrix;
        const chart = controlHeatmap(result, matrix === 'concentration' ? 'concentration' : 'flux');
        if (chart.rows.length === 0 || chart.columns.length === 0) {
            this.page.heatmap.textContent = 'The model has no step with a control coefficient.';
            return 0;
        }
        const svg = heatmapSvg(chart, this.theme());
        showFigure(this.page.heatmap, svg, { name: `${matrix}-control-${result.scenario}`, svg: () => svg, csv: () => heatmapCsv(chart) }, this.post, () => this.theme().background);
        return chart.rows.length;
    }

    private async renderNetwork(): Promise<void> {
        const result = this.result;
        const flux = this.page.flux.value;
        if (!result || this.view !== 'control' || !flux) return;
        const run = ++this.renderRun;
        const layout = await this.layouts.layoutOf(result.network);
        if (run !== this.renderRun) return;
        const { values, limit } = fluxControlOnNetwork(result, flux);
        const shown = [...values.values()];
        const markup = networkSvgElement(layout, {
            heading: `Control of the flux through ${flux}`,
            subheading: `Each step's flux control coefficient Cᴶₖ at the steady state of ${result.scenario} (same scale for every flux)`
        }, {
            target: flux, values,
            scale: {
                title: 'Flux control coefficient', limit, lowest: Math.min(0, ...shown), highest: Math.max(0, ...shown), label: formatNumber,
                words: { value: 'control coefficient', fell: 'lowers J', rose: 'raises J', marked: 'the flux’s own step', noValue: 'white: no coefficient (species, receptors)', shown: 'this flux' }
            }
        });
        drawInto(this.page.network, markup.text);
        const svg = () => standaloneSvg(this.page.network);
        this.page.networkExport.replaceChildren(exportButtons({ name: `flux-control-${flux}`, svg, png: () => svgPng(svg(), this.theme().background) }, this.post, () => this.theme().background));
    }

    private renderStability(result: SteadyAnalysisResult): void {
        this.page.stability.textContent = result.stabilitySummary;
        const stability = result.stability;
        const table = this.page.eigenvalues;
        const eigenvalues = 'eigenvalues' in stability ? [...stability.eigenvalues].sort((a, b) => b.re - a.re).slice(0, SHOWN_EIGENVALUES) : [];
        table.tBodies[0].replaceChildren(...eigenvalues.map(e => {
            const row = document.createElement('tr');
            const timeScale = e.re === 0 ? '∞' : `${formatNumber(1 / Math.abs(e.re))} min`;
            for (const text of [formatNumber(e.re), formatNumber(e.im), timeScale]) {
                const cell = document.createElement('td');
                cell.textContent = text;
                row.append(cell);
            }
            return row;
        }));
        table.hidden = eigenvalues.length === 0;
    }

    /** The chart the export commands take: the tornado, or the control heatmap. */
    svg(): string {
        const figure = (this.view === 'sensitivity' ? this.page.tornado : this.page.heatmap).querySelector('svg');
        if (!figure) throw new Error('There is no chart to export in this view.');
        return new XMLSerializer().serializeToString(figure);
    }

    png(): Promise<string> {
        return svgPng(this.svg(), this.theme().background);
    }
}

/** The select's options; the chosen one stays chosen when it is still there. */
function fill(select: HTMLSelectElement, names: readonly string[]): void {
    const previous = select.value;
    select.replaceChildren(...names.map(name => {
        const option = document.createElement('option');
        option.value = name;
        option.textContent = name;
        return option;
    }));
    if (names.includes(previous)) select.value = previous;
}
