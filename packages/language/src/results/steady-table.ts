/**
 * The one steady-state table of the preview and `cascade steady` (docs/reference.md, How
 * results are shown): a row per quantity a run reports (`reportableQuantities`), a column per
 * scenario, each row in its display unit — the unit its author wrote, else the readable prefix
 * for the row's largest value. Langium-free, so the webview imports it as the CLI does.
 */
import type { DisplayUnit, SteadyValue } from '@neurocascade/simulator';
import { shownUnit } from '../units/display-units.js';

/** One scenario's steady state (values empty when it has none). */
export interface SteadyColumn {
    scenario: string;
    values: readonly SteadyValue[];
}

export interface SteadyRow {
    name: string;
    /** The base unit of `values`. */
    unit: string;
    /** The unit the row is shown in; absent: its base unit (`--units base`, or a unit without prefixes). */
    display?: DisplayUnit;
    /** One per column, in base units; null where that scenario has no steady state. */
    values: (number | null)[];
}

/** The rows in the order the columns first name them; `base` leaves every row in its base unit. */
export function steadyRows(columns: readonly SteadyColumn[], units: 'display' | 'base' = 'display'): SteadyRow[] {
    const rows = new Map<string, { name: string; unit: string; written?: DisplayUnit; values: (number | null)[] }>();
    columns.forEach((column, k) => {
        for (const value of column.values) {
            const row = rows.get(value.name) ?? { name: value.name, unit: value.unit, values: columns.map(() => null) };
            rows.set(value.name, row);
            row.written ??= value.display;
            row.values[k] = value.value;
        }
    });
    return [...rows.values()].map(({ written, ...row }) => {
        const display = units === 'base' ? undefined : shownUnit({ unit: row.unit, display: written }, row.values);
        return display ? { ...row, display } : row;
    });
}
