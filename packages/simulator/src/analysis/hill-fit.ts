/**
 * A Hill curve fitted to a dose–response: Y(x) = base + emax·xⁿ/(ec50ⁿ + xⁿ), least squares.
 * For fixed (ec50, n) the curve is linear in base and emax, which are solved for exactly;
 * (log ec50, log n) are found by Nelder–Mead on what is left (variable projection).
 */

export interface HillFit {
    /** The dose of half the maximal change (EC50, or IC50 when emax < 0). */
    ec50: number;
    n: number;
    /** The change from base to saturation (negative for an inhibition). */
    emax: number;
    base: number;
    /** Root-mean-square residual, in Y's unit. */
    rms: number;
}

/** The best base and emax for one (ec50, n), and the sum of squared residuals. */
function project(x: readonly number[], y: readonly number[], ec50: number, n: number): { base: number; emax: number; sse: number } {
    const h = x.map(v => (v <= 0 ? 0 : 1 / (1 + (ec50 / v) ** n)));
    const m = x.length;
    const sh = h.reduce((a, b) => a + b, 0), shh = h.reduce((a, b) => a + b * b, 0);
    const sy = y.reduce((a, b) => a + b, 0), shy = h.reduce((a, b, k) => a + b * y[k], 0);
    const det = m * shh - sh * sh;
    const emax = det === 0 ? 0 : (m * shy - sh * sy) / det;
    const base = (sy - emax * sh) / m;
    const sse = y.reduce((a, v, k) => a + (v - base - emax * h[k]) ** 2, 0);
    return { base, emax, sse };
}

/** Nelder–Mead on a function of two variables. */
function minimise(f: (p: number[]) => number, start: number[], scale: number[]): number[] {
    let simplex = [start, [start[0] + scale[0], start[1]], [start[0], start[1] + scale[1]]].map(p => ({ p, v: f(p) }));
    for (let iteration = 0; iteration < 2000; iteration++) {
        simplex.sort((a, b) => a.v - b.v);
        const [best, middle, worst] = simplex;
        if (Math.abs(worst.v - best.v) <= 1e-15 * (Math.abs(best.v) + 1e-300) && iteration > 50) break;
        const centre = [0, 1].map(i => (best.p[i] + middle.p[i]) / 2);
        const along = (t: number) => [0, 1].map(i => centre[i] + t * (worst.p[i] - centre[i]));
        const reflected = { p: along(-1), v: 0 };
        reflected.v = f(reflected.p);
        if (reflected.v < best.v) {
            const expanded = { p: along(-2), v: 0 };
            expanded.v = f(expanded.p);
            simplex = [best, middle, expanded.v < reflected.v ? expanded : reflected];
        } else if (reflected.v < middle.v) {
            simplex = [best, middle, reflected];
        } else {
            const contracted = { p: along(0.5), v: 0 };
            contracted.v = f(contracted.p);
            if (contracted.v < worst.v) simplex = [best, middle, contracted];
            else simplex = [best, ...[middle, worst].map(s => {
                const p = [0, 1].map(i => (best.p[i] + s.p[i]) / 2);
                return { p, v: f(p) };
            })];
        }
    }
    return simplex.sort((a, b) => a.v - b.v)[0].p;
}

/** The fit, or undefined with fewer than four positive doses or a flat response. */
export function fitHill(dose: readonly number[], response: readonly (number | null)[]): HillFit | undefined {
    const points = dose.flatMap((x, k) => (x > 0 && response[k] !== null && Number.isFinite(response[k]) ? [[x, response[k]!]] : []));
    if (points.length < 4) return undefined;
    const x = points.map(p => p[0]), y = points.map(p => p[1]);
    const low = Math.min(...y), high = Math.max(...y);
    if (high - low <= 1e-12 * Math.max(Math.abs(high), Math.abs(low))) return undefined;
    // Start at the dose where the response is nearest half way.
    const half = (low + high) / 2;
    const start = x[y.reduce((best, v, k) => (Math.abs(v - half) < Math.abs(y[best] - half) ? k : best), 0)];
    const sse = (p: number[]) => project(x, y, Math.exp(p[0]), Math.exp(p[1])).sse;
    const [logEc50, logN] = minimise(sse, [Math.log(start), 0], [0.5, 0.3]);
    const ec50 = Math.exp(logEc50), n = Math.exp(logN);
    const { base, emax, sse: residual } = project(x, y, ec50, n);
    return { ec50, n, emax, base, rms: Math.sqrt(residual / x.length) };
}
