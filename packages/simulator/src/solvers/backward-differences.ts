import type { Interpolant } from './dense-output.js';

/**
 * The history of a variable-order BDF method in quasi-constant-step form (Shampine & Reichelt,
 * "The MATLAB ODE Suite", 1997, as SciPy's solve_ivp 'BDF'): row 0 holds yₙ, row j its j-th
 * backward difference ∇ʲyₙ on a grid of constant spacing h. A change of h re-interpolates the
 * rows onto the new spacing, so the fixed-step formulas hold at every step; an accepted step
 * updates them from the corrector's total correction. docs/analysis.md#the-bdf-method.
 */
export const MAX_ORDER = 5;

/**
 * κ of the numerical differentiation formulas (NDF, Klopfenstein–Shampine) by order: orders
 * 1–4 gain accuracy over the BDF at a small cost in stability; order 5 is the BDF itself.
 */
const KAPPA = [0, -0.185, -1 / 9, -0.0823, -0.0415, 0];
/** γₖ = Σ_{i ≤ k} 1/i. */
const GAMMA = KAPPA.map((_, k) => Array.from({ length: k }, (_, i) => 1 / (i + 1)).reduce((a, b) => a + b, 0));
/** αₖ = (1 − κₖ)γₖ: the corrector solves d − (h/αₖ)·f(yₚ + d) + ψ = 0. */
export const ALPHA = KAPPA.map((kappa, k) => (1 - kappa) * GAMMA[k]);
/** The local error of order k is ERROR_CONSTANT[k] times the corrector's total correction. */
export const ERROR_CONSTANT = KAPPA.map((kappa, k) => kappa * GAMMA[k] + 1 / (k + 1));

/**
 * R(k, ρ)ᵢⱼ = Πᵣ₌₁…ᵢ (r − 1 − ρ·j)/r (row 0 all ones, column 0 zero below it), row-major:
 * re-expresses differences on spacing h as differences on spacing ρ·h (Shampine & Reichelt).
 */
function spacingChange(order: number, factor: number, out: Float64Array): void {
    const size = order + 1;
    for (let j = 0; j < size; j++) out[j] = 1;
    for (let i = 1; i < size; i++) {
        out[i * size] = 0;
        for (let j = 1; j < size; j++) out[i * size + j] = out[(i - 1) * size + j] * (i - 1 - factor * j) / i;
    }
}

export class BackwardDifferences {
    /** Rows 0…MAX_ORDER + 2: y, ∇y, …; the two past the order feed the next order's error estimate. */
    private rows: Float64Array[];
    private spare: Float64Array[];
    private readonly r = new Float64Array((MAX_ORDER + 1) ** 2);
    private readonly u = new Float64Array((MAX_ORDER + 1) ** 2);
    private readonly ru = new Float64Array((MAX_ORDER + 1) ** 2);

    constructor(length: number) {
        this.rows = Array.from({ length: MAX_ORDER + 3 }, () => new Float64Array(length));
        this.spare = Array.from({ length: MAX_ORDER + 1 }, () => new Float64Array(length));
    }

    row(j: number): Float64Array {
        return this.rows[j];
    }

    /** A first-order start at y with slope f and spacing h. */
    start(y: Float64Array, f: Float64Array, h: number): void {
        for (const row of this.rows) row.fill(0);
        this.rows[0].set(y);
        const first = this.rows[1];
        for (let i = 0; i < first.length; i++) first[i] = h * f[i];
    }

    /** The predictor yₚ = Σⱼ₌₀…ₖ ∇ʲy and ψ = Σⱼ₌₁…ₖ γⱼ∇ʲy / αₖ, the corrector's history term. */
    predict(order: number, predicted: Float64Array, psi: Float64Array): void {
        const rows = this.rows;
        predicted.set(rows[0]);
        psi.fill(0);
        for (let j = 1; j <= order; j++) {
            const row = rows[j], weight = GAMMA[j] / ALPHA[order];
            for (let i = 0; i < row.length; i++) {
                predicted[i] += row[i];
                psi[i] += weight * row[i];
            }
        }
    }

    /** Onto spacing factor·h: rows 0…k become (R(k, factor)·R(k, 1))ᵀ times themselves. */
    rescale(order: number, factor: number): void {
        const size = order + 1;
        const { r, u, ru } = this;
        spacingChange(order, factor, r);
        spacingChange(order, 1, u);
        for (let a = 0; a < size; a++) {
            for (let b = 0; b < size; b++) {
                let sum = 0;
                for (let c = 0; c < size; c++) sum += r[a * size + c] * u[c * size + b];
                ru[a * size + b] = sum;
            }
        }
        for (let b = 0; b < size; b++) {
            const out = this.spare[b];
            out.fill(0);
            for (let a = 0; a < size; a++) {
                const weight = ru[a * size + b];
                if (weight === 0) continue;
                const row = this.rows[a];
                for (let i = 0; i < out.length; i++) out[i] += weight * row[i];
            }
        }
        for (let b = 0; b < size; b++) [this.rows[b], this.spare[b]] = [this.spare[b], this.rows[b]];
    }

    /** After an accepted step of order k with total correction d: ∇ᵏ⁺²y = d − ∇ᵏ⁺¹y, ∇ᵏ⁺¹y = d, then each lower row adds the one above. */
    accept(order: number, correction: Float64Array): void {
        const rows = this.rows;
        const above = rows[order + 1], top = rows[order + 2];
        for (let i = 0; i < top.length; i++) top[i] = correction[i] - above[i];
        above.set(correction);
        for (let j = order; j >= 0; j--) {
            const row = rows[j], next = rows[j + 1];
            for (let i = 0; i < row.length; i++) row[i] += next[i];
        }
    }

    /** Rows 0…k back to back into `dense`, for `bdfInterpolant`. */
    copyInto(order: number, dense: Float64Array): void {
        const n = this.rows[0].length;
        for (let j = 0; j <= order; j++) dense.set(this.rows[j], j * n);
    }
}

/**
 * The interpolating polynomial through the last k + 1 points at spacing h, on the step just
 * taken (θ = 0 its start, 1 its end): y(θ) = Σⱼ ∇ʲy·Πₘ₌₀…ⱼ₋₁ (θ − 1 + m)/(m + 1).
 */
export const bdfInterpolant: Interpolant = (rows, theta, out) => {
    const n = out.length;
    const order = rows.length / n - 1;
    out.set(rows.subarray(0, n));
    let product = 1;
    for (let j = 1; j <= order; j++) {
        product *= (theta - 1 + (j - 1)) / j;
        const offset = j * n;
        for (let i = 0; i < n; i++) out[i] += product * rows[offset + i];
    }
};
