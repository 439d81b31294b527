/**
 * Stability of a steady state from the eigenvalues λ of the reduced Jacobian (conserved
 * moieties removed, so their zero eigenvalues do not count): stable when every Re λ < 0;
 * the slowest time scale is 1/min|Re λ|; a complex pair is a damped (or growing)
 * oscillation of period 2π/|Im λ| (docs/analysis.md).
 */
import { eigenvalues, type Eigenvalue } from './eigenvalues.js';
import type { SteadyLinearisation } from './steady-linearisation.js';

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

export function stabilityOf(linearisation: SteadyLinearisation): Stability | { unavailable: string } {
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
