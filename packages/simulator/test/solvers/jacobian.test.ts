import { strict as assert } from 'node:assert';
import { FiniteDifferenceJacobian, densePattern } from '../../src/solvers/jacobian.js';
import { solve } from '../../src/solvers/registry.js';
import { RODAS5P } from '../../src/solvers/rodas-tableaus.js';
import type { RightHandSide, SolverStats } from '../../src/solvers/problem.js';
import { CountedRhs } from '../../src/solvers/stepper.js';
import { patternOf } from './problems.js';

describe('finite-difference Jacobian', () => {
    // A chain of Michaelis–Menten conversions: y_i → y_{i+1} at 2·y/(0.5 + y).
    const n = 30;
    const rate = (y: number) => 2 * y / (0.5 + y);
    const slope = (y: number) => 1 / (0.5 + y) ** 2;
    const rhs: RightHandSide = (_t, y, d) => {
        for (let i = 0; i < n; i++) d[i] = (i > 0 ? rate(y[i - 1]) : 1) - rate(y[i]);
    };
    const tridiagonal = patternOf(n, Array.from({ length: n }, (_, i) => (i > 0 ? [i - 1, i] : [i])));
    const y = Float64Array.from({ length: n }, (_, i) => 0.1 + 0.05 * i);
    const f0 = new Float64Array(n);
    rhs(0, y, f0);
    const tol = { rtol: 1e-6, atol: 1e-9 };
    const counted = () => {
        const stats: SolverStats = { method: '', steps: 0, rejectedSteps: 0, rhsEvaluations: 0, jacobianEvaluations: 0, factorizations: 0 };
        return { stats, rhs: new CountedRhs(rhs, stats) };
    };

    it('groups columns that share no row, and matches the analytic derivative', () => {
        const { stats, rhs: countedRhs } = counted();
        const jacobian = new FiniteDifferenceJacobian(tridiagonal, countedRhs, tol);
        assert.equal(jacobian.groupCount, 2);
        const values = new Float64Array(tridiagonal.colIndex.length);
        jacobian.evaluate(0, y, f0, 0.1, values);
        assert.equal(stats.rhsEvaluations, 2);
        for (let i = 0; i < n; i++) {
            const p = tridiagonal.rowStart[i];
            if (i > 0) assert.ok(Math.abs(values[p] - 2 * 0.5 * slope(y[i - 1])) < 1e-6, `J[${i}][${i - 1}]`);
            assert.ok(Math.abs(values[tridiagonal.rowStart[i + 1] - 1] + 2 * 0.5 * slope(y[i])) < 1e-6, `J[${i}][${i}]`);
        }
    });

    it('needs one evaluation per column without a pattern', () => {
        const { stats, rhs: countedRhs } = counted();
        const jacobian = new FiniteDifferenceJacobian(densePattern(n), countedRhs, tol);
        jacobian.evaluate(0, y, f0, 0.1, new Float64Array(n * n));
        assert.equal(stats.rhsEvaluations, n);
    });

    it('lets the stiff method use a known sparsity pattern with few evaluations per Jacobian', () => {
        const problem = { t0: 0, tEnd: 20, y0: new Float64Array(n), rhs };
        const grouped = solve({ ...problem, sparsity: tridiagonal }, 'stiff');
        const dense = solve(problem, 'stiff');
        assert.deepEqual(Array.from(grouped.yFinal, (v) => v.toFixed(5)), Array.from(dense.yFinal, (v) => v.toFixed(5)));
        // Evaluations: 2 to start, one per stage after the first (RODAS5P at the default rtol) per
        // attempt, 1 per accepted step, and per Jacobian one for ∂f/∂t plus one per column group.
        const stages = RODAS5P.b.length - 1;
        const groups = ({ stats }: typeof grouped) =>
            (stats.rhsEvaluations - 2 - stages * stats.factorizations - stats.steps) / stats.jacobianEvaluations - 1;
        assert.equal(groups(grouped), 2);
        assert.equal(groups(dense), n);
    });
});
