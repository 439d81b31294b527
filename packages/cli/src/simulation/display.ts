import { shownUnit } from '@neurocascade/language/display-units';
import type { DisplayUnit } from '@neurocascade/simulator';
import { oneOf } from '../arguments.js';

export { inDisplay } from '@neurocascade/language/display-units';

/** `--units display|base`: the author's units (default) or the base units, for machines. */
export const UNITS_ARGUMENT = { units: { type: 'string' } } as const;

export type UnitsChoice = 'display' | 'base';

export function unitsChoice(value: string | undefined): UnitsChoice {
    return oneOf(value, ['display', 'base'] as const, 'display', '--units');
}

/** The unit to show a quantity's values in (the one choice of the CLI and the preview); none with --units base. */
export function displayFor(quantity: { unit: string; display?: DisplayUnit }, values: readonly (number | null)[], choice: UnitsChoice): DisplayUnit | undefined {
    return choice === 'base' ? undefined : shownUnit(quantity, values);
}
