import assert from 'node:assert/strict';
import { eigenvalues } from '../../src/analysis/eigenvalues.js';
import { linearise } from '../../src/analysis/steady-linearisation.js';
import { stabilityOf, stabilitySummary, type Stability } from '../../src/analysis/stability.js';
import { requireSteadyState } from '../../src/analysis/scenario-analysis.js';
import { compileModel } from '../../src/model/compiled-model.js';
import { model } from '../model/helpers/ir-builder.js';
import { close, random } from '../model/helpers/numeric.js';

type Complex = { re: number; im: number };

/** Each expected eigenvalue has its own computed one within the tolerance (order-free: a conjugate pair may come either way). */
function assertSpectrum(actual: Complex[], expected: Complex[], tolerance: number): void {
    assert.equal(actual.length, expected.length);
    const left = [...actual];
    for (const e of expected) {
        const k = left.findIndex(a => Math.hypot(a.re - e.re, a.im - e.im) <= tolerance * Math.max(1, Math.hypot(e.re, e.im)));
        assert.ok(k >= 0, `no eigenvalue near ${e.re} + ${e.im}i in ${JSON.stringify(left)}`);
        left.splice(k, 1);
    }
}

function stability(ir: ReturnType<ReturnType<typeof model>['build']>): Stability {
    const m = compileModel(ir);
    const s = requireSteadyState(m, undefined, {});
    const result = stabilityOf(linearise(m, s.state, s.time));
    assert.ok('stable' in result);
    return result;
}

describe('eigenvalues (Hessenberg + shifted QR)', () => {
    it('the roots of a polynomial from its companion matrix: 1, 2, −3, −1 ± 2i', () => {
        // (x − 1)(x − 2)(x + 3)(x² + 2x + 5) = x⁵ + 2x⁴ − 2x³ − 8x² − 23x + 30
        const c = [2, -2, -8, -23, 30];
        const n = 5, a = new Float64Array(n * n);
        c.forEach((v, j) => { a[j] = -v; });
        for (let i = 1; i < n; i++) a[i * n + i - 1] = 1;
        assertSpectrum(eigenvalues(a, n), [{ re: 2, im: 0 }, { re: 1, im: 0 }, { re: -1, im: 2 }, { re: -1, im: -2 }, { re: -3, im: 0 }], 1e-9);
    });

    it('a similarity transform of a known spectrum returns it (40 × 40)', () => {
        const n = 40, next = random(7);
        // Block diagonal with 2×2 rotation blocks (a ± bi) and reals, conjugated by a unit lower-triangular T.
        const d = new Float64Array(n * n), expected: { re: number; im: number }[] = [];
        for (let k = 0; k < n; k += 2) {
            const re = -next() * 5, im = k % 4 === 0 ? next() * 3 + 0.5 : 0;
            if (im === 0) {
                const other = -next() * 5;
                d[k * n + k] = re; d[(k + 1) * n + k + 1] = other;
                expected.push({ re, im: 0 }, { re: other, im: 0 });
            } else {
                d[k * n + k] = re; d[(k + 1) * n + k + 1] = re; d[k * n + k + 1] = im; d[(k + 1) * n + k] = -im;
                expected.push({ re, im }, { re, im: -im });
            }
        }
        const t = new Float64Array(n * n), tinv = new Float64Array(n * n);
        for (let i = 0; i < n; i++) { t[i * n + i] = 1; if (i > 0) t[i * n + i - 1] = next() - 0.5; }
        // T bidiagonal unit lower: T⁻¹ by forward substitution.
        for (let j = 0; j < n; j++) {
            tinv[j * n + j] = 1;
            for (let i = j + 1; i < n; i++) tinv[i * n + j] = -t[i * n + i - 1] * tinv[(i - 1) * n + j];
        }
        const a = new Float64Array(n * n), td = new Float64Array(n * n);
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) td[i * n + j] += t[i * n + k] * d[k * n + j];
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) a[i * n + j] += td[i * n + k] * tinv[k * n + j];
        assertSpectrum(eigenvalues(a, n), expected, 1e-8);
    });
});

describe('stability of a steady state', () => {
    it('supply and clearance k: one eigenvalue −k, stable, slowest time scale 1/k', () => {
        const s = stability(model().species('X', { supply: 2, clearance: 0.25 }).scenario('S', 1).build());
        assert.equal(s.stable, true);
        close(s.eigenvalues[0].re, -0.25, 1e-12);
        close(s.slowestTimeScale!, 4, 1e-12);
        assert.deepEqual(s.oscillatoryModes, []);
    });

    it('a conserved moiety A ⇌ B: its zero eigenvalue is removed, −(kf + kr) remains', () => {
        const s = stability(model().species('A', { initial: 5 }).species('B', { initial: 1 })
            .reaction('F', 'A -> B', '0.4 * A').reaction('R', 'B -> A', '0.1 * B').scenario('S', 1).build());
        assert.equal(s.eigenvalues.length, 1);
        close(s.eigenvalues[0].re, -0.5, 1e-9);
        assert.equal(s.stable, true);
    });

    it('a damped oscillator (rate rules): period 2π/ω and decay time 1/γ', () => {
        // x' = v, v' = −ω²(x − 1) − 2γv: eigenvalues −γ ± i·sqrt(ω² − γ²)
        const omega = 2, gamma = 0.1;
        const ir = model().parameter('x', 0).parameter('v', 0)
            .rateRule('x', 'v').rateRule('v', `-${omega * omega} * (x - 1) - ${2 * gamma} * v`).scenario('S', 1).build();
        const s = stability(ir);
        assert.equal(s.stable, true);
        assert.equal(s.oscillatoryModes.length, 1);
        close(s.oscillatoryModes[0].period, 2 * Math.PI / Math.sqrt(omega ** 2 - gamma ** 2), 1e-9);
        close(s.oscillatoryModes[0].decayTime, 1 / gamma, 1e-9);
        assert.equal(stabilitySummary(s),
            'Stable: every eigenvalue has a negative real part; slowest time scale 10 min. Oscillatory modes: period 3.15 min, decaying e-fold in 10 min.');
    });

    it('an unstable steady state is reported unstable', () => {
        // X' = X − 1: the steady state X = 1 repels.
        const ir = model().parameter('X', 0).rateRule('X', 'X - 1').scenario('S', 1).build();
        const m = compileModel(ir);
        const y = Float64Array.of(1);
        const s = stabilityOf(linearise(m, y, 0));
        assert.ok('stable' in s && s.stable === false);
        close((s as Stability).eigenvalues[0].re, 1, 1e-12);
        assert.equal(stabilitySummary(s), 'Unstable: an eigenvalue with real part 1 /min (a deviation grows e-fold in 1 min).');
    });
});
