/**
 * Global sensitivity from the outputs of a Saltelli or Morris design (sampling-designs.ts),
 * one output per run, NaN where the run failed (docs/analysis.md#global-sensitivity).
 * Sobol: with V the variance of f over the rows of A and B together,
 *   first order  Sᵢ  = (1/N) Σ f(B)·(f(A_B⁽ⁱ⁾) − f(A)) / V        (Saltelli 2010, f centred on its mean:
 *                  the same in expectation, but without the mean's noise, which for a far-from-zero output is most of it),
 *   total order  Sᵀᵢ = (1/2N) Σ (f(A) − f(A_B⁽ⁱ⁾))² / V             (Jansen 1999);
 * a row with any failed run is left out of every sum. Morris: the elementary effects
 * EEᵢ = (f(x + Δeᵢ) − f(x))/Δ along each trajectory; μ* = mean |EE|, μ = mean EE, σ their sample standard deviation.
 */
import { MORRIS_DELTA, morrisTrajectory } from './sampling-designs.js';

export interface SobolIndices {
    /** Per factor; null when the output does not vary (V = 0). */
    first: (number | null)[];
    total: (number | null)[];
    /** Rows every run of which succeeded. */
    rows: number;
}

export function sobolIndices(outputs: ArrayLike<number>, d: number): SobolIndices {
    const width = d + 2;
    const rows: number[] = [];
    for (let s = 0; s * width < outputs.length; s++) {
        let ok = true;
        for (let c = 0; c < width; c++) ok &&= Number.isFinite(outputs[s * width + c]);
        if (ok) rows.push(s);
    }
    const at = (s: number, column: number) => outputs[s * width + column];
    const n = rows.length;
    let mean = 0;
    for (const s of rows) mean += at(s, 0) + at(s, 1);
    mean /= 2 * n;
    let variance = 0;
    for (const s of rows) variance += (at(s, 0) - mean) ** 2 + (at(s, 1) - mean) ** 2;
    variance /= 2 * n;
    const first: (number | null)[] = [], total: (number | null)[] = [];
    for (let i = 0; i < d; i++) {
        let partial = 0, squared = 0;
        for (const s of rows) {
            const a = at(s, 0), b = at(s, 1), ab = at(s, 2 + i);
            partial += (b - mean) * (ab - a);
            squared += (a - ab) ** 2;
        }
        const defined = n > 0 && variance > 0;
        first.push(defined ? partial / n / variance : null);
        total.push(defined ? squared / (2 * n) / variance : null);
    }
    return { first, total, rows: n };
}

export interface MorrisEffects {
    /** Per factor: mean |EE|, mean EE and the standard deviation of EE, in the output's unit per unit of quantile. */
    muStar: (number | null)[];
    mu: (number | null)[];
    sigma: (number | null)[];
    /** Trajectories every run of which succeeded. */
    trajectories: number;
}

export function morrisEffects(outputs: ArrayLike<number>, d: number, seed: number): MorrisEffects {
    const width = d + 1;
    const effects: number[][] = Array.from({ length: d }, () => []);
    let trajectories = 0;
    for (let t = 0; t * width < outputs.length; t++) {
        const y = Array.from({ length: width }, (_, k) => outputs[t * width + k]);
        if (!y.every(Number.isFinite)) continue;
        trajectories++;
        const { order } = morrisTrajectory(seed, t, d);
        order.forEach((factor, k) => effects[factor].push((y[k + 1] - y[k]) / MORRIS_DELTA));
    }
    const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
    return {
        muStar: effects.map(e => (e.length > 0 ? mean(e.map(Math.abs)) : null)),
        mu: effects.map(e => (e.length > 0 ? mean(e) : null)),
        sigma: effects.map(e => {
            if (e.length < 2) return null;
            const m = mean(e);
            return Math.sqrt(e.reduce((a, x) => a + (x - m) ** 2, 0) / (e.length - 1));
        }),
        trajectories
    };
}
