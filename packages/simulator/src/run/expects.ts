/**
 * docs/reference.md#expect: the readings an expectation takes in a run, combined into its value, made
 * relative to a reference scenario's value when it says `relative to`, and judged against its bounds.
 */
import { evaluateConstant } from '../ir-constants.js';
import type { Expectation, Expr } from '../ir.js';

export interface ExpectResult {
    label: string;
    line: number;
    passed: boolean;
    /** The measured value; null when there is none (no steady state, an undefined value). */
    value: number | null;
    message: string;
}

/** An expectation's value in one run, or why it has none. */
export type Measured = { value: number } | { missing: string };

export function formatQuantity(v: number, unit: string): string {
    const text = String(+v.toPrecision(4));
    return unit === '1' || unit === '' ? text : `${text} ${unit}`;
}

/** A relative change as a signed percentage: 0.2 → `+20 %`. */
function formatChange(fraction: number): string {
    const percent = +(fraction * 100).toPrecision(4);
    return `${percent >= 0 ? '+' : ''}${percent} %`;
}

function where(e: Expectation): string {
    if (e.readings.length !== 1 || e.value.kind !== 'name') return '';
    const at = e.readings[0].at;
    return at === 'steady' ? ' at steady state' : ` at t = ${+at.toPrecision(6)} min`;
}

function range(e: Expectation): string {
    const format = (v: number) => e.relativeTo ? formatChange(v) : formatQuantity(v, e.unit);
    if (e.low === -Infinity) return `below ${format(e.high)}`;
    if (e.high === Infinity) return `above ${format(e.low)}`;
    return `between ${format(e.low)} and ${format(e.high)}`;
}

/** `between` includes its bounds; `above` and `below` are strict. */
function within(e: Expectation, value: number): boolean {
    if (e.low === -Infinity) return value < e.high;
    if (e.high === Infinity) return value > e.low;
    return e.low <= value && value <= e.high;
}

/** The expectation's value from its readings: its expression with each `$k` replaced by reading k. */
export function combineReadings(value: Expr, readings: readonly number[]): number {
    const substitute = (e: Expr): Expr => {
        switch (e.kind) {
            case 'name': return /^\$\d+$/.test(e.name) ? { kind: 'number', value: readings[Number(e.name.slice(1))] } : e;
            case 'unary': return { ...e, operand: substitute(e.operand) };
            case 'binary': return { ...e, left: substitute(e.left), right: substitute(e.right) };
            case 'call': return { ...e, args: e.args.map(substitute) };
            default: return e;
        }
    };
    return evaluateConstant(substitute(value)) ?? Number.NaN;
}

/** The value judged: the measured one, or its change against the reference run, (X − X_ref)/X_ref. */
export function relativeValue(e: Expectation, measured: Measured, reference: Measured | undefined): Measured {
    if (!e.relativeTo || 'missing' in measured) return measured;
    if (!reference || 'missing' in reference) return { missing: `in '${e.relativeTo}': ${reference?.missing ?? 'not run'}` };
    if (reference.value === 0) return { missing: `its value in '${e.relativeTo}' is 0, so there is no relative change` };
    return { value: (measured.value - reference.value) / reference.value };
}

/** Judges one expectation's value. */
export function judge(e: Expectation, measured: Measured): ExpectResult {
    const base = { label: e.label, line: e.source?.line ?? 0 };
    const subject = `${e.label}${where(e)}${e.relativeTo ? ` relative to '${e.relativeTo}'` : ''}`;
    if ('missing' in measured || !Number.isFinite(measured.value)) {
        const why = 'missing' in measured ? measured.missing : `it is ${measured.value} there`;
        return { ...base, passed: false, value: null, message: `${subject} has no value: ${why} (expected ${range(e)})` };
    }
    const value = measured.value;
    const passed = within(e, value);
    const shown = e.relativeTo ? formatChange(value) : formatQuantity(value, e.unit);
    return { ...base, passed, value, message: `${subject} is ${shown}, ${passed ? 'within' : 'outside'} the expected range (${range(e)})` };
}
