/**
 * Colours for plots from the VS Code theme: parsing the CSS colours the theme variables
 * hold, and a diverging scale for response coefficients (negative → one theme colour,
 * zero → the neutral colour, positive → another).
 */
export type Rgb = readonly [number, number, number];

/** `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb(…)` or `rgba(…)`; undefined otherwise. */
export function parseColour(css: string): Rgb | undefined {
    const text = css.trim().toLowerCase();
    const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(text);
    if (hex) {
        const digits = hex[1].length <= 4 ? [...hex[1]].map(d => d + d).join('') : hex[1];
        return [0, 2, 4].map(i => parseInt(digits.slice(i, i + 2), 16)) as unknown as Rgb;
    }
    const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(text);
    if (fn) return [1, 2, 3].map(i => Math.min(255, Math.round(Number(fn[i])))) as unknown as Rgb;
    return undefined;
}

export function mix(from: Rgb, to: Rgb, t: number): Rgb {
    const f = Math.max(0, Math.min(1, t));
    return [0, 1, 2].map(i => Math.round(from[i] + (to[i] - from[i]) * f)) as unknown as Rgb;
}

export function toCss([r, g, b]: Rgb): string {
    return `rgb(${r}, ${g}, ${b})`;
}

export interface DivergingScale {
    negative: Rgb;
    neutral: Rgb;
    positive: Rgb;
    /** |value| at which the colour is fully saturated. */
    limit: number;
}

/** The colour of a response coefficient; undefined or non-finite values get the neutral colour. */
export function divergingColour(value: number | undefined, scale: DivergingScale): string {
    if (value === undefined || !Number.isFinite(value) || scale.limit <= 0) return toCss(scale.neutral);
    const t = Math.min(1, Math.abs(value) / scale.limit);
    return toCss(mix(scale.neutral, value < 0 ? scale.negative : scale.positive, t));
}

/** The scale's limit for a set of values: the largest magnitude, so the strongest response is saturated. */
export function scaleLimit(values: Iterable<number | undefined>): number {
    let limit = 0;
    for (const v of values) if (v !== undefined && Number.isFinite(v)) limit = Math.max(limit, Math.abs(v));
    return limit;
}
