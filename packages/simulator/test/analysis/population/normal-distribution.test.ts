import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { normalCdf, normalQuantile } from '../../../src/analysis/population/normal-distribution.js';

/** SciPy's norm.cdf and norm.ppf as the independent reference, over both tails. */
const SCRIPT = `
import json, sys
from scipy.stats import norm
zs = [float(x) for x in sys.argv[1].split(',')]
ps = [float(x) for x in sys.argv[2].split(',')]
print(json.dumps({'cdf': [norm.cdf(z) for z in zs], 'ppf': [norm.ppf(p) for p in ps]}))
`;

describe('the normal distribution function and its inverse (population draws)', function () {
    const zs = [-37, -20, -8.5, -6, -3.0001, -2.9999, -1.96, -1, -0.3, 0, 0.5, 1.5, 2.9, 3.1, 5, 8];
    const ps = [1e-300, 1e-100, 1e-16, 2.2e-16, 1e-9, 1e-4, 0.01, 0.025, 0.2, 0.5, 0.7, 0.975, 0.999, 1 - 1e-12];

    it('match SciPy to 1e-12 (relative) in both tails', function () {
        if (spawnSync('python3', ['-c', 'import scipy.stats'], { encoding: 'utf8' }).status !== 0) {
            console.warn('    SKIPPED: python3 with SciPy is not available, so Φ and Φ⁻¹ were not compared with scipy.stats.norm');
            this.skip();
        }
        const python = spawnSync('python3', ['-c', SCRIPT, zs.join(','), ps.join(',')], { encoding: 'utf8' });
        assert.equal(python.status, 0, python.stderr);
        const reference = JSON.parse(python.stdout) as { cdf: number[]; ppf: number[] };
        zs.forEach((z, k) => {
            const want = reference.cdf[k];
            assert.ok(Math.abs(normalCdf(z) - want) <= 1e-12 * want, `Φ(${z}) = ${normalCdf(z)}, SciPy ${want}`);
        });
        ps.forEach((p, k) => {
            const want = reference.ppf[k];
            // Above 0.5 the quantile is taken from 1 − p, which keeps only the bits p has.
            const tolerance = p > 0.5 ? 1e-12 * Math.abs(want) + 1e-16 / (1 - p) : 1e-12 * Math.abs(want) + 1e-15;
            assert.ok(Math.abs(normalQuantile(p) - want) <= tolerance, `Φ⁻¹(${p}) = ${normalQuantile(p)}, SciPy ${want}`);
        });
    });

    it('known values: Φ(0) = 1/2, Φ⁻¹(0.975) = 1.959963984540054, Φ⁻¹(Φ(z)) = z', function () {
        assert.equal(normalCdf(0), 0.5);
        assert.ok(Math.abs(normalQuantile(0.975) - 1.959963984540054) < 1e-13);
        for (const z of [-7, -2.5, -0.1, 0.4, 3.3]) assert.ok(Math.abs(normalQuantile(normalCdf(z)) - z) < 1e-9 * Math.max(1, Math.abs(z)) / Math.min(1, normalCdf(-Math.abs(z)) * 1e3), `z = ${z}`);
    });
});
