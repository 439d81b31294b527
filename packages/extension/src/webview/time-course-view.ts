/**
 * Time courses drawn with uPlot: the observed quantities (several scenarios overlaid, one
 * dash pattern per scenario) and the E/I balance; legend toggles, linear/log y axis,
 * drag-to-zoom, and a hover readout in the legend.
 */
import uPlot from 'uplot';
import type { ScenarioRunResult } from '@neurocascade/language/protocol';
import { balanceChart, DASHES, sameLayout, timeCourseChart, unitLabel, type ChartModel } from '../shared/chart-model.js';
import { chartSvg } from '../shared/svg-plot.js';
import type { Theme } from './theme.js';

const HEIGHT = { main: 320, balance: 160 };

export class TimeCourseView {
    private plots: uPlot[] = [];
    private models: { main?: ChartModel; balance?: ChartModel } = {};
    private readonly hidden = new Set<string>();
    private logScale = false;
    /** The theme the plots were built with: a new theme rebuilds them. */
    private drawnTheme?: Theme;

    constructor(private readonly page: {
        legend: HTMLElement; timeCourse: HTMLElement; balance: HTMLElement; balanceHeading: HTMLElement;
        axisScale: HTMLButtonElement; resetZoom: HTMLButtonElement;
    }, private readonly theme: () => Theme) {
        page.axisScale.addEventListener('click', () => {
            this.logScale = !this.logScale;
            page.axisScale.dataset.scale = this.logScale ? 'log' : 'linear';
            page.axisScale.textContent = this.logScale ? 'linear y' : 'log y';
            this.render();
        });
        page.resetZoom.addEventListener('click', () => this.render());
        window.addEventListener('resize', () => this.plots.forEach(p => p.setSize({ width: this.width(), height: p.height })));
    }

    /**
     * Shows the results; returns how many lines were drawn. Results with the same lines as those
     * on screen (a live re-run after an edit) only replace the data, keeping the charts and legend.
     */
    show(results: ScenarioRunResult[]): number {
        const main = timeCourseChart(results);
        const balance = balanceChart(results);
        const next = { main, balance: balance.lines.length > 0 ? balance : undefined };
        const inPlace = this.plots.length > 0 && this.drawnTheme === this.theme()
            && sameLayout(this.models.main, next.main) && sameLayout(this.models.balance, next.balance);
        this.models = next;
        for (const key of [...this.hidden]) if (!main.lines.some(l => l.key === key)) this.hidden.delete(key);
        if (inPlace) {
            [main, next.balance].forEach((model, i) => model && this.plots[i].setData(this.data(model)));
        } else {
            this.render();
        }
        return main.lines.length;
    }

    render(): void {
        this.plots.forEach(p => p.destroy());
        this.plots = [];
        this.drawnTheme = this.theme();
        const { main, balance } = this.models;
        if (!main) return;
        this.plots.push(this.plot(this.page.timeCourse, main, HEIGHT.main, true));
        this.page.balance.hidden = this.page.balanceHeading.hidden = !balance;
        if (balance) this.plots.push(this.plot(this.page.balance, balance, HEIGHT.balance, false));
        this.renderLegend(main);
    }

    svg(): string {
        const theme = this.theme();
        if (!this.models.main) throw new Error('There is no time course to export.');
        return chartSvg(this.models.main, { width: 800, height: 400, ...theme, logScale: this.logScale, hidden: this.hidden });
    }

    png(): string {
        const plot = this.plots[0];
        if (!plot) throw new Error('There is no time course to export.');
        const source = plot.ctx.canvas;
        const canvas = document.createElement('canvas');
        canvas.width = source.width;
        canvas.height = source.height;
        const context = canvas.getContext('2d')!;
        context.fillStyle = this.theme().background;
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.drawImage(source, 0, 0);
        return canvas.toDataURL('image/png');
    }

    private width(): number {
        return Math.max(300, this.page.timeCourse.clientWidth || document.body.clientWidth - 24);
    }

    private plot(container: HTMLElement, model: ChartModel, height: number, withReadout: boolean): uPlot {
        const theme = this.theme();
        /** uPlot sides: 3 left, 1 right; only the left axis draws grid lines. */
        const axis = (scale: string, side: 1 | 3) => ({
            scale, side, label: unitLabel(scale), stroke: theme.foreground,
            grid: { stroke: theme.grid, show: side === 3 }, ticks: { stroke: theme.grid }
        });
        const options: uPlot.Options = {
            width: this.width(),
            height,
            scales: {
                x: { time: false },
                ...Object.fromEntries(model.units.map(unit => [unit, { distr: this.logScale ? 3 : 1 } as uPlot.Scale]))
            },
            axes: [
                { label: `time (${model.timeUnit.label})`, stroke: theme.foreground, grid: { stroke: theme.grid }, ticks: { stroke: theme.grid } },
                ...model.units.slice(0, 2).map((unit, i) => axis(unit, i === 0 ? 3 : 1))
            ],
            series: [{}, ...model.lines.map(line => ({
                label: line.label, scale: line.unit, show: !this.hidden.has(line.key), spanGaps: true, width: 1.5,
                stroke: theme.palette[line.colour % theme.palette.length], dash: [...DASHES[line.dash % DASHES.length]]
            }))],
            cursor: { drag: { x: true, y: false } },
            legend: { show: false },
            hooks: withReadout ? { setCursor: [plot => this.updateReadout(plot)] } : {}
        };
        container.replaceChildren();
        return new uPlot(options, this.data(model), container);
    }

    /** The model's values as uPlot draws them: none that the log scale cannot show. */
    private data(model: ChartModel): uPlot.AlignedData {
        const usable = (v: number | null) => v === null || !this.logScale || v > 0 ? v : null;
        return [model.times, ...model.lines.map(l => l.values.map(usable))] as uPlot.AlignedData;
    }

    private renderLegend(model: ChartModel): void {
        const theme = this.theme();
        const time = document.createElement('span');
        time.className = 'readout';
        time.id = 'readout-time';
        const buttons = model.lines.map((line, i) => {
            const button = document.createElement('button');
            button.type = 'button';
            button.dataset.series = line.key;
            button.dataset.quantity = line.quantity;
            button.dataset.scenario = line.scenario;
            button.setAttribute('aria-pressed', String(!this.hidden.has(line.key)));
            const swatch = document.createElement('span');
            swatch.className = 'swatch';
            swatch.style.borderTopColor = theme.palette[line.colour % theme.palette.length];
            if (line.dash > 0) swatch.style.borderTopStyle = 'dashed';
            const label = document.createElement('span');
            const unit = unitLabel(line.unit);
            label.textContent = unit ? `${line.label} (${unit})` : line.label;
            const readout = document.createElement('span');
            readout.className = 'readout';
            button.append(swatch, label, readout);
            button.addEventListener('click', () => {
                const shown = this.hidden.has(line.key);
                if (shown) this.hidden.delete(line.key); else this.hidden.add(line.key);
                button.setAttribute('aria-pressed', String(shown));
                this.plots[0]?.setSeries(i + 1, { show: shown });
            });
            return button;
        });
        this.page.legend.replaceChildren(time, ...buttons);
    }

    private updateReadout(plot: uPlot): void {
        const model = this.models.main;
        if (!model) return;
        const index = plot.cursor.idx;
        const time = this.page.legend.querySelector<HTMLElement>('#readout-time');
        if (time) time.textContent = index === null || index === undefined ? '' : `t = ${format(model.times[index])} ${model.timeUnit.label}`;
        this.page.legend.querySelectorAll<HTMLElement>('button .readout').forEach((readout, i) => {
            const value = index === null || index === undefined ? null : model.lines[i]?.values[index];
            readout.textContent = value === null || value === undefined ? '' : format(value);
        });
    }
}

export function format(value: number): string {
    return Math.abs(value) >= 1e5 || (value !== 0 && Math.abs(value) < 1e-3) ? value.toExponential(3) : String(Number(value.toPrecision(4)));
}
