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

/**
 * The unit to show values of `baseUnit` in: the one its author wrote (`written`, a base value
 * being `scale` of it), else the readable prefix for the largest magnitude `largest` (in the base
 * unit), else the base unit itself.
 */
export function displayUnitFor(baseUnit: string, largest: number, written?: { unit: string; scale: number }): DisplayUnit {
    const chosen = written ?? readableDisplayUnit(baseUnit, largest);
    return chosen ? { label: unitLabel(chosen.unit), factor: 1 / chosen.scale } : { label: unitLabel(baseUnit), factor: 1 };
}

/** A value for a reader: four significant digits, exponents outside 1e-3 … 1e5. */
export function format(value: number): string {
    return Math.abs(value) >= 1e5 || (value !== 0 && Math.abs(value) < 1e-3) ? value.toExponential(3) : String(Number(value.toPrecision(4)));
}
