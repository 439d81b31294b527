import { strict as assert } from 'node:assert';
import { SpectralRadiusEstimator } from '../../src/solvers/spectral-radius.js';
import { patternOf } from './problems.js';

describe('spectral radius', () => {
    it('bounds it from below by |trace| / n, which auto uses to skip the power iteration', () => {
        // Upper triangular: the eigenvalues are the diagonal −600, −2, −0.5.
        const pattern = patternOf(3, [[0, 1, 2], [1, 2], [2]]);
        const values = Float64Array.of(-600, 4, 1, -2, 3, -0.5);
        const estimator = new SpectralRadiusEstimator(pattern, 40);
        const lower = estimator.lowerBound(values);
        assert.ok(Math.abs(lower - 602.5 / 3) < 1e-12, `${lower}`);
        assert.ok(Math.abs(estimator.estimate(values) - 600) < 1e-6);
        assert.ok(lower <= 600);
    });

    it('gives no bound where the eigenvalues cancel in the trace', () => {
        // A rotation: eigenvalues ±i, trace 0.
        const pattern = patternOf(2, [[1], [0]]);
        const values = Float64Array.of(1, -1);
        const estimator = new SpectralRadiusEstimator(pattern);
        assert.equal(estimator.lowerBound(values), 0);
        assert.ok(Math.abs(estimator.estimate(values) - 1) < 1e-12);
    });
});
