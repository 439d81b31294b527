/**
 * A tiny SVG writer that escapes by construction: every attribute value and every text
 * child goes through `escapeXml`, so model-provided names and titles cannot break out.
 */
import { escapeXml } from '../output/xml-text.js';

/** Markup that is already escaped (built by `element`). */
export class Markup {
    constructor(readonly text: string) {}
}

type Child = Markup | string;

/** `<tag a="…">children</tag>`; numbers are rounded to 0.1 so layouts print the same bytes on every run. */
export function element(tag: string, attributes: Record<string, string | number | undefined>, ...children: Child[]): Markup {
    const attrs = Object.entries(attributes)
        .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
        .map(([key, value]) => ` ${key}="${escapeXml(typeof value === 'number' ? String(round(value)) : value)}"`)
        .join('');
    if (children.length === 0) return new Markup(`<${tag}${attrs}/>`);
    const body = children.map(child => child instanceof Markup ? child.text : escapeXml(child)).join('');
    return new Markup(`<${tag}${attrs}>${body}</${tag}>`);
}

export function round(value: number): number {
    return Math.round(value * 10) / 10;
}

/** An SVG path through points. */
export function pathThrough(points: readonly { x: number; y: number }[]): string {
    return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)} ${round(p.y)}`).join(' ');
}
