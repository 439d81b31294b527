/**
 * Lays out a model's reaction network with elkjs (layered, top to bottom, orthogonal
 * edges): node sizes come from their labels, so the drawing needs no text measurement.
 * The caller brings the layout engine (Node's bundled elkjs in the CLI, a module the
 * preview loads when it first needs it), so this file runs in both.
 */
import type { ELK, ElkNode } from 'elkjs/lib/elk-api.js';
import type { NetworkEdgeKind, NetworkGraph } from './network-model.js';
import type { NodeCategory } from './diagram-style.js';

export const NAME_FONT = 12;
export const TITLE_FONT = 10;
const PADDING = 10;
const TITLE_LENGTH = 36;

export interface PlacedNode {
    id: string;
    category: NodeCategory;
    /** The model's title, shortened to fit; `fullTitle` is the whole one (the tooltip). */
    title?: string;
    fullTitle?: string;
    x: number;
    y: number;
    width: number;
    height: number;
}

export interface PlacedEdge {
    kind: NetworkEdgeKind;
    source: string;
    target: string;
    points: { x: number; y: number }[];
}

export interface NetworkLayout {
    nodes: PlacedNode[];
    edges: PlacedEdge[];
    width: number;
    height: number;
}

/** A generous estimate of a sans-serif label's width, so text never overflows its box. */
export function textWidth(text: string, fontSize: number, bold = false): number {
    return text.length * fontSize * (bold ? 0.64 : 0.58);
}

function shorten(title: string): string {
    return title.length <= TITLE_LENGTH ? title : `${title.slice(0, TITLE_LENGTH - 1).trimEnd()}…`;
}

export async function layoutNetwork(elk: ELK, network: NetworkGraph): Promise<NetworkLayout> {
    const nodes = network.nodes.map(n => {
        const { category, title: fullTitle } = n;
        const title = fullTitle && shorten(fullTitle);
        const width = Math.max(textWidth(n.id, NAME_FONT, true), title ? textWidth(title, TITLE_FONT) : 0) + 2 * PADDING;
        return { id: n.id, category, title, fullTitle, width: Math.ceil(width), height: title ? 36 : 24 };
    });
    const graph: ElkNode = {
        id: 'network',
        layoutOptions: {
            'elk.algorithm': 'layered',
            'elk.direction': 'DOWN',
            'elk.edgeRouting': 'ORTHOGONAL',
            'elk.spacing.nodeNode': '18',
            'elk.layered.spacing.nodeNodeBetweenLayers': '34',
            'elk.layered.spacing.edgeNodeBetweenLayers': '14',
            'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
            'elk.padding': '[top=10,left=10,bottom=10,right=10]'
        },
        children: nodes.map(n => ({ id: n.id, width: n.width, height: n.height })),
        edges: network.edges.map((e, i) => ({ id: `e${i}`, sources: [e.source], targets: [e.target] }))
    };
    const laid = await elk.layout(graph);
    const placed = new Map((laid.children ?? []).map(c => [c.id, c]));
    return {
        nodes: nodes.map(n => ({ ...n, x: placed.get(n.id)?.x ?? 0, y: placed.get(n.id)?.y ?? 0 })),
        edges: (laid.edges ?? []).map((edge, i) => ({
            ...network.edges[i],
            points: (edge.sections ?? []).flatMap(s => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint])
        })),
        width: laid.width ?? 0,
        height: laid.height ?? 0
    };
}
