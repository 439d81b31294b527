import { strict as assert } from 'node:assert';
import { morrisEffects, sobolIndices } from '../../../src/analysis/population/global-sensitivity.js';
import { morrisDesign, runCount, sobolDesign } from '../../../src/analysis/population/sampling-designs.js';

/** Runs f over every point of a design (u in the unit cube). */
function outputs(design: { point(j: number): Float64Array }, runs: number, f: (u: Float64Array) => number): Float64Array {
    return Float64Array.from({ length: runs }, (_, j) => f(design.point(j)));
}

describe('global sensitivity: Sobol (Saltelli design, Saltelli/Jansen estimators) and Morris', function () {
    it('Ishigami function: first- and total-order indices within 0.02 of the analytic values with 10⁴ samples', function () {
        // f = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁ on [−π, π]³ (Ishigami & Homma 1990); the variances are analytic.
        const a = 7, b = 0.1, N = 10_000, d = 3;
        const V1 = 0.5 * (1 + b * Math.PI ** 4 / 5) ** 2, V2 = a * a / 8, V13 = b * b * Math.PI ** 8 * (1 / 18 - 1 / 50);
        const V = V1 + V2 + V13;
        const x = (u: number) => -Math.PI + 2 * Math.PI * u;
        for (const seed of [0, 7, 123456]) {
            const y = outputs(sobolDesign(seed, d), runCount('sobol', N, d), u => Math.sin(x(u[0])) + a * Math.sin(x(u[1])) ** 2 + b * x(u[2]) ** 4 * Math.sin(x(u[0])));
            const { first, total, rows } = sobolIndices(y, d);
            assert.equal(rows, N);
            const want = { first: [V1 / V, V2 / V, 0], total: [(V1 + V13) / V, V2 / V, V13 / V] };
            for (let i = 0; i < d; i++) {
                assert.ok(Math.abs(first[i]! - want.first[i]) < 0.02, `seed ${seed}: S${i + 1} = ${first[i]}, analytic ${want.first[i]}`);
                assert.ok(Math.abs(total[i]! - want.total[i]) < 0.02, `seed ${seed}: ST${i + 1} = ${total[i]}, analytic ${want.total[i]}`);
            }
        }
    });

    it('a linear model: first = total = each factor\'s share of the variance, aᵢ² Var Xᵢ / Σ', function () {
        const coefficients = [1, -2, 0.5, 0], widths = [1, 3, 2, 5], d = 4, N = 10_000;
        const y = outputs(sobolDesign(3, d), runCount('sobol', N, d), u => coefficients.reduce((s, c, i) => s + c * widths[i] * u[i], 0));
        const variances = coefficients.map((c, i) => (c * widths[i]) ** 2 / 12);
        const sum = variances.reduce((s, v) => s + v, 0);
        const { first, total } = sobolIndices(y, d);
        variances.forEach((v, i) => {
            assert.ok(Math.abs(first[i]! - v / sum) < 2e-3, `S${i + 1} = ${first[i]}, share ${v / sum}`);
            assert.ok(Math.abs(total[i]! - v / sum) < 2e-3, `ST${i + 1} = ${total[i]}, share ${v / sum}`);
        });
        assert.equal(first[3], 0, 'a factor the output ignores has no first-order index at all');
        assert.equal(total[3], 0);
    });

    it('a failed run leaves its row out; an output that never varies has no indices', function () {
        const d = 2, N = 200;
        const y = outputs(sobolDesign(1, d), runCount('sobol', N, d), u => u[0] + u[1]);
        y[5] = Number.NaN;
        assert.equal(sobolIndices(y, d).rows, N - 1);
        assert.deepEqual(sobolIndices(new Float64Array(runCount('sobol', 10, d)).fill(2), d).first, [null, null]);
    });

    it('Morris on a linear model: every elementary effect is aᵢ × (the factor\'s range), σ = 0', function () {
        const coefficients = [2, -1, 0], widths = [1, 4, 3], d = 3, r = 30;
        // A uniform factor's value is low + u·width, so a step of Δ in u moves the output by aᵢ·widthᵢ·Δ.
        const y = outputs(morrisDesign(9, d), runCount('morris', r, d), u => coefficients.reduce((s, c, i) => s + c * widths[i] * u[i], 0));
        const { muStar, mu, sigma, trajectories } = morrisEffects(y, d, 9);
        assert.equal(trajectories, r);
        coefficients.forEach((c, i) => {
            assert.ok(Math.abs(mu[i]! - c * widths[i]) < 1e-12, `μ${i + 1} = ${mu[i]}`);
            assert.ok(Math.abs(muStar[i]! - Math.abs(c * widths[i])) < 1e-12);
            assert.ok(sigma[i]! < 1e-12);
        });
    });

    it('Morris ranks a factor acting only through an interaction above one that does nothing (σ shows the interaction)', function () {
        const d = 3, r = 50;
        const y = outputs(morrisDesign(4, d), runCount('morris', r, d), u => u[0] * u[1]);
        const { muStar, sigma } = morrisEffects(y, d, 4);
        assert.ok(muStar[0]! > 0.2 && muStar[1]! > 0.2 && muStar[2] === 0, `μ* = ${muStar.join(', ')}`);
        assert.ok(sigma[0]! > 0.05, 'the effect of x₁ depends on x₂');
    });
});
