/** The valid range of each property (docs/reference.md#range): the validator reports values outside it, populations truncate to it. */
export const POSITIVE_PROPERTIES: ReadonlySet<string> = new Set(['volume', 'vmax', 'km', 'kd', 'ki', 'hill', 'molar_mass', 'keq', 'km_product', 'protein']);
export const NON_NEGATIVE_PROPERTIES: ReadonlySet<string> = new Set(['initial', 'supply', 'clearance', 'density', 'rate', 'concentration', 'kf', 'kr']);

/** Values must be above 0 (`positive`), at or above 0, or anything (a parameter's value, a modulator's level, a reaction's rate law). */
export type PropertyRange = 'positive' | 'non-negative' | 'any';

export function propertyRange(property: string): PropertyRange {
    return POSITIVE_PROPERTIES.has(property) ? 'positive' : NON_NEGATIVE_PROPERTIES.has(property) ? 'non-negative' : 'any';
}
