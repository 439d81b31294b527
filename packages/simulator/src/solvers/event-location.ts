import type { Interpolant } from './dense-output.js';
import type { EventFunction } from './problem.js';

export interface LocatedEvent {
    index: number;
    t: number;
    y: Float64Array;
}

/** Relative accuracy of a located event time. */
const TIME_TOLERANCE = 1e-12;

function crosses(direction: -1 | 0 | 1, before: number, after: number): boolean {
    const rising = before < 0 && after >= 0;
    const falling = before > 0 && after <= 0;
    // A directed event that starts exactly on 0 (a restart on its threshold) crosses when g leaves 0 its way.
    if (direction === 1) return rising || (before === 0 && after > 0);
    if (direction === -1) return falling || (before === 0 && after < 0);
    return rising || falling;
}

/**
 * Watches the event functions across accepted steps. A sign change of g over a step (in the
 * event's direction) is located on the step's dense output by the Illinois variant of
 * regula falsi; the reported time lies just past the crossing, where g has its new sign.
 */
export class EventTracker {
    private readonly previous: Float64Array;
    private readonly size: number;

    constructor(private readonly events: readonly EventFunction[], t0: number, y0: Float64Array) {
        this.previous = Float64Array.from(events, (event) => event.g(t0, y0));
        this.size = y0.length;
    }

    /** The earliest event in the step [start, start + h], or undefined (then g is updated). */
    check(start: number, h: number, yEnd: Float64Array, coefficients: Float64Array, interpolant: Interpolant): LocatedEvent | undefined {
        let earliest: LocatedEvent | undefined;
        const after = Float64Array.from(this.events, (event) => event.g(start + h, yEnd));
        for (let index = 0; index < this.events.length; index++) {
            if (!crosses(this.events[index].direction, this.previous[index], after[index])) continue;
            const theta = this.locate(index, start, h, after[index], coefficients, interpolant);
            if (earliest === undefined || start + theta * h < earliest.t) {
                const y = new Float64Array(yEnd.length);
                if (theta === 1) y.set(yEnd); else interpolant(coefficients, theta, y);
                earliest = { index, t: theta === 1 ? start + h : start + theta * h, y };
            }
        }
        if (earliest === undefined) this.previous.set(after);
        return earliest;
    }

    private locate(index: number, start: number, h: number, gEnd: number, coefficients: Float64Array, interpolant: Interpolant): number {
        const g = this.events[index].g;
        const y = new Float64Array(this.size);
        const valueAt = (theta: number) => {
            interpolant(coefficients, theta, y);
            return g(start + theta * h, y);
        };
        const tolerance = Math.max(TIME_TOLERANCE * Math.max(Math.abs(start + h), h), 4 * Number.EPSILON * Math.abs(start + h)) / h;
        let a = 0, ga = this.previous[index];
        let b = 1, gb = gEnd;
        let side = 0;
        // Leaving an exact 0, the new side is g's final sign, strictly.
        const fromZero = ga === 0;
        for (let iteration = 0; iteration < 200 && b - a > tolerance; iteration++) {
            const secant = (a * gb - b * ga) / (gb - ga);
            const c = secant > a && secant < b ? secant : (a + b) / 2;
            const gc = valueAt(c);
            if (fromZero ? gc * gEnd > 0 : gc === 0 || crosses(0, ga, gc)) {
                if (gc === 0) return c;
                b = c; gb = gc;
                if (side === -1) ga /= 2;
                side = -1;
            } else {
                a = c; ga = gc;
                if (side === 1) gb /= 2;
                side = 1;
            }
        }
        return b;
    }
}
