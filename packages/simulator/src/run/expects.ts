/** docs/reference.md#expect: `expect E at (steady | T) between A and B`: pass/fail with the measured value. */
import type { Expectation } from '../ir.js';

export interface ExpectResult {
    label: string;
    line: number;
    passed: boolean;
    /** The measured value; null when there is none (no steady state, an undefined value). */
    value: number | null;
    message: string;
}

export function formatQuantity(v: number, unit: string): string {
    const text = String(+v.toPrecision(4));
    return unit === '1' || unit === '' ? text : `${text} ${unit}`;
}

function where(e: Expectation): string {
    return e.at === 'steady' ? 'at steady state' : `at t = ${+e.at.toPrecision(6)} min`;
}

/** Judges one expectation; `missing` says why there is no value when `value` is undefined. */
export function judge(e: Expectation, value: number | undefined, missing?: string): ExpectResult {
    const base = { label: e.label, line: e.source?.line ?? 0 };
    const range = `between ${formatQuantity(e.low, e.unit)} and ${formatQuantity(e.high, e.unit)}`;
    if (value === undefined || !Number.isFinite(value)) {
        const why = missing ?? `it is ${value} there`;
        return { ...base, passed: false, value: null, message: `${e.label} ${where(e)} has no value: ${why} (expected ${range})` };
    }
    const passed = e.low <= value && value <= e.high;
    const verdict = passed ? 'within' : 'outside';
    return { ...base, passed, value, message: `${e.label} ${where(e)} is ${formatQuantity(value, e.unit)}, ${verdict} the expected range (${range})` };
}
