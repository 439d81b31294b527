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

    /** Root functions of the species still watched, in `watched` order: y + tolerance, falling through 0. */
    events(): EventFunction[] {
        return this.watched.map((i): EventFunction => ({ g: (_t, y) => y[i] + this.tolerance, direction: -1 }));
    }

    /** Event `k` of the last `events()` was located at t. */
    located(k: number, t: number, y: Float64Array): void {
        const i = this.watched[k];
        this.watched = this.watched.filter(j => j !== i);
        this.warnings.push(warning(this.m.stateNames[i], t, y[i]));
    }

    /** Notes every watched species already below zero at t (a start or an action puts it there). */
    check(t: number | 'steady', y: Float64Array): void {
        for (const i of this.watched.filter(j => y[j] < -this.tolerance)) {
            this.watched = this.watched.filter(j => j !== i);
            this.warnings.push(warning(this.m.stateNames[i], t, y[i]));
        }
    }
}
