/**
 * The cascade view: response coefficients of the selected perturbation as a bar chart, and
 * the reaction network laid out by elkjs with each node coloured by its response.
 */
import type { ELK as Elk, ELKConstructorArguments, ElkNode } from 'elkjs/lib/elk-api.js';
import type { CascadeRunResult, NetworkGraph, PerturbationResult } from '@neurocascade/language/protocol';
import { divergingColour, scaleLimit } from '../shared/colour-scale.js';
import type { Theme } from './theme.js';
import { format } from './time-course-view.js';

const SVG = 'http://www.w3.org/2000/svg';
const NODE_HEIGHT = 26;
const CHAR_WIDTH = 7;

export class CascadeView {
    private result?: CascadeRunResult;
    private elk?: Promise<Elk>;
    private layoutRun = 0;

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
        const perturbation = this.result?.perturbations[Number(this.page.perturbation.value) || 0];
        if (!this.result || !perturbation) return 0;
        this.renderBars(perturbation);
        await this.renderNetwork(this.result.network, perturbation);
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

    private renderBars(perturbation: PerturbationResult): void {
        if (perturbation.error !== undefined) {
            const message = document.createElement('p');
            message.className = 'hint';
            message.setAttribute('role', 'listitem');
            message.textContent = perturbation.error;
            this.page.responses.replaceChildren(message);
            return;
        }
        const theme = this.theme();
        const limit = scaleLimit(perturbation.responses.map(r => r.coefficient)) || 1;
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
            bar.style.background = divergingColour(coefficient, { ...theme.responses, limit });
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

    private async renderNetwork(network: NetworkGraph, perturbation: PerturbationResult): Promise<void> {
        const run = ++this.layoutRun;
        const graph: ElkNode = {
            id: 'root',
            layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'DOWN', 'elk.spacing.nodeNode': '20', 'elk.layered.spacing.nodeNodeBetweenLayers': '30' },
            children: network.nodes.map(n => ({ id: n.id, width: Math.max(40, n.id.length * CHAR_WIDTH + 16), height: NODE_HEIGHT })),
            edges: network.edges.map((e, i) => ({ id: `e${i}`, sources: [e.source], targets: [e.target] }))
        };
        const layout = await (await this.layoutEngine()).layout(graph);
        if (run !== this.layoutRun) return;
        const theme = this.theme();
        const limit = scaleLimit(Object.values(perturbation.nodeResponses)) || 1;
        const svg = this.page.network;
        svg.setAttribute('viewBox', `0 0 ${layout.width ?? 0} ${layout.height ?? 0}`);
        svg.setAttribute('height', String(layout.height ?? 0));
        const element = <K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>) => {
            const created = document.createElementNS(SVG, tag);
            for (const [key, value] of Object.entries(attributes)) created.setAttribute(key, String(value));
            return created;
        };
        const edges = (layout.edges ?? []).map((edge, i) => {
            const points = (edge.sections ?? []).flatMap(s => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]);
            const kind = network.edges[i].kind;
            const dashed = kind === 'inhibition' || kind === 'decreases';
            return element('polyline', {
                class: 'edge', 'data-kind': kind, points: points.map(p => `${p.x},${p.y}`).join(' '), fill: 'none',
                stroke: theme.foreground, 'stroke-opacity': 0.55, 'stroke-width': 1.2, 'stroke-dasharray': dashed ? '4 3' : 'none', 'marker-end': 'url(#arrow)'
            });
        });
        const nodes = (layout.children ?? []).map(child => {
            const info = network.nodes.find(n => n.id === child.id)!;
            const response = perturbation.nodeResponses[child.id];
            const group = element('g', { class: 'node', 'data-id': child.id, 'data-kind': info.kind, transform: `translate(${child.x ?? 0},${child.y ?? 0})` });
            if (response !== undefined) group.setAttribute('data-response', String(response));
            const box = element('rect', {
                width: child.width ?? 0, height: child.height ?? 0, rx: info.kind === 'process' ? 10 : 2,
                fill: divergingColour(response, { ...theme.responses, limit }), stroke: theme.foreground, 'stroke-opacity': 0.6
            });
            const label = element('text', { x: (child.width ?? 0) / 2, y: NODE_HEIGHT / 2 + 4, 'text-anchor': 'middle', fill: theme.foreground, 'font-size': 11 });
            label.textContent = child.id;
            const title = element('title', {});
            title.textContent = response === undefined ? info.label : `${info.label}: response ${format(response)}`;
            group.append(box, label, title);
            return group;
        });
        const defs = element('defs', {});
        const marker = element('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse' });
        marker.append(element('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: theme.foreground }));
        defs.append(marker);
        svg.replaceChildren(defs, ...edges, ...nodes);
    }

    /** The network drawn onto the theme's background as a PNG data URL. */
    async png(): Promise<string> {
        const box = this.page.network.viewBox.baseVal;
        const image = new Image();
        image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(this.svg())}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = Math.ceil(box.width);
        canvas.height = Math.ceil(box.height);
        const context = canvas.getContext('2d')!;
        context.fillStyle = this.theme().background;
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.drawImage(image, 0, 0, canvas.width, canvas.height);
        return canvas.toDataURL('image/png');
    }

    /** The network as a standalone SVG document (its colours are attributes, so it needs no stylesheet). */
    svg(): string {
        const clone = this.page.network.cloneNode(true) as SVGSVGElement;
        clone.setAttribute('xmlns', SVG);
        clone.setAttribute('font-family', this.theme().font);
        clone.setAttribute('width', String(this.page.network.viewBox.baseVal.width));
        return new XMLSerializer().serializeToString(clone);
    }
}
