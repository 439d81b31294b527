/**
 * The one cascade table of the preview's CSV export and `cascade cascade` (docs/reference.md,
 * How results are shown): a row per perturbation and measured quantity, its values in the
 * quantity's display unit — the unit its author wrote, else the readable prefix for its values —
 * and a failed perturbation as one row with its error. Langium-free, so the webview imports it
 * as the CLI does.
 */
import type { CascadeResult, DisplayUnit } from '@neurocascade/simulator';
import { inDisplay, shownUnit } from '../units/display-units.js';

export const CASCADE_COLUMNS = ['perturbation', 'quantity', 'unit', 'base', 'perturbed', 'change', 'change (%)', 'response coefficient', 'local coefficient', 'error'] as const;

/** Each measured quantity's display unit over every perturbation's values; none with `base`. */
export function cascadeDisplayUnits(
    result: CascadeResult, measured: readonly { name: string; unit: string; display?: DisplayUnit }[], units: 'display' | 'base' = 'display'
): Record<string, DisplayUnit> {
    const displays: Record<string, DisplayUnit> = {};
    if (units === 'base') return displays;
    for (const quantity of measured) {
        const values = result.perturbations.flatMap(p => p.responses.filter(r => r.name === quantity.name).flatMap(r => [r.base, r.perturbed]));
        const shown = shownUnit(quantity, values);
        if (shown) displays[quantity.name] = shown;
    }
    return displays;
}

/** The rows under CASCADE_COLUMNS; the percentage and the coefficients have no unit. */
export function cascadeRows(result: CascadeResult, displays: Readonly<Record<string, DisplayUnit>>): (string | number | null)[][] {
    return result.perturbations.flatMap((p): (string | number | null)[][] => [
        ...(p.error !== undefined ? [[p.change, null, null, null, null, null, null, null, null, p.error]] : []),
        ...p.responses.map(r => {
            const shown = displays[r.name] as DisplayUnit | undefined;
            return [p.change, r.name, shown?.unit ?? r.unit, inDisplay(r.base, shown), inDisplay(r.perturbed, shown), inDisplay(r.change, shown),
                r.percent, r.coefficient, r.localCoefficient, null];
        })
    ]);
}
