/**
 * The standard normal distribution function Φ and its inverse, for drawing a normal or
 * lognormal value from a uniform one (inverse transform sampling) and for truncating a
 * distribution to a range. Φ comes from erfc: a power series below |x| = 3, a continued
 * fraction above (both converge to double precision there); Φ⁻¹ by Newton's method on Φ.
 */

const SQRT2 = Math.SQRT2;
const SQRT_PI = Math.sqrt(Math.PI);

/** erf(x) = 2/√π Σ (−1)ⁿ x²ⁿ⁺¹ / (n! (2n + 1)), for |x| < 3. */
function erfSeries(x: number): number {
    let term = x, sum = x;
    for (let n = 1; n < 200; n++) {
        term *= -x * x / n;
        const add = term / (2 * n + 1);
        sum += add;
        if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return 2 / SQRT_PI * sum;
}

/** erfc(x) for x ≥ 3: e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated from the tail. */
function erfcContinuedFraction(x: number): number {
    let f = x;
    for (let n = 60; n >= 1; n--) f = x + (n / 2) / f;
    return Math.exp(-x * x) / (SQRT_PI * f);
}

export function erfc(x: number): number {
    if (x < 0) return 2 - erfc(-x);
    return x < 3 ? 1 - erfSeries(x) : erfcContinuedFraction(x);
}

/** Φ(z), accurate in both tails (Φ(−z) is taken from erfc, not 1 − Φ(z)). */
export function normalCdf(z: number): number {
    return 0.5 * erfc(-z / SQRT2);
}

/**
 * Φ⁻¹(p) for 0 < p < 1: Newton's method on the lower tail, from the rational approximation of
 * Abramowitz & Stegun 26.2.23 (error below 4.5·10⁻⁴) as the first guess.
 */
export function normalQuantile(p: number): number {
    if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : Number.NaN;
    if (p > 0.5) return -normalQuantile(1 - p);
    const t = Math.sqrt(-2 * Math.log(p));
    let z = -(t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t));
    for (let iteration = 0; iteration < 100; iteration++) {
        const density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
        const step = (normalCdf(z) - p) / density;
        // Far in the tail the density is tiny and a Newton step can overshoot: halve it towards the mode.
        z -= Math.max(-1, Math.min(1, step));
        if (Math.abs(step) < 1e-14 * Math.max(1, Math.abs(z))) break;
    }
    return z;
}
