/**
 * The cascade view: response coefficients of the selected perturbation as a bar chart, and
 * the reaction network drawn by the same renderer as `cascade diagram` (legend of node and
 * edge kinds, the perturbed node outlined, values in each node's tooltip), on one colour
 * scale for every perturbation of the cascade.
 */
import type { ELK as Elk, ELKConstructorArguments } from 'elkjs/lib/elk-api.js';
import type { CascadeRunResult, PerturbationResult } from '@neurocascade/language/protocol';
import { cascadeScale, type ResponseScale } from '@neurocascade/language/diagram/diagram-legend';
import { divergingColour } from '@neurocascade/language/diagram/diagram-style';
import { layoutNetwork, type NetworkLayout } from '@neurocascade/language/diagram/network-layout';
import { networkSvgElement } from '@neurocascade/language/diagram/network-svg';
import type { Theme } from './theme.js';
import { format } from '../shared/display-units.js';
import { svgToPng } from './svg-image.js';

const SVG = 'http://www.w3.org/2000/svg';

export class CascadeView {
    private result?: CascadeRunResult;
    private layout?: { result: CascadeRunResult; layout: Promise<NetworkLayout> };
    private elk?: Promise<Elk>;
    private renderRun = 0;

    /** `layoutModule`: the URL of the elkjs module (an ES module whose default export is the ELK constructor). */
    constructor(private readonly page: { perturbation: HTMLSelectElement; responses: HTMLElement; network: SVGSVGElement },
        private readonly theme: () => Theme, private readonly layoutModule: string) {
        page.perturbation.addEventListener('change', () => void this.render());
    }

    /** Shows the result; resolves with the number of bars once the network is drawn. */
    async show(result: CascadeRunResult): Promise<number> {
        const previous = this.page.perturbation.value;
        this.result = result;
        this.page.perturbation.replaceChildren(...result.perturbations.map((p, i) => {
            const option = document.createElement('option');
            option.value = String(i);
            option.textContent = p.label;
            return option;
        }));
        if (previous !== '' && Number(previous) < result.perturbations.length) this.page.perturbation.value = previous;
        return this.render();
    }

    async render(): Promise<number> {
        const result = this.result;
        const perturbation = result?.perturbations[Number(this.page.perturbation.value) || 0];
        if (!result || !perturbation) return 0;
        const run = ++this.renderRun;
        this.renderBars(result, perturbation);
        const layout = await this.layoutOf(result);
        if (run === this.renderRun) this.renderNetwork(result, perturbation, layout);
        return perturbation.responses.length;
    }

    /**
     * elkjs is twenty times the size of the rest of the preview's code: it is a module of its own,
     * loaded when the first cascade is shown, so a time course never waits for it to download and compile.
     */
    private layoutEngine(): Promise<Elk> {
        this.elk ??= (import(this.layoutModule) as Promise<{ default: new (args?: ELKConstructorArguments) => Elk }>)
            .then(elkModule => new elkModule.default());
        return this.elk;
    }

    /** The network is the same for every perturbation of a result: laid out once. */
    private layoutOf(result: CascadeRunResult): Promise<NetworkLayout> {
        if (this.layout?.result !== result) this.layout = { result, layout: this.layoutEngine().then(elk => layoutNetwork(elk, result.network)) };
        return this.layout.layout;
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
        const coefficients = (p: PerturbationResult) => p.responses.flatMap(r => r.coefficient === undefined ? [] : [r.coefficient]);
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
            const share = coefficient === undefined ? 0 : Math.min(1, Math.abs(coefficient) / limit) * 50;
            bar.style.left = `${coefficient !== undefined && coefficient < 0 ? 50 - share : 50}%`;
            bar.style.width = `${share}%`;
            bar.style.background = coefficient === undefined ? 'transparent' : divergingColour(coefficient / limit);
            track.append(bar);
            const value = document.createElement('span');
            value.className = 'coefficient';
            value.textContent = coefficient === undefined ? 'n/a' : format(coefficient);
            const local = response.localCoefficient === undefined ? '' : `; exact local coefficient ${format(response.localCoefficient)}`;
            value.title = `base ${format(response.base)}, perturbed ${format(response.perturbed)} ${response.unit}${local}`;
            row.append(name, track, value);
            return row;
        }));
    }

    private renderNetwork(result: CascadeRunResult, perturbation: PerturbationResult, layout: NetworkLayout): void {
        const values = new Map(Object.entries(perturbation.nodeResponses));
        const scale: ResponseScale = cascadeScale(result.perturbations.map(p => Object.values(p.nodeResponses)), values.values(),
            'Response coefficient (same scale for every perturbation)', format);
        const when = result.at === 'steady' ? 'at steady state' : `at ${result.at} min`;
        const markup = networkSvgElement(layout, {
            heading: result.title ? `${result.cascade} — ${result.title}` : result.cascade,
            subheading: `${perturbation.label}: each node's response coefficient ${when}`
        }, { target: perturbation.target, values, scale });
        const drawn = new DOMParser().parseFromString(markup.text, 'image/svg+xml').documentElement;
        const svg = this.page.network;
        for (const name of ['viewBox', 'width', 'height', 'font-family']) svg.setAttribute(name, drawn.getAttribute(name) ?? '');
        svg.replaceChildren(...Array.from(drawn.childNodes, node => document.importNode(node, true)));
    }

    /** The network drawn as a PNG data URL. */
    png(): Promise<string> {
        const box = this.page.network.viewBox.baseVal;
        return svgToPng(this.svg(), box.width, box.height, this.theme().background);
    }

    /** The network as a standalone SVG document, as `cascade diagram` writes it. */
    svg(): string {
        const clone = this.page.network.cloneNode(true) as SVGSVGElement;
        clone.setAttribute('xmlns', SVG);
        clone.removeAttribute('id');
        return new XMLSerializer().serializeToString(clone);
    }
}
