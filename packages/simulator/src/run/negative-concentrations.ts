/**
 * Concentrations driven below zero: a rate that does not vanish when its substrate runs out (a
 * zero-order `rate 5 uM/min`) goes on consuming it. The run is not stopped — the numbers are
 * still the model's — but each species' first crossing is located and reported as a warning.
 */
import type { CompiledModel } from '../model/compiled-model.js';
import { DEFAULT_ATOL } from '../solvers/integrate.js';
import type { EventFunction } from '../solvers/problem.js';

export interface RunWarning {
    code: 'negative-concentration';
    message: string;
    species: string;
    /** Minutes, or 'steady' for a steady state with a negative concentration. */
    time: number | 'steady';
}

/** Below −this·atol a concentration is negative; above it, it is the solver's noise around 0. */
const NOISE_IN_ATOL = 1000;

function warning(species: string, time: number | 'steady', value: number): RunWarning {
    const when = time === 'steady' ? `is ${+value.toPrecision(4)} at the steady state` : `fell below zero at t = ${+time.toPrecision(6)} min`;
    return {
        code: 'negative-concentration', species, time,
        message: `${species} ${when}: a concentration cannot be negative (does a rate go on consuming ${species} when it has run out, like a zero-order rate?)`
    };
}

export class NegativeConcentrations {
    readonly warnings: RunWarning[] = [];
    private readonly tolerance: number;
    /** State indices of the species not yet seen below zero. */
    private watched: number[];

    constructor(private readonly m: CompiledModel, atol = DEFAULT_ATOL) {
        this.tolerance = NOISE_IN_ATOL * atol;
        this.watched = m.ir.species.map(s => m.stateNames.indexOf(s.name)).filter(i => i >= 0);
    }

    /**
     * One root function for every species still watched: the lowest y + tolerance, falling
     * through 0, so its first crossing is the first species' crossing. One tight loop per look
     * instead of a function per species: on a 1,000-species network a function each was a
     * quarter of a first solve, run before V8 had optimized any of them.
     */
    events(): EventFunction[] {
        const watched = this.watched, tolerance = this.tolerance;
        if (watched.length === 0) return [];
        return [{
            g: (_t, y) => {
                let lowest = Infinity;
                for (let k = 0; k < watched.length; k++) if (y[watched[k]] < lowest) lowest = y[watched[k]];
                return lowest + tolerance;
            },
            direction: -1
        }];
    }

    /**
     * Notes every watched species below zero at t: where the event of `events()` was located (just
     * past the crossing, y + tolerance ≤ 0), or where a start or an action put it.
     */
    check(t: number | 'steady', y: Float64Array): void {
        for (const i of this.watched.filter(j => y[j] + this.tolerance <= 0)) {
            this.watched = this.watched.filter(j => j !== i);
            this.warnings.push(warning(this.m.stateNames[i], t, y[i]));
        }
    }
}
