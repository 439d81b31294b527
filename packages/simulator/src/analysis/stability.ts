/**
 * Stability of a steady state from the eigenvalues λ of the reduced Jacobian (conserved
 * moieties removed, so their zero eigenvalues do not count): stable when every Re λ < 0;
 * the slowest time scale is 1/min|Re λ|; a complex pair is a damped (or growing)
 * oscillation of period 2π/|Im λ| (docs/analysis.md).
 */
import type { CompiledModel } from '../model/compiled-model.js';
import { SimulationError } from '../model/errors.js';
import { eigenvalues, type Eigenvalue } from './eigenvalues.js';
import { linearise, type SteadyLinearisation } from './steady-linearisation.js';

export interface OscillatoryMode {
    /** Minutes. */
    period: number;
    /** Minutes for the amplitude to change e-fold; negative when it grows. */
    decayTime: number;
}

export interface Stability {
    stable: boolean;
    eigenvalues: Eigenvalue[];
    /** Minutes; null without eigenvalues (nothing moves). */
    slowestTimeScale: number | null;
    oscillatoryModes: OscillatoryMode[];
}

/** Above this many independent states the dense eigen-solver (O(n³)) is not run. */
export const MAX_EIGEN_STATES = 400;

export type StabilityReport = Stability | { unavailable: string };

export function stabilityOf(linearisation: SteadyLinearisation): StabilityReport {
    const { independent, values } = linearisation.reducedJacobian();
    const n = independent.length;
    if (n > MAX_EIGEN_STATES) return { unavailable: `${n} independent states: eigenvalues are computed up to ${MAX_EIGEN_STATES}` };
    const lambda = eigenvalues(values, n);
    const slowest = lambda.reduce((s, e) => Math.min(s, Math.abs(e.re)), Infinity);
    return {
        stable: lambda.every(e => e.re < 0),
        eigenvalues: lambda,
        slowestTimeScale: n === 0 ? null : slowest === 0 ? Infinity : 1 / slowest,
        oscillatoryModes: lambda.filter(e => e.im > 0).map(e => ({ period: 2 * Math.PI / e.im, decayTime: -1 / e.re }))
    };
}

/** The stability of the steady state y (at time t), or why it cannot be told. */
export function stabilityAt(m: CompiledModel, y: Float64Array, t: number): StabilityReport {
    try {
        return stabilityOf(linearise(m, y, t));
    } catch (e) {
        if (e instanceof SimulationError) return { unavailable: e.message };
        throw e;
    }
}

const minutes = (v: number) => `${+v.toPrecision(3)} min`;

/** One sentence for the preview. */
export function stabilitySummary(s: StabilityReport): string {
    if ('unavailable' in s) return `Stability not computed: ${s.unavailable}.`;
    if (s.eigenvalues.length === 0) return 'Nothing moves: no eigenvalues.';
    const modes = s.oscillatoryModes.map(o => `period ${minutes(o.period)}, ${o.decayTime > 0 ? 'decaying' : 'growing'} e-fold in ${minutes(Math.abs(o.decayTime))}`);
    const oscillation = modes.length > 0 ? ` Oscillatory modes: ${modes.join('; ')}.` : '';
    if (s.stable) return `Stable: every eigenvalue has a negative real part; slowest time scale ${minutes(s.slowestTimeScale!)}.${oscillation}`;
    const worst = s.eigenvalues[0];
    return `Unstable: an eigenvalue with real part ${+worst.re.toPrecision(3)} /min${worst.re > 0 ? ` (a deviation grows e-fold in ${minutes(1 / worst.re)})` : ''}.${oscillation}`;
}
