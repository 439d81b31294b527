/**
 * Lays out a model's reaction network with elkjs (layered, top to bottom, orthogonal
 * edges): node sizes come from their labels, so the drawing needs no text measurement.
 */
import elkModule from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { NetworkEdgeKind, NetworkGraph } from '@neurocascade/language';
import type { ModelIR } from '@neurocascade/simulator';
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

/** Each node's category (a species by its kind) and title, from the model. */
function describe(model: ModelIR): Map<string, { category: NodeCategory; title?: string }> {
    return new Map<string, { category: NodeCategory; title?: string }>([
        ...model.species.map(s => [s.name, { category: s.kind, title: s.title }] as const),
        ...model.processes.map(p => [p.name, { category: 'process', title: p.title }] as const),
        ...model.receptors.map(r => [r.name, { category: 'receptor', title: r.title }] as const),
        ...model.modulators.map(m => [m.name, { category: 'modulator', title: m.title }] as const)
    ]);
}

export async function layoutNetwork(model: ModelIR, network: NetworkGraph): Promise<NetworkLayout> {
    const info = describe(model);
    const nodes = network.nodes.map(n => {
        const { category, title: fullTitle } = info.get(n.id)!;
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
    const laid = await new elkModule.default().layout(graph);
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
