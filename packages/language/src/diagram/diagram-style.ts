/**
 * How the network diagram looks: a colour per node category (species by their kind, then
 * processes, receptors, modulators), a stroke and head per edge kind, and the diverging
 * scale (blue decrease, red increase) for cascade responses.
 */
import type { NetworkEdgeKind } from './network-model.js';
import type { NetworkNodeCategory } from './network-model.js';

export type NodeCategory = NetworkNodeCategory;

export interface NodeStyle {
    label: string;
    fill: string;
    stroke: string;
    /** Corner radius: processes are pills, so the eye separates them from the species they convert. */
    radius: number;
}

export const NODE_STYLES: Readonly<Record<NodeCategory, NodeStyle>> = {
    precursor: { label: 'precursor', fill: '#dbeafe', stroke: '#1d4ed8', radius: 5 },
    cofactor: { label: 'cofactor', fill: '#fef3c7', stroke: '#b45309', radius: 5 },
    intermediate: { label: 'intermediate', fill: '#e0e7ff', stroke: '#4338ca', radius: 5 },
    transmitter: { label: 'transmitter', fill: '#dcfce7', stroke: '#15803d', radius: 5 },
    metabolite: { label: 'metabolite', fill: '#f1f5f9', stroke: '#475569', radius: 5 },
    process: { label: 'process', fill: '#ffedd5', stroke: '#c2410c', radius: 14 },
    receptor: { label: 'receptor', fill: '#fce7f3', stroke: '#be185d', radius: 2 },
    modulator: { label: 'modulator', fill: '#ede9fe', stroke: '#6d28d9', radius: 2 }
};

export type EdgeHead = 'arrow' | 'bar' | 'dot' | 'open';

export interface EdgeStyle {
    label: string;
    stroke: string;
    dash?: string;
    head: EdgeHead;
}

export const EDGE_STYLES: Readonly<Record<NetworkEdgeKind, EdgeStyle>> = {
    flux: { label: 'flux (substrate → process → product)', stroke: '#334155', head: 'arrow' },
    inhibition: { label: 'inhibition, antagonist', stroke: '#7f1d1d', dash: '6 3', head: 'bar' },
    cofactor: { label: 'cofactor', stroke: '#b45309', dash: '1.5 3', head: 'open' },
    binding: { label: 'ligand binding', stroke: '#be185d', head: 'dot' },
    increases: { label: 'effect: increases', stroke: '#16a34a', head: 'arrow' },
    decreases: { label: 'effect: decreases', stroke: '#dc2626', head: 'bar' }
};

export const INK = '#1e293b';
export const NEUTRAL = '#ffffff';
const DECREASE: Rgb = [33, 102, 172];
const INCREASE: Rgb = [178, 24, 43];
const MIDDLE: Rgb = [247, 247, 247];

type Rgb = readonly [number, number, number];

/** The colour of a response t in [-1, 1] (−1 the strongest decrease, +1 the strongest increase). */
export function divergingColour(t: number): string {
    const s = Math.max(-1, Math.min(1, t));
    const to = s < 0 ? DECREASE : INCREASE;
    const [r, g, b] = MIDDLE.map((from, i) => Math.round(from + (to[i] - from) * Math.abs(s)));
    return `#${[r, g, b].map(c => c.toString(16).padStart(2, '0')).join('')}`;
}

/** White text on the saturated ends of the scale, dark text elsewhere. */
export function textColourOn(t: number): string {
    return Math.abs(t) > 0.6 ? '#ffffff' : INK;
}

/** A log2 fold change as the percentage change a reader expects: +100 % for twice, −50 % for half. */
export function percentChange(logFold: number): string {
    if (logFold === Infinity) return '+∞ % (from 0)';
    const percent = (2 ** logFold - 1) * 100;
    const digits = Math.abs(percent) >= 100 ? 0 : Math.abs(percent) >= 10 ? 1 : 2;
    const shown = percent.toFixed(digits);
    return `${percent > 0 ? '+' : percent < 0 && Number(shown) !== 0 ? '−' : ''}${shown.replace('-', '')} %`;
}
