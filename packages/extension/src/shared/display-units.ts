/**
 * Display units in the preview: the unit chosen for a quantity (the language package's one
 * choice, docs/reference.md, Display units) in the form the charts draw with — a label with µ
 * for u, and the factor a base value is multiplied by.
 */
import { largestMagnitude, readableDisplayUnit } from '@neurocascade/language/display-units';

export { largestMagnitude };

export interface DisplayUnit {
    /** What the reader sees: 'nM', 'pg/mL'; '' for a dimensionless fraction. */
    label: string;
    /** Display value = base value × factor. */
    factor: number;
}

/** How a unit is written for a reader (µ for u; nothing for a fraction). */
export function unitLabel(unit: string): string {
    return unit === '1' ? '' : unit.replace(/^u/, 'µ');
}

/** The unit to show values of `baseUnit` in, whose largest magnitude is `largest` (in the base unit); the base unit itself when none reads better. */
export function displayUnitFor(baseUnit: string, largest: number): DisplayUnit {
    const readable = readableDisplayUnit(baseUnit, largest);
    return readable ? { label: unitLabel(readable.unit), factor: 1 / readable.scale } : { label: unitLabel(baseUnit), factor: 1 };
}

/** A value for a reader: four significant digits, exponents outside 1e-3 … 1e5. */
export function format(value: number): string {
    return Math.abs(value) >= 1e5 || (value !== 0 && Math.abs(value) < 1e-3) ? value.toExponential(3) : String(Number(value.toPrecision(4)));
}
