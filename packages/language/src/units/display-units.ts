/**
 * The one choice of a readable unit for a quantity its author wrote no unit for, shared by the
 * command line and the preview (docs/reference.md, Display units). Pure and without imports at
 * run time, so the webview bundle takes this module alone (`@neurocascade/language/display-units`).
 */
import type { DisplayUnit } from '@neurocascade/simulator';

/** The prefixed units of each base unit that has them, smallest first, with their size in the base unit. */
const READABLE_UNITS: Readonly<Record<string, readonly DisplayUnit[]>> = {
    uM: [{ unit: 'pM', scale: 1e-6 }, { unit: 'nM', scale: 1e-3 }, { unit: 'uM', scale: 1 }, { unit: 'mM', scale: 1e3 }, { unit: 'M', scale: 1e6 }],
    'g/L': [{ unit: 'pg/mL', scale: 1e-9 }, { unit: 'ng/mL', scale: 1e-6 }, { unit: 'ug/mL', scale: 1e-3 }, { unit: 'mg/mL', scale: 1 }],
    umol: [{ unit: 'pmol', scale: 1e-6 }, { unit: 'nmol', scale: 1e-3 }, { unit: 'umol', scale: 1 }, { unit: 'mmol', scale: 1e3 }, { unit: 'mol', scale: 1e6 }],
    'uM/min': [{ unit: 'pM/min', scale: 1e-6 }, { unit: 'nM/min', scale: 1e-3 }, { unit: 'uM/min', scale: 1 }, { unit: 'mM/min', scale: 1e3 }]
};

/**
 * The prefix that puts `magnitude` (the largest base value shown) between 1 and 1000 —
 * 0.00188 µM reads 1.88 nM. Undefined for a base unit without prefixes here (minutes,
 * fractions) or a magnitude of 0.
 */
export function readableDisplayUnit(baseUnit: string, magnitude: number): DisplayUnit | undefined {
    const units = Object.hasOwn(READABLE_UNITS, baseUnit) ? READABLE_UNITS[baseUnit] : undefined;
    if (!units || !(Math.abs(magnitude) > 0) || !Number.isFinite(magnitude)) return undefined;
    return [...units].reverse().find(candidate => Math.abs(magnitude) / candidate.scale >= 1) ?? units[0];
}

/** The largest finite magnitude among values (0 when there is none). */
export function largestMagnitude(values: Iterable<number | null | undefined>): number {
    let largest = 0;
    for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) largest = Math.max(largest, Math.abs(v));
    return largest;
}

/**
 * The unit to show a quantity's values in: the one its author wrote (`display`), else the
 * readable prefix for the largest of `values`; undefined: its base unit.
 */
export function shownUnit(quantity: { unit: string; display?: DisplayUnit }, values: Iterable<number | null | undefined>): DisplayUnit | undefined {
    return quantity.display ?? readableDisplayUnit(quantity.unit, largestMagnitude(values));
}

/** A base value in the unit it is shown in (as it is without one). */
export function inDisplay(value: number | null, shown: DisplayUnit | undefined): number | null {
    return value === null || !shown ? value : value / shown.scale;
}
