/**
 * The colour scales of the analysis charts, on the network diagram's colours (one diverging
 * ramp: blue below zero, red above). Coefficients are signed, so their scale is symmetric
 * about zero and equal colours mean equal magnitudes; a scan's measured values use the red
 * half from their lowest to their highest value.
 */
import { divergingColour } from '@neurocascade/language/diagram/diagram-style';
import { formatNumber } from '@neurocascade/simulator/quantity-format';

export interface ColourScale {
    kind: 'diverging' | 'sequential';
    /** What the values are, with their unit: the scale's label. */
    title: string;
    low: number;
    high: number;
    /** Labelled stops of the scale bar, low to high. */
    ticks: { value: number; label: string }[];
}

/** Symmetric about zero: ±the largest finite |value| (1 when there is none). */
export function divergingScale(values: Iterable<number | null>, title: string): ColourScale {
    const limit = Math.max(0, ...finite(values).map(Math.abs)) || 1;
    return { kind: 'diverging', title, low: -limit, high: limit, ticks: [-limit, -limit / 2, 0, limit / 2, limit].map(tick) };
}

export function sequentialScale(values: Iterable<number | null>, title: string): ColourScale {
    const shown = finite(values);
    const low = shown.length ? Math.min(...shown) : 0;
    const high = shown.length ? Math.max(...shown) : 1;
    return { kind: 'sequential', title, low, high, ticks: [low, (low + high) / 2, high].map(tick) };
}

/** Where a value lies on the ramp, −1 … 1 (diverging) or 0 … 1 (sequential), clamped. */
export function scalePosition(scale: ColourScale, value: number): number {
    if (scale.kind === 'diverging') return Math.max(-1, Math.min(1, value / scale.high));
    const span = scale.high - scale.low;
    return span > 0 ? Math.max(0, Math.min(1, (value - scale.low) / span)) : 0.5;
}

export function scaleColour(scale: ColourScale, value: number): string {
    return divergingColour(scalePosition(scale, value));
}

/** The colours of the scale bar's gradient, low to high. */
export function scaleStops(scale: ColourScale): { offset: number; colour: string }[] {
    const positions = scale.kind === 'diverging' ? [-1, -0.5, 0, 0.5, 1] : [0, 0.25, 0.5, 0.75, 1];
    return positions.map((t, i) => ({ offset: i / (positions.length - 1), colour: divergingColour(t) }));
}

function tick(value: number): { value: number; label: string } {
    return { value, label: value === 0 ? '0' : formatNumber(value) };
}

function finite(values: Iterable<number | null>): number[] {
    return [...values].filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
}
