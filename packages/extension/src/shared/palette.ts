/**
 * The series colours of every chart: Okabe and Ito's colour-blind-safe set (without black,
 * which disappears on dark themes), yellow last because it is faint on light ones, then grey.
 * A chart gives each line (or each scenario) its own index, so no colour is used twice.
 */
export const PALETTE: readonly string[] = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#56B4E9', '#E69F00', '#F0E442', '#999999'];

/** Dash patterns for lines beyond the palette's length: the first round solid, then dashed and dotted. */
export const DASHES: readonly (readonly number[])[] = [[], [8, 4], [2, 3], [12, 4, 2, 4]];

export function colourOf(index: number): string {
    return PALETTE[index % PALETTE.length];
}

export function dashOf(index: number): readonly number[] {
    return DASHES[Math.floor(index / PALETTE.length) % DASHES.length];
}
