import { largestMagnitude, readableDisplayUnit } from '@neurocascade/language/display-units';
import type { DisplayUnit } from '@neurocascade/simulator';
import { oneOf } from '../arguments.js';

/** `--units display|base`: the author's units (default) or the base units, for machines. */
export const UNITS_ARGUMENT = { units: { type: 'string' } } as const;

export type UnitsChoice = 'display' | 'base';

export function unitsChoice(value: string | undefined): UnitsChoice {
    return oneOf(value, ['display', 'base'] as const, 'display', '--units');
}

/** The unit to show a quantity's values in: the author's, else a readable prefix for its largest value; none with --units base. */
export function displayFor(quantity: { unit: string; display?: DisplayUnit }, values: readonly (number | null)[], choice: UnitsChoice): DisplayUnit | undefined {
    if (choice === 'base') return undefined;
    if (quantity.display) return quantity.display;
    return readableDisplayUnit(quantity.unit, largestMagnitude(values));
}

export function inDisplay(value: number | null, display: DisplayUnit | undefined): number | null {
    return value === null || !display ? value : value / display.scale;
}
