import type { DisplayUnit } from '@neurocascade/simulator';
import { parseUnit } from './units.js';

/** The prefixed units a base unit may be shown in, smallest first. */
const READABLE_UNITS: Readonly<Record<string, readonly string[]>> = {
    uM: ['pM', 'nM', 'uM', 'mM'],
    'g/L': ['pg/mL', 'ng/mL', 'ug/mL', 'mg/mL']
};

/**
 * A unit for a quantity its author wrote no unit for: the prefix that puts `magnitude` (a
 * typical base value) between 1 and 1000 — 0.00188 µM reads 1.88 nM. Undefined for a base
 * unit without prefixes here (minutes, fractions) or a magnitude of 0.
 */
export function readableDisplayUnit(baseUnit: string, magnitude: number): DisplayUnit | undefined {
    const units = READABLE_UNITS[baseUnit];
    if (!units || !(Math.abs(magnitude) > 0) || !Number.isFinite(magnitude)) return undefined;
    const scaled = units.map(unit => ({ unit, scale: parseUnit(unit).scale }));
    return [...scaled].reverse().find(candidate => Math.abs(magnitude) / candidate.scale >= 1) ?? scaled[0];
}
