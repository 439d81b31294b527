import type { CountedRhs } from './stepper.js';
import type { Tolerances } from './error-norm.js';

/** Weighted RMS of v with the weights of the error norm at y. */
function scaledNorm(v: Float64Array, y: Float64Array, tol: Tolerances): number {
    let sum = 0;
    for (let i = 0; i < v.length; i++) {
        const scaled = v[i] / (tol.atol + tol.rtol * Math.abs(y[i]));
        sum += scaled * scaled;
    }
    return Math.sqrt(sum / v.length);
}

/**
 * Hairer's starting step (HINIT in DOPRI5): a step for which an explicit Euler step changes
 * y by about 1 % and the second derivative, estimated from one trial Euler step, keeps the
 * local error of a method of the given order near the tolerance.
 */
export function initialStep(
    rhs: CountedRhs, t: number, y: Float64Array, f: Float64Array,
    order: number, maxStep: number, tol: Tolerances
): number {
    const n = y.length;
    const dnf = scaledNorm(f, y, tol);
    const dny = scaledNorm(y, y, tol);
    let h = dnf <= 1e-5 || dny <= 1e-5 ? 1e-6 : 0.01 * dny / dnf;
    h = Math.min(h, maxStep);
    const yTrial = new Float64Array(n);
    const fTrial = new Float64Array(n);
    for (let i = 0; i < n; i++) yTrial[i] = y[i] + h * f[i];
    rhs.evaluate(t + h, yTrial, fTrial);
    for (let i = 0; i < n; i++) fTrial[i] -= f[i];
    const secondDerivative = scaledNorm(fTrial, y, tol) / h;
    const larger = Math.max(Math.abs(secondDerivative), dnf);
    const hSecond = larger <= 1e-15
        ? Math.max(1e-6, h * 1e-3)
        : Math.pow(0.01 / larger, 1 / order);
    const result = Math.min(100 * h, hSecond, maxStep);
    return Number.isFinite(result) && result > 0 ? result : 1e-6;
}
