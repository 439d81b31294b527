/**
 * The legend beside the network: the node categories and edge kinds the model uses and,
 * for a cascade, the response scale with the values its ends stand for.
 */
import type { NetworkEdgeKind } from './network-model.js';
import { divergingColour, EDGE_STYLES, INK, NEUTRAL, NODE_STYLES, percentChange, type NodeCategory } from './diagram-style.js';
import { edgeLine } from './edge-marks.js';
import { textWidth } from './network-layout.js';
import { element, type Markup } from './svg-markup.js';

const ROW = 20;
const SWATCH = 28;
const SCALE_WIDTH = 180;
const FONT = 11;
/** Responses within ±25 % stay pale, so a barely moved network does not look upset. */
const SMALLEST_LIMIT = Math.log2(1.25);

export interface Legend {
    width: number;
    height: number;
    items: Markup[];
    defs: Markup[];
}

/**
 * How node values map to the diverging colours: |value| ≥ `limit` is saturated (blue fell,
 * red rose). A scale shared by several perturbations keeps one limit for all of them, so
 * equal colours mean equal responses.
 */
export interface ResponseScale {
    /** The legend's heading: what the values are. */
    title: string;
    limit: number;
    /** The smallest and largest value of the perturbation shown. */
    lowest: number;
    highest: number;
    /** A value as the legend and the tooltips write it. */
    label: (value: number) => string;
    /** What the ends, the outlined node and a white node mean; a cascade's response by default. */
    words?: ScaleWords;
}

export interface ScaleWords {
    /** What a node's tooltip calls its value. */
    value: string;
    fell: string;
    rose: string;
    marked: string;
    noValue: string;
    /** Introduces the shown values' range: `this perturbation`. */
    shown: string;
}

export const RESPONSE_WORDS: ScaleWords = { value: 'response', fell: 'fell', rose: 'rose', marked: 'perturbed', noValue: 'white: no value (processes)', shown: 'this perturbation' };

/**
 * One scale for every perturbation of a cascade (the preview's network and bars): the limit is
 * the largest finite |value| of any of them, so a small response stays pale beside a large one.
 */
export function cascadeScale(perturbations: readonly Iterable<number>[], shown: Iterable<number>, title: string, label: (value: number) => string): ResponseScale {
    const finite = (values: Iterable<number>) => [...values].filter(Number.isFinite);
    const shownValues = finite(shown);
    return {
        title,
        limit: Math.max(0, ...perturbations.flatMap(p => finite(p).map(Math.abs))) || 1,
        lowest: Math.min(0, ...shownValues),
        highest: Math.max(0, ...shownValues),
        label
    };
}

/** The scale of one perturbation's log2 fold changes (`cascade diagram`), written as percentages. */
export function foldChangeScale(logFold: ReadonlyMap<string, number>): ResponseScale {
    const values = [...logFold.values()];
    const finite = values.filter(Number.isFinite);
    return {
        title: 'Response (perturbed vs base)',
        limit: Math.max(SMALLEST_LIMIT, ...finite.map(Math.abs)),
        lowest: Math.min(0, ...values),
        highest: Math.max(0, ...values),
        label: percentChange
    };
}

export function layoutLegend(categories: readonly NodeCategory[], edges: readonly NetworkEdgeKind[], range: ResponseScale | undefined): Legend {
    const limit = range?.limit;
    const items: Markup[] = [];
    const defs: Markup[] = [];
    let y = 0;
    let width = 0;
    const heading = (text: string) => {
        y += ROW;
        items.push(element('text', { x: 0, y: y - 6, 'font-size': 12, 'font-weight': 'bold', fill: INK }, text));
    };
    const row = (mark: Markup, label: string) => {
        items.push(element('g', { transform: `translate(0,${y})` }, mark, element('text', { x: SWATCH + 8, y: 12, 'font-size': FONT, fill: INK }, label)));
        width = Math.max(width, SWATCH + 8 + textWidth(label, FONT));
        y += ROW;
    };
    heading('Nodes');
    for (const category of categories) {
        const style = NODE_STYLES[category];
        row(element('rect', { y: 2, width: SWATCH, height: 13, rx: Math.min(style.radius, 6), fill: limit === undefined ? style.fill : NEUTRAL, stroke: style.stroke, 'stroke-width': 1.5 }), style.label);
    }
    heading('Edges');
    for (const kind of edges) row(edgeLine(kind, `M0 9 L${SWATCH} 9`), EDGE_STYLES[kind].label);
    if (range !== undefined && limit !== undefined) {
        heading(range.title);
        defs.push(element('linearGradient', { id: 'response-scale', x1: 0, x2: 1, y1: 0, y2: 0 },
            ...[-1, -0.5, 0, 0.5, 1].map(t => element('stop', { offset: (t + 1) / 2, 'stop-color': divergingColour(t) }))));
        items.push(element('rect', { y, width: SCALE_WIDTH, height: 12, fill: 'url(#response-scale)', stroke: '#94a3b8' }));
        y += 26;
        const words = range.words ?? RESPONSE_WORDS;
        const ends: [number, string, string][] = [[0, 'start', `${range.label(-limit)} ${words.fell}`], [SCALE_WIDTH / 2, 'middle', '0'], [SCALE_WIDTH, 'end', `${range.label(limit)} ${words.rose}`]];
        items.push(...ends.map(([x, anchor, label]) => element('text', { x, y: y - 2, 'text-anchor': anchor, 'font-size': FONT, fill: INK }, label)));
        const span = `${words.shown}: ${range.label(range.lowest)} to ${range.label(range.highest)}`;
        items.push(element('text', { y: y + 14, 'font-size': FONT, fill: INK }, span));
        width = Math.max(width, textWidth(span, FONT));
        y += 28;
        row(element('rect', { y: 2, width: SWATCH, height: 13, rx: 3, fill: NEUTRAL, stroke: '#000000', 'stroke-width': 3 }), words.marked);
        row(element('rect', { y: 2, width: SWATCH, height: 13, rx: 3, fill: NEUTRAL, stroke: '#94a3b8' }), words.noValue);
        width = Math.max(width, SCALE_WIDTH);
    }
    return { width: Math.ceil(width), height: y, items, defs };
}

