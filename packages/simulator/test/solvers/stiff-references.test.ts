import { strict as assert } from 'node:assert';
import { solve } from '../../src/solvers/registry.js';
import type { MethodName } from '../../src/solvers/problem.js';
import { robertson, vanDerPol } from './problems.js';

function assertRelative(actual: Float64Array, expected: number[], tolerance: number, label: string): void {
    expected.forEach((value, i) => {
        const relative = Math.abs(actual[i] - value) / Math.abs(value);
        assert.ok(relative <= tolerance, `${label} y${i + 1}: ${actual[i]} vs ${value} (relative ${relative.toExponential(2)})`);
    });
}

// t = 1e11: the reference solution of the Test Set for IVP Solvers (Mazzia & Magherini, ROBER).
// t = 40: SciPy 1.17 solve_ivp Radau, rtol 1e-12, atol 1e-20, analytic Jacobian (agrees with the
// value Hairer & Wanner quote, 0.7158271 for y1).
const ROBERTSON_40 = [0.715827068719404, 9.18553476455851e-6, 0.28416374574583264];
const ROBERTSON_1E11 = [0.2083340149701255e-7, 0.8333360770334713e-13, 0.9999999791665050];

// VDPOL of the Test Set for IVP Solvers at t = 2 (ε = 1e-6, y(0) = (2, 0)); SciPy Radau at
// rtol = atol = 1e-12 reproduces it to 1e-13.
const VAN_DER_POL_2 = [0.1706167732170469e1, -0.8928097010248125];

describe('stiff reference problems', () => {
    for (const method of ['stiff', 'auto', 'bdf'] as MethodName[]) {
        for (const analytic of [true, false]) {
            it(`${method}: Robertson to t = 1e11 (${analytic ? 'analytic' : 'finite-difference'} Jacobian)`, () => {
                const solution = solve(robertson(1e11, analytic), method, { rtol: 1e-8, atol: 1e-14, outputTimes: [40, 1e11] });
                assertRelative(solution.values[0], ROBERTSON_40, 1e-6, 't=40');
                // BDF ends 1.9e-6 off in y1 and y2 there, as SciPy's BDF does at these tolerances (1.92e-6).
                assertRelative(solution.values[1], ROBERTSON_1E11, method === 'bdf' ? 5e-6 : 1e-6, 't=1e11');
                assert.ok(solution.stats.jacobianEvaluations > 0);
                assert.ok(solution.stats.steps < 5000, `${solution.stats.steps} steps`);
            });
        }

        it(`${method}: van der Pol, μ = 1000, at t = 2`, () => {
            const solution = solve(vanDerPol(2), method, { rtol: 1e-8, atol: 1e-8 });
            assertRelative(solution.yFinal, VAN_DER_POL_2, 1e-5, 't=2');
        });
    }
});
