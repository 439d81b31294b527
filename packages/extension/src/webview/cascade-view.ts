/**
 * The cascade view: response coefficients of the selected perturbation as a bar chart, and
 * the reaction network drawn by the same renderer as `cascade diagram` (legend of node and
 * edge kinds, the perturbed node outlined, values in each node's tooltip), on one colour
 * scale for every perturbation of the cascade.
 */
import type { CascadeRunResult, PerturbationResult } from '@neurocascade/language/protocol';
import { cascadeScale, type ResponseScale } from '@neurocascade/language/diagram/diagram-legend';
import { divergingColour } from '@neurocascade/language/diagram/diagram-style';
import type { NetworkLayout } from '@neurocascade/language/diagram/network-layout';
import { networkSvgElement } from '@neurocascade/language/diagram/network-svg';
import { cascadeCsv } from '../shared/csv.js';
import { exportButtons, svgPng, type Post } from './chart-export.js';
import { drawInto, NetworkLayouts, standaloneSvg } from './network-drawing.js';
import type { Theme } from './theme.js';
import { format } from '../shared/display-units.js';

export class CascadeView {
    private result?: CascadeRunResult;
    private renderRun = 0;

    constructor(private readonly page: { perturbation: HTMLSelectElement; responses: HTMLElement; network: SVGSVGElement; networkExport: HTMLElement },
        private readonly theme: () => Theme, private readonly layouts: NetworkLayouts, private readonly post: Post) {
        page.perturbation.addEventListener('change', () => void this.render());
    }

    /** Shows the result; resolves with the number of bars once the network is drawn. */
    async show(result: CascadeRunResult): Promise<number> {
        const previous = this.page.perturbation.value;
        this.result = result;
        this.page.perturbation.replaceChildren(...result.perturbations.map((p, i) => {
            const option = document.createElement('option');
            option.value = String(i);
            option.textContent = p.change;
            return option;
        }));
        if (previous !== '' && Number(previous) < result.perturbations.length) this.page.perturbation.value = previous;
        return this.render();
    }

    async render(): Promise<number> {
        const result = this.result;
        const index = Number(this.page.perturbation.value) || 0;
        const perturbation = result?.perturbations[index];
        if (!result || !perturbation) return 0;
        const run = ++this.renderRun;
        this.renderBars(result, perturbation);
        const layout = await this.layouts.layoutOf(result.network);
        if (run === this.renderRun) this.renderNetwork(result, index, layout);
        return perturbation.responses.length;
    }

    private renderBars(result: CascadeRunResult, perturbation: PerturbationResult): void {
        if (perturbation.error !== undefined) {
            const message = document.createElement('p');
            message.className = 'hint';
            message.setAttribute('role', 'listitem');
            message.textContent = perturbation.error;
            this.page.responses.replaceChildren(message);
            return;
        }
        const coefficients = (p: PerturbationResult) => p.responses.flatMap(r => r.coefficient === null ? [] : [r.coefficient]);
        const { limit } = cascadeScale(result.perturbations.map(coefficients), coefficients(perturbation), '', format);
        this.page.responses.replaceChildren(...perturbation.responses.map(response => {
            const row = document.createElement('div');
            row.className = 'bar-row';
            row.setAttribute('role', 'listitem');
            row.dataset.name = response.name;
            const coefficient = response.coefficient;
            row.dataset.coefficient = String(coefficient ?? '');
            const name = document.createElement('span');
            name.textContent = response.name;
            const track = document.createElement('span');
            track.className = 'track';
            const bar = document.createElement('span');
            bar.className = 'bar';
            const share = coefficient === null ? 0 : Math.min(1, Math.abs(coefficient) / limit) * 50;
            bar.style.left = `${coefficient !== null && coefficient < 0 ? 50 - share : 50}%`;
            bar.style.width = `${share}%`;
            bar.style.background = coefficient === null ? 'transparent' : divergingColour(coefficient / limit);
            track.append(bar);
            const value = document.createElement('span');
            value.className = 'coefficient';
            value.textContent = coefficient === null ? 'n/a' : format(coefficient);
            const local = response.localCoefficient === null ? '' : `; exact local coefficient ${format(response.localCoefficient)}`;
            value.title = `base ${format(response.base)}, perturbed ${format(response.perturbed)} ${response.unit}${local}`;
            row.append(name, track, value);
            return row;
        }));
    }

    private renderNetwork(result: CascadeRunResult, index: number, layout: NetworkLayout): void {
        const perturbation = result.perturbations[index];
        const values = new Map(Object.entries(result.nodeResponses[index]));
        const scale: ResponseScale = cascadeScale(result.nodeResponses.map(nodes => Object.values(nodes)), values.values(),
            'Response coefficient (same scale for every perturbation)', format);
        const when = result.at === 'steady' ? 'at steady state' : `at ${result.at} min`;
        const markup = networkSvgElement(layout, {
            heading: result.title ? `${result.cascade} — ${result.title}` : result.cascade,
            subheading: `${perturbation.change}: each node's response coefficient ${when}`
        }, { target: perturbation.target, values, scale });
        drawInto(this.page.network, markup.text);
        this.page.networkExport.replaceChildren(exportButtons({
            name: `${result.cascade}-${perturbation.target}`, csv: () => cascadeCsv(result), svg: () => this.svg(), png: () => this.png()
        }, this.post, () => this.theme().background));
    }

    /** The network drawn as a PNG data URL. */
    png(): Promise<string> {
        return svgPng(this.svg(), this.theme().background);
    }

    /** The network as a standalone SVG document, as `cascade diagram` writes it. */
    svg(): string {
        return standaloneSvg(this.page.network);
    }
}
