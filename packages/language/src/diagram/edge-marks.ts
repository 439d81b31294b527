/** Edge strokes and their heads (arrow, flat bar ⊣, dot, open arrow), shared by the edges and the legend. */
import type { NetworkEdgeKind } from './network-model.js';
import { EDGE_STYLES, type EdgeHead } from './diagram-style.js';
import { element, type Markup } from './svg-markup.js';

const HEAD_SHAPES: Readonly<Record<EdgeHead, (colour: string) => Markup>> = {
    arrow: colour => element('path', { d: 'M0 0 L10 5 L0 10 z', fill: colour }),
    open: colour => element('path', { d: 'M1 1 L9 5 L1 9', fill: 'none', stroke: colour, 'stroke-width': 1.5 }),
    bar: colour => element('rect', { x: 7, y: 0, width: 3, height: 10, fill: colour }),
    dot: colour => element('circle', { cx: 6, cy: 5, r: 4, fill: colour })
};

/** One marker per edge kind, in the edge's colour (markers cannot inherit the stroke in SVG 1.1). */
export function edgeHead(kind: NetworkEdgeKind): Markup {
    const style = EDGE_STYLES[kind];
    return element('marker', { id: `head-${kind}`, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto' },
        HEAD_SHAPES[style.head](style.stroke));
}

export function edgeLine(kind: NetworkEdgeKind, d: string): Markup {
    const style = EDGE_STYLES[kind];
    return element('path', { d, fill: 'none', stroke: style.stroke, 'stroke-width': 1.3, 'stroke-dasharray': style.dash, 'marker-end': `url(#head-${kind})` });
}
