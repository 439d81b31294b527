/**
 * Eigenvalues of a small dense real matrix: Householder reduction to upper Hessenberg form,
 * then shifted QR in complex arithmetic (Givens rotations, Wilkinson shift, deflation at
 * negligible subdiagonals). O(n³); meant for reduced Jacobians of a few hundred states.
 */
import { SimulationError } from '../model/errors.js';

export interface Eigenvalue {
    re: number;
    im: number;
}

/** Row-major n×n `a` → upper Hessenberg, similar to a (in place). */
function hessenberg(a: Float64Array, n: number): void {
    const v = new Float64Array(n);
    for (let k = 0; k + 2 < n; k++) {
        let norm = 0;
        for (let i = k + 1; i < n; i++) norm += a[i * n + k] ** 2;
        norm = Math.sqrt(norm);
        if (norm === 0) continue;
        const alpha = a[(k + 1) * n + k] > 0 ? -norm : norm;
        let vv = 0;
        for (let i = k + 1; i < n; i++) { v[i] = a[i * n + k]; }
        v[k + 1] -= alpha;
        for (let i = k + 1; i < n; i++) vv += v[i] * v[i];
        if (vv === 0) continue;
        // A ← (I − 2vvᵀ/vᵀv)·A·(I − 2vvᵀ/vᵀv)
        for (let j = 0; j < n; j++) {
            let s = 0;
            for (let i = k + 1; i < n; i++) s += v[i] * a[i * n + j];
            s *= 2 / vv;
            for (let i = k + 1; i < n; i++) a[i * n + j] -= s * v[i];
        }
        for (let i = 0; i < n; i++) {
            let s = 0;
            for (let j = k + 1; j < n; j++) s += a[i * n + j] * v[j];
            s *= 2 / vv;
            for (let j = k + 1; j < n; j++) a[i * n + j] -= s * v[j];
        }
        for (let i = k + 2; i < n; i++) a[i * n + k] = 0;
    }
}

/** The eigenvalue of [[a, b], [c, d]] (complex entries as [re, im]) closer to d. */
function wilkinsonShift(a: number[], b: number[], c: number[], d: number[]): number[] {
    const half = [(a[0] - d[0]) / 2, (a[1] - d[1]) / 2];
    const bc = [b[0] * c[0] - b[1] * c[1], b[0] * c[1] + b[1] * c[0]];
    const disc = [half[0] * half[0] - half[1] * half[1] + bc[0], 2 * half[0] * half[1] + bc[1]];
    const r = Math.hypot(disc[0], disc[1]);
    let root = [Math.sqrt((r + disc[0]) / 2), Math.sign(disc[1] || 1) * Math.sqrt(Math.max(0, (r - disc[0]) / 2))];
    if (half[0] * root[0] + half[1] * root[1] < 0) root = [-root[0], -root[1]];
    // d − bc/(half + root), the root of smaller size computed without cancellation.
    const den = [half[0] + root[0], half[1] + root[1]];
    const m = den[0] * den[0] + den[1] * den[1];
    if (m === 0) return d;
    return [d[0] - (bc[0] * den[0] + bc[1] * den[1]) / m, d[1] - (bc[1] * den[0] - bc[0] * den[1]) / m];
}

export function eigenvalues(matrix: Float64Array, n: number): Eigenvalue[] {
    const re = Float64Array.from(matrix);
    hessenberg(re, n);
    const im = new Float64Array(n * n);
    const out: Eigenvalue[] = [];
    const cs = new Float64Array(n), sr = new Float64Array(n), si = new Float64Array(n);
    let hi = n - 1, iterations = 0;
    const at = (i: number, j: number) => [re[i * n + j], im[i * n + j]];
    const small = (i: number) => Math.hypot(re[i * n + i - 1], im[i * n + i - 1]) <=
        Number.EPSILON * (Math.hypot(re[i * n + i], im[i * n + i]) + Math.hypot(re[(i - 1) * n + i - 1], im[(i - 1) * n + i - 1]));
    while (hi >= 0) {
        if (hi === 0 || small(hi)) {
            out.push({ re: re[hi * n + hi], im: im[hi * n + hi] });
            hi--;
            iterations = 0;
            continue;
        }
        if (++iterations > 60) throw new SimulationError('the eigenvalues did not converge (QR iteration)', 'no-convergence');
        let lo = hi - 1;
        while (lo > 0 && !small(lo)) lo--;
        let mu = wilkinsonShift(at(hi - 1, hi - 1), at(hi - 1, hi), at(hi, hi - 1), at(hi, hi));
        if (iterations % 11 === 10) mu = [re[hi * n + hi] + Math.abs(re[hi * n + hi - 1]), 0]; // exceptional shift
        for (let i = lo; i <= hi; i++) { re[i * n + i] -= mu[0]; im[i * n + i] -= mu[1]; }
        for (let k = lo; k < hi; k++) {
            const a = at(k, k), b = at(k + 1, k);
            const na = Math.hypot(a[0], a[1]), r = Math.hypot(na, Math.hypot(b[0], b[1]));
            if (r === 0) { cs[k] = 1; sr[k] = 0; si[k] = 0; continue; }
            // s = (a/|a|)·conj(b)/r, c = |a|/r: G·[a; b] = [·; 0]
            const ua = na === 0 ? [1, 0] : [a[0] / na, a[1] / na];
            cs[k] = na / r;
            sr[k] = (ua[0] * b[0] + ua[1] * b[1]) / r;
            si[k] = (ua[1] * b[0] - ua[0] * b[1]) / r;
            for (let j = k; j <= hi; j++) {
                const [xr, xi] = at(k, j), [yr, yi] = at(k + 1, j);
                re[k * n + j] = cs[k] * xr + sr[k] * yr - si[k] * yi;
                im[k * n + j] = cs[k] * xi + sr[k] * yi + si[k] * yr;
                re[(k + 1) * n + j] = -(sr[k] * xr + si[k] * xi) + cs[k] * yr;
                im[(k + 1) * n + j] = -(sr[k] * xi - si[k] * xr) + cs[k] * yi;
            }
        }
        for (let k = lo; k < hi; k++) {
            const last = Math.min(k + 2, hi);
            for (let i = lo; i <= last; i++) {
                const [xr, xi] = at(i, k), [yr, yi] = at(i, k + 1);
                // col k ← c·x + conj(s)·y; col k+1 ← −s·x + c·y
                re[i * n + k] = cs[k] * xr + sr[k] * yr + si[k] * yi;
                im[i * n + k] = cs[k] * xi + sr[k] * yi - si[k] * yr;
                re[i * n + k + 1] = -(sr[k] * xr - si[k] * xi) + cs[k] * yr;
                im[i * n + k + 1] = -(sr[k] * xi + si[k] * xr) + cs[k] * yi;
            }
        }
        for (let i = lo; i <= hi; i++) { re[i * n + i] += mu[0]; im[i * n + i] += mu[1]; }
    }
    const scale = Math.max(1e-300, ...out.map(e => Math.hypot(e.re, e.im)));
    return out.map(e => ({ re: e.re, im: Math.abs(e.im) <= 1e-12 * scale ? 0 : e.im }))
        .sort((a, b) => b.re - a.re || b.im - a.im);
}
