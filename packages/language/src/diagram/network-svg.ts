/**
 * The laid-out network as a standalone SVG document: a heading, edges styled by kind,
 * nodes as rounded rectangles coloured by kind (or, for a cascade, by each node's
 * response on a diverging scale, with the perturbed node outlined), and a legend.
 */
import type { NetworkEdgeKind } from './network-model.js';
import { divergingColour, EDGE_STYLES, INK, NEUTRAL, NODE_STYLES, textColourOn, type NodeCategory } from './diagram-style.js';
import { edgeHead, edgeLine } from './edge-marks.js';
import { layoutLegend, RESPONSE_WORDS, type Legend, type ResponseScale } from './diagram-legend.js';
import { NAME_FONT, TITLE_FONT, type NetworkLayout, type PlacedEdge, type PlacedNode } from './network-layout.js';
import { element, pathThrough, type Markup } from './svg-markup.js';

const HEADING = 52;
const MARGIN = 16;
const FONT = 'Helvetica, Arial, sans-serif';

export interface DiagramText {
    heading: string;
    subheading: string;
}

/** A cascade's perturbation on the network: each node's value on the scale, the perturbed node outlined. */
export interface NodeColouring {
    target: string;
    values: ReadonlyMap<string, number>;
    scale: ResponseScale;
}

/** The standalone document (`cascade diagram`, the export of the preview's network). */
export function networkSvg(layout: NetworkLayout, text: DiagramText, responses?: NodeColouring): string {
    return `<?xml version="1.0" encoding="UTF-8"?>\n${networkSvgElement(layout, text, responses).text}\n`;
}

/** The `<svg>` element alone, as the preview puts it into its page. */
export function networkSvgElement(layout: NetworkLayout, text: DiagramText, responses?: NodeColouring): Markup {
    const range = responses?.scale;
    const legend: Legend = layoutLegend(
        [...new Set(layout.nodes.map(n => n.category))].sort(byOrder(Object.keys(NODE_STYLES))) as NodeCategory[],
        [...new Set(layout.edges.map(e => e.kind))].sort(byOrder(Object.keys(EDGE_STYLES))) as NetworkEdgeKind[],
        range
    );
    const width = Math.ceil(MARGIN + layout.width + MARGIN + legend.width + MARGIN);
    const height = Math.ceil(HEADING + Math.max(layout.height, legend.height) + MARGIN);
    const svg = element('svg', { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': FONT },
        element('title', {}, text.heading),
        element('defs', {}, ...(Object.keys(EDGE_STYLES) as NetworkEdgeKind[]).map(edgeHead), ...legend.defs),
        element('rect', { width, height, fill: '#ffffff' }),
        element('text', { x: MARGIN, y: 22, 'font-size': 16, 'font-weight': 'bold', fill: INK }, text.heading),
        element('text', { x: MARGIN, y: 40, 'font-size': 12, fill: '#475569' }, text.subheading),
        element('g', { class: 'edges', transform: `translate(${MARGIN},${HEADING})` }, ...layout.edges.map(drawEdge)),
        element('g', { class: 'nodes', transform: `translate(${MARGIN},${HEADING})` }, ...layout.nodes.map(n => drawNode(n, responses))),
        element('g', { class: 'legend', transform: `translate(${MARGIN + layout.width + MARGIN},${HEADING})` }, ...legend.items)
    );
    return svg;
}

function byOrder(order: readonly string[]): (a: string, b: string) => number {
    return (a, b) => order.indexOf(a) - order.indexOf(b);
}

function drawEdge(edge: PlacedEdge): Markup {
    return element('g', { class: 'edge', 'data-kind': edge.kind, 'data-source': edge.source, 'data-target': edge.target },
        edgeLine(edge.kind, pathThrough(edge.points)));
}

function drawNode(node: PlacedNode, responses: NodeColouring | undefined): Markup {
    const style = NODE_STYLES[node.category];
    const value = responses?.values.get(node.id);
    const t = value === undefined || responses === undefined ? undefined : Math.max(-1, Math.min(1, value / responses.scale.limit));
    const perturbed = responses?.target === node.id;
    const words = responses?.scale.words ?? RESPONSE_WORDS;
    const fill = responses ? (t === undefined ? NEUTRAL : divergingColour(t)) : style.fill;
    const ink = t === undefined ? INK : textColourOn(t);
    const tooltip = [node.id, node.fullTitle && `“${node.fullTitle}”`, `(${style.label})`, value !== undefined ? `${words.value} ${responses!.scale.label(value)}` : undefined, perturbed ? words.marked : undefined];
    const centre = node.width / 2;
    return element('g', {
        class: 'node', 'data-id': node.id, 'data-kind': node.category,
        'data-response': value === undefined ? undefined : responses!.scale.label(value), transform: `translate(${node.x},${node.y})`
    },
    element('title', {}, tooltip.filter(Boolean).join(' ')),
    element('rect', {
        width: node.width, height: node.height, rx: Math.min(style.radius, node.height / 2), fill,
        stroke: perturbed ? '#000000' : style.stroke, 'stroke-width': perturbed ? 3.5 : responses ? 2 : 1.3
    }),
    element('text', { x: centre, y: node.title ? 15 : 16, 'text-anchor': 'middle', 'font-size': NAME_FONT, 'font-weight': 'bold', fill: ink }, node.id),
    ...(node.title ? [element('text', { x: centre, y: 29, 'text-anchor': 'middle', 'font-size': TITLE_FONT, fill: ink }, node.title)] : []));
}
