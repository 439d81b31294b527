import type { DisplayUnit } from '../ir.js';

/**
 * The one number formatter of results and messages (command line, editor, expects): four
 * significant digits, shortest form (`0.001175`, `4.435`, `1.478e+5`).
 */
export function formatNumber(value: number): string {
    return String(Number(value.toPrecision(4)));
}

/** A base value in its display unit when it has one: `12.3 pg/mL`; else in `unit` (`1`: no unit). */
export function formatQuantity(value: number, unit: string, display?: DisplayUnit): string {
    if (display) return `${formatNumber(value / display.scale)} ${display.unit}`;
    const text = formatNumber(value);
    return unit === '1' || unit === '' ? text : `${text} ${unit}`;
}
