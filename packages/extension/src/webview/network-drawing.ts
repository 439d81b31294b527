/**
 * The network as the preview draws it (cascade and control views): laid out by elkjs, drawn by
 * the same renderer as `cascade diagram`. elkjs is twenty times the size of the rest of the
 * preview's code: it is a module of its own, loaded when the first network is shown, so a time
 * course never waits for it to download and compile.
 */
import type { ELK as Elk, ELKConstructorArguments } from 'elkjs/lib/elk-api.js';
import type { NetworkGraph } from '@neurocascade/language/protocol';
import { layoutNetwork, type NetworkLayout } from '@neurocascade/language/diagram/network-layout';

export class NetworkLayouts {
    private elk?: Promise<Elk>;
    private last?: { network: NetworkGraph; layout: Promise<NetworkLayout> };

    /** `layoutModule`: the URL of the elkjs module (an ES module whose default export is the ELK constructor). */
    constructor(private readonly layoutModule: string) {}

    /** The network of a result is the same for every perturbation or flux shown: laid out once. */
    layoutOf(network: NetworkGraph): Promise<NetworkLayout> {
        if (this.last?.network !== network) {
            this.elk ??= (import(this.layoutModule) as Promise<{ default: new (args?: ELKConstructorArguments) => Elk }>).then(m => new m.default());
            this.last = { network, layout: this.elk.then(elk => layoutNetwork(elk, network)) };
        }
        return this.last.layout;
    }
}

/** Puts a rendered `<svg>` element's attributes and content into the page's one (parsed, so no markup is run). */
export function drawInto(svg: SVGSVGElement, markup: string): void {
    const drawn = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
    for (const name of ['viewBox', 'width', 'height', 'font-family']) svg.setAttribute(name, drawn.getAttribute(name) ?? '');
    svg.replaceChildren(...Array.from(drawn.childNodes, node => document.importNode(node, true)));
}

/** The page's network as a standalone SVG document, as `cascade diagram` writes it. */
export function standaloneSvg(svg: SVGSVGElement): string {
    const clone = svg.cloneNode(true) as SVGSVGElement;
    clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    clone.removeAttribute('id');
    return new XMLSerializer().serializeToString(clone);
}
