/**
 * Display units: a quantity in a base unit (µM, g/L, µmol) shown with the SI prefix that
 * puts its largest magnitude between 1 and 1000 (0.0012 µM reads as 1.2 nM). Pure, so the
 * CLI and the webview can share it.
 */

export interface DisplayUnit {
    /** What the reader sees: 'nM', 'pg/mL'; '' for a dimensionless fraction. */
    label: string;
    /** Display value = base value × factor. */
    factor: number;
}

/** The prefixed units of each scalable base unit, smallest first, with their size in the base unit. */
const LADDERS: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
    uM: [['pM', 1e-6], ['nM', 1e-3], ['µM', 1], ['mM', 1e3], ['M', 1e6]],
    'g/L': [['pg/mL', 1e-9], ['ng/mL', 1e-6], ['µg/mL', 1e-3], ['mg/mL', 1]],
    umol: [['pmol', 1e-6], ['nmol', 1e-3], ['µmol', 1], ['mmol', 1e3], ['mol', 1e6]],
    'uM/min': [['pM/min', 1e-6], ['nM/min', 1e-3], ['µM/min', 1], ['mM/min', 1e3]]
};

/** How a base unit is written for a reader (µ for u; nothing for a fraction). */
export function unitLabel(unit: string): string {
    return unit === '1' ? '' : unit.replace(/^u/, 'µ');
}

/** The unit to show values of `baseUnit` in, whose largest magnitude is `largest` (in the base unit). */
export function displayUnitFor(baseUnit: string, largest: number): DisplayUnit {
    const ladder = LADDERS[baseUnit];
    if (!ladder) return { label: unitLabel(baseUnit), factor: 1 };
    const base = ladder.find(([, size]) => size === 1)!;
    if (!(largest > 0) || !Number.isFinite(largest)) return { label: base[0], factor: 1 };
    const fitting = [...ladder].reverse().find(([, size]) => largest / size >= 1) ?? ladder[0];
    return { label: fitting[0], factor: 1 / fitting[1] };
}

/** The largest finite magnitude among values (0 when there is none). */
export function largestMagnitude(values: Iterable<number | null | undefined>): number {
    let largest = 0;
    for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) largest = Math.max(largest, Math.abs(v));
    return largest;
}
