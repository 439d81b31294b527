import { strict as assert } from 'node:assert';
import { solve } from '../../src/solvers/registry.js';
import type { OdeProblem } from '../../src/solvers/problem.js';
import { robertson } from './problems.js';

/** y' = −k(t)(y − cos t): stiff while k = 1e4·e^(−t) is large, non-stiff once it has decayed. */
const fadingStiffness: OdeProblem = {
    t0: 0, tEnd: 40, y0: Float64Array.of(0), names: ['y'],
    rhs: (t, y, d) => { d[0] = -1e4 * Math.exp(-t) * (y[0] - Math.cos(t)); }
};

describe('automatic method switching', () => {
    it('switches to the stiff method on a stiff problem, in far fewer steps than rk45', () => {
        const auto = solve(robertson(40), 'auto', { rtol: 1e-6, atol: 1e-10 });
        assert.match(auto.stats.method, /^auto\(rk45→stiff/);
        assert.ok(auto.stats.stepsByMethod!.stiff > 0);
        const explicit = solve(robertson(40), 'rk45', { rtol: 1e-6, atol: 1e-10 });
        assert.ok(auto.stats.steps * 10 < explicit.stats.steps, `${auto.stats.steps} vs ${explicit.stats.steps}`);
    });

    it('stays explicit on a non-stiff problem', () => {
        const oscillator: OdeProblem = {
            t0: 0, tEnd: 50, y0: Float64Array.of(1, 0),
            rhs: (_t, y, d) => { d[0] = y[1]; d[1] = -y[0]; }
        };
        const solution = solve(oscillator, 'auto');
        assert.equal(solution.stats.method, 'auto(rk45)');
        // One Jacobian at the start (is the first step already stiff?), no factorisation.
        assert.equal(solution.stats.jacobianEvaluations, 1);
        assert.equal(solution.stats.factorizations, 0);
    });

    it('starts with the stiff method when the first step is already past the explicit stability boundary', () => {
        // On the slow manifold of a fast relaxation (rate 1000): accuracy alone asks for steps far beyond 3.3/1000.
        const onSlowManifold: OdeProblem = {
            t0: 0, tEnd: 20, y0: Float64Array.of(1, 1), names: ['fast', 'slow'],
            rhs: (_t, y, d) => { d[0] = -1000 * (y[0] - y[1]); d[1] = -0.1 * y[1]; }
        };
        const solution = solve(onSlowManifold, 'auto', { rtol: 1e-6, atol: 1e-9 });
        assert.equal(solution.stats.method, 'auto(stiff)');
        assert.ok(Math.abs(solution.yFinal[1] - Math.exp(-2)) < 1e-6, `${solution.yFinal[1]}`);
    });

    it('starts stiff when the explicit method could cross the span only in many stable steps, though its first step is stable', () => {
        // ρ(J) = 1000 over 20 min: at least 6,000 stable DOPRI5 steps; the fast mode starts away
        // from its equilibrium, so the first step is small enough to be stable.
        const fastNearEquilibrium: OdeProblem = {
            t0: 0, tEnd: 20, y0: Float64Array.of(0, 0.5), names: ['fast', 'slow'],
            rhs: (t, y, d) => { d[0] = -1000 * (y[0] - y[1]); d[1] = 0.5 * Math.cos(t / 2) * 0.1 - 0.01 * y[1]; }
        };
        const explicit = solve(fastNearEquilibrium, 'rk45', { rtol: 1e-6, atol: 1e-9 });
        const auto = solve(fastNearEquilibrium, 'auto', { rtol: 1e-6, atol: 1e-9 });
        assert.equal(auto.stats.method, 'auto(stiff)');
        assert.ok(auto.stats.rhsEvaluations * 5 < explicit.stats.rhsEvaluations, `${auto.stats.rhsEvaluations} vs ${explicit.stats.rhsEvaluations}`);
        assert.ok(Math.abs(auto.yFinal[1] - explicit.yFinal[1]) < 1e-5, `${auto.yFinal[1]} vs ${explicit.yFinal[1]}`);
    });

    it('switches back to rk45 when the stiffness fades', () => {
        const solution = solve(fadingStiffness, 'auto', { rtol: 1e-6, atol: 1e-9, outputTimes: [20, 40] });
        // k = 1e4 at the start over 40 min: stiff from the first step, explicit once k has decayed.
        assert.match(solution.stats.method, /^auto\(stiff→rk45/);
        const stiffOnly = solve(fadingStiffness, 'stiff', { rtol: 1e-6, atol: 1e-9, outputTimes: [20, 40] });
        assert.ok(Math.abs(solution.values[1][0] - stiffOnly.values[1][0]) < 1e-4);
    });
});
