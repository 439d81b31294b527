import type { Interpolant } from './dense-output.js';
import type { EventFunction } from './problem.js';

export interface LocatedEvent {
    index: number;
    t: number;
    y: Float64Array;
}

/** Relative accuracy of a located event time. */
const TIME_TOLERANCE = 1e-12;

/** At most this many looks at one g inside one step (a run's scan spacing keeps far below it). */
const MAX_LOOKS = 1_000_000;

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
 * An event with a `scan` spacing is also looked at inside the step, at most that far apart,
 * and its first crossing there is located the same way (a jump is bracketed and halved).
 */
export class EventTracker {
    private readonly previous: Float64Array;
    private readonly y: Float64Array;

    constructor(private readonly events: readonly EventFunction[], t0: number, y0: Float64Array) {
        this.previous = Float64Array.from(events, (event) => event.g(t0, y0));
        this.y = new Float64Array(y0.length);
    }

    /** The earliest event in the step [start, start + h], or undefined (then g is updated). */
    check(start: number, h: number, yEnd: Float64Array, coefficients: Float64Array, interpolant: Interpolant): LocatedEvent | undefined {
        let earliest: LocatedEvent | undefined;
        const after = Float64Array.from(this.events, (event) => event.g(start + h, yEnd));
        const valueAt = (g: EventFunction['g'], theta: number) => {
            interpolant(coefficients, theta, this.y);
            return g(start + theta * h, this.y);
        };
        for (let index = 0; index < this.events.length; index++) {
            const event = this.events[index];
            const looks = event.scan !== undefined && event.scan > 0 ? Math.min(Math.ceil(h / event.scan), MAX_LOOKS) : 1;
            // The first stretch [a, b] of the step over which g crosses, looking `looks` times.
            let a = 0, ga = this.previous[index];
            let b = 0, gb = ga;
            for (let k = 1; k <= looks; k++) {
                b = k / looks;
                gb = k === looks ? after[index] : valueAt(event.g, b);
                if (crosses(event.direction, ga, gb)) break;
                a = b; ga = gb;
            }
            if (!crosses(event.direction, ga, gb)) continue;
            const theta = this.locate(event.g, valueAt, a, ga, b, gb, start, h);
            if (earliest === undefined || start + theta * h < earliest.t) {
                const y = new Float64Array(yEnd.length);
                if (theta === 1) y.set(yEnd); else interpolant(coefficients, theta, y);
                earliest = { index, t: theta === 1 ? start + h : start + theta * h, y };
            }
        }
        if (earliest === undefined) this.previous.set(after);
        return earliest;
    }

    private locate(
        g: EventFunction['g'], valueAt: (g: EventFunction['g'], theta: number) => number,
        a: number, ga: number, b: number, gb: number, start: number, h: number
    ): number {
        const tolerance = Math.max(TIME_TOLERANCE * Math.max(Math.abs(start + h), h), 4 * Number.EPSILON * Math.abs(start + h)) / h;
        const gEnd = gb;
        let side = 0;
        // Leaving an exact 0, the new side is g's final sign, strictly.
        const fromZero = ga === 0;
        for (let iteration = 0; iteration < 200 && b - a > tolerance; iteration++) {
            const secant = (a * gb - b * ga) / (gb - ga);
            const c = secant > a && secant < b ? secant : (a + b) / 2;
            const gc = valueAt(g, c);
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
