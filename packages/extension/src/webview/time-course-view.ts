/**
 * Time courses drawn with uPlot, one chart per panel of the chart model (a dimension, or a
 * quantity when comparing scenarios), with a shared cursor: a per-panel log axis and
 * "÷ first value" switch, a legend whose entries hide their lines, a readout of every line
 * at the cursor time, drag-to-zoom, and each panel's CSV, SVG and PNG export.
 */
import uPlot from 'uplot';
import type { ScenarioRunResult } from '@neurocascade/language/protocol';
import { axisLabel, drawnValues, panelRange, sameLayout, timeCourseChart, type ChartModel, type ChartPanel, type PanelView } from '../shared/chart-model.js';
import { panelCsv } from '../shared/csv.js';
import { format } from '../shared/display-units.js';
import { colourOf, dashOf } from '../shared/palette.js';
import { chartSvg } from '../shared/svg-plot.js';
import { exportButtons, type Post } from './chart-export.js';
import type { Theme } from './theme.js';

const PANEL_HEIGHT = 220;
const CURSOR_SYNC = 'neurocascade-time';

interface DrawnPanel {
    panel: ChartPanel;
    plot: uPlot;
    readout: HTMLElement;
}

export class TimeCourseView {
    private drawn: DrawnPanel[] = [];
    private model?: ChartModel;
    private readonly hidden = new Set<string>();
    private readonly views = new Map<string, PanelView>();
    /** The theme the plots were built with: a new theme rebuilds them. */
    private drawnTheme?: Theme;

    constructor(private readonly page: { legend: HTMLElement; timeCourse: HTMLElement; resetZoom: HTMLButtonElement },
        private readonly theme: () => Theme, private readonly post: Post) {
        page.resetZoom.addEventListener('click', () => this.render());
        window.addEventListener('resize', () => this.drawn.forEach(d => d.plot.setSize({ width: this.width(), height: d.plot.height })));
    }

    /**
     * Shows the results; returns how many lines were drawn. Results with the same lines as those
     * on screen (a live re-run after an edit) only replace the data, keeping the charts and legend.
     */
    show(results: ScenarioRunResult[]): number {
        const next = timeCourseChart(results);
        const inPlace = this.drawn.length > 0 && this.drawnTheme === this.theme() && sameLayout(this.model, next);
        this.model = next;
        for (const key of [...this.hidden]) if (!next.legend.some(entry => entry.key === key)) this.hidden.delete(key);
        if (inPlace) {
            this.drawn.forEach((d, i) => { d.panel = next.panels[i]; d.plot.setData(this.data(d.panel)); });
        } else {
            this.render();
        }
        return next.panels.reduce((n, p) => n + p.lines.length, 0);
    }

    render(): void {
        this.drawn.forEach(d => d.plot.destroy());
        this.drawn = [];
        this.drawnTheme = this.theme();
        const model = this.model;
        if (!model) return;
        this.page.timeCourse.replaceChildren(...model.panels.map(panel => this.renderPanel(model, panel)));
        this.renderLegend(model);
    }

    /** Every panel, or one panel with its legend entries. */
    svg(panel?: ChartPanel): string {
        if (!this.model) throw new Error('There is no time course to export.');
        const chart = panel ? { ...this.model, panels: [panel], legend: this.model.legend.filter(e => panel.lines.some(l => l.legend === e.key)) } : this.model;
        return chartSvg(chart, { width: 800, height: 300, ...this.theme(), views: this.views, hidden: this.hidden });
    }

    /** Every panel's canvas (or one panel's), one under the other, on the theme's background. */
    png(panelKey?: string): string {
        if (this.drawn.length === 0) throw new Error('There is no time course to export.');
        const canvases = this.drawn.filter(d => panelKey === undefined || d.panel.key === panelKey).map(d => d.plot.ctx.canvas);
        const canvas = document.createElement('canvas');
        canvas.width = Math.max(...canvases.map(c => c.width));
        canvas.height = canvases.reduce((sum, c) => sum + c.height, 0);
        const context = canvas.getContext('2d')!;
        context.fillStyle = this.theme().background;
        context.fillRect(0, 0, canvas.width, canvas.height);
        let y = 0;
        for (const source of canvases) {
            context.drawImage(source, 0, y);
            y += source.height;
        }
        return canvas.toDataURL('image/png');
    }

    private width(): number {
        return Math.max(300, this.page.timeCourse.clientWidth || document.body.clientWidth - 24);
    }

    private viewOf(panel: ChartPanel): PanelView {
        return this.views.get(panel.key) ?? { log: false, normalised: false };
    }

    private renderPanel(model: ChartModel, panel: ChartPanel): HTMLElement {
        const section = document.createElement('div');
        section.className = 'panel';
        section.dataset.panel = panel.key;
        const head = document.createElement('div');
        head.className = 'panel-head';
        const title = document.createElement('h3');
        title.textContent = axisLabel(panel, this.viewOf(panel));
        const toggles = (['log', 'normalised'] as const).map(option => {
            const label = document.createElement('label');
            const box = document.createElement('input');
            box.type = 'checkbox';
            box.dataset.option = option;
            box.checked = this.viewOf(panel)[option];
            box.addEventListener('change', () => {
                this.views.set(panel.key, { ...this.viewOf(panel), [option]: box.checked });
                this.render();
            });
            label.append(box, option === 'log' ? ' log y' : ' ÷ first value');
            label.title = option === 'log' ? 'A logarithmic y axis' : 'Each line divided by its first value (its baseline)';
            return label;
        });
        const readout = document.createElement('div');
        readout.className = 'readout';
        const current = () => this.drawnPanel(panel);
        const exports = exportButtons({
            name: `${panel.title}`,
            csv: () => panelCsv(this.model!, current(), this.viewOf(panel)),
            svg: () => this.svg(current()),
            png: async () => this.png(panel.key)
        }, this.post, () => this.theme().background);
        head.append(title, ...toggles, exports);
        const area = document.createElement('div');
        area.className = 'chart';
        section.append(head, area, readout);
        const plot = this.plot(area, model, panel);
        this.drawn.push({ panel, plot, readout });
        return section;
    }

    private plot(container: HTMLElement, model: ChartModel, panel: ChartPanel): uPlot {
        const theme = this.theme();
        const view = this.viewOf(panel);
        const axisStyle = { stroke: theme.foreground, grid: { stroke: theme.grid }, ticks: { stroke: theme.grid } };
        const options: uPlot.Options = {
            width: this.width(),
            height: PANEL_HEIGHT,
            scales: {
                x: { time: false },
                y: { distr: view.log ? 3 : 1, range: () => panelRange(this.drawnPanel(panel), view, this.hidden) }
            },
            axes: [
                { label: `time (${model.timeUnit.label})`, ...axisStyle },
                // The heading above names the dimension; the axis keeps to the unit, which fits its height.
                { label: view.normalised ? '× first value' : panel.unit.label || panel.title, size: 60, ...axisStyle }
            ],
            series: [{}, ...panel.lines.map(line => ({
                label: line.key, scale: 'y', show: !this.hidden.has(line.legend), spanGaps: true, width: 1.5,
                stroke: colourOf(line.colour), dash: [...dashOf(line.colour)]
            }))],
            cursor: { drag: { x: true, y: false }, sync: { key: CURSOR_SYNC } },
            legend: { show: false },
            hooks: { setCursor: [plot => this.updateReadouts(plot.cursor.idx)] }
        };
        return new uPlot(options, this.data(panel), container);
    }

    /** The panel as last shown (an in-place update replaces it). */
    private drawnPanel(panel: ChartPanel): ChartPanel {
        return this.drawn.find(d => d.panel.key === panel.key)?.panel ?? panel;
    }

    private data(panel: ChartPanel): uPlot.AlignedData {
        const view = this.viewOf(panel);
        return [this.model!.times, ...panel.lines.map(l => drawnValues(panel, l, view))] as uPlot.AlignedData;
    }

    private renderLegend(model: ChartModel): void {
        const time = document.createElement('span');
        time.className = 'readout';
        time.id = 'readout-time';
        const buttons = model.legend.map(entry => {
            const button = document.createElement('button');
            button.type = 'button';
            button.dataset.series = entry.key;
            const lines = model.panels.flatMap(p => p.lines.filter(l => l.legend === entry.key));
            if (lines.length === 1) button.dataset.quantity = lines[0].quantity;
            button.dataset.scenario = lines[0]?.scenario ?? entry.key;
            button.dataset.colour = colourOf(entry.colour);
            button.setAttribute('aria-pressed', String(!this.hidden.has(entry.key)));
            const swatch = document.createElement('span');
            swatch.className = 'swatch';
            swatch.style.borderTopColor = colourOf(entry.colour);
            if (dashOf(entry.colour).length > 0) swatch.style.borderTopStyle = 'dashed';
            const label = document.createElement('span');
            label.textContent = entry.label;
            button.append(swatch, label);
            button.addEventListener('click', () => {
                const shown = this.hidden.has(entry.key);
                if (shown) this.hidden.delete(entry.key); else this.hidden.add(entry.key);
                button.setAttribute('aria-pressed', String(shown));
                for (const d of this.drawn) {
                    d.panel.lines.forEach((line, i) => { if (line.legend === entry.key) d.plot.setSeries(i + 1, { show: shown }); });
                    d.plot.setData(this.data(d.panel));
                }
            });
            return button;
        });
        this.page.legend.replaceChildren(time, ...buttons);
    }

    /** Every visible line's value at the cursor time, in its panel's unit, under the panel. */
    private updateReadouts(index: number | null | undefined): void {
        const model = this.model;
        if (!model) return;
        const at = index === null || index === undefined ? undefined : index;
        const time = this.page.legend.querySelector<HTMLElement>('#readout-time');
        if (time) time.textContent = at === undefined ? '' : `t = ${format(model.times[at])} ${model.timeUnit.label}`;
        for (const d of this.drawn) {
            const view = this.viewOf(d.panel);
            const unit = view.normalised ? '×' : d.panel.unit.label;
            d.readout.replaceChildren(...(at === undefined ? [] : d.panel.lines.filter(l => !this.hidden.has(l.legend)).map(line => {
                const value = drawnValues(d.panel, line, view)[at];
                const item = document.createElement('span');
                item.style.color = colourOf(line.colour);
                item.textContent = `${line.legend === line.scenario ? line.scenario : line.quantity} ${value === null ? '–' : `${format(value)}${unit ? ` ${unit}` : ''}`}`;
                return item;
            })));
        }
    }
}
