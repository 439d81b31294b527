import { strict as assert } from 'node:assert';
import { integrate } from '../../src/solvers/integrate.js';
import type { OdeProblem, SolverStats } from '../../src/solvers/problem.js';
import { RODAS4, RODAS5P, type RosenbrockTableau } from '../../src/solvers/rodas-tableaus.js';
import { RosenbrockStepper } from '../../src/solvers/rosenbrock.js';
import { CountedRhs } from '../../src/solvers/stepper.js';

/** y' = −2t·y², y = 1/(1 + t²): nonlinear and non-autonomous, so every coefficient (∂f/∂t too) counts. */
const exact = (t: number) => 1 / (1 + t * t);
const nonlinear: OdeProblem = {
    t0: 0.5, tEnd: 2.5, y0: Float64Array.of(exact(0.5)), names: ['y'],
    rhs: (t, y, d) => { d[0] = -2 * t * y[0] * y[0]; },
    jacobian: { pattern: { n: 1, rowStart: Int32Array.of(0, 1), colIndex: Int32Array.of(0) }, evaluate: (t, y, v) => { v[0] = -4 * t * y[0]; } }
};

/**
 * N fixed steps over [t0, tEnd]: the error at the end, and the largest error of the dense
 * output at the steps' midpoints.
 */
function fixedSteps(tableau: RosenbrockTableau, steps: number): { end: number; midpoints: number } {
    const stats: SolverStats = { method: '', steps: 0, rejectedSteps: 0, rhsEvaluations: 0, jacobianEvaluations: 0, factorizations: 0 };
    const rhs = new CountedRhs(nonlinear.rhs, stats);
    const stepper = new RosenbrockStepper({ problem: nonlinear, rhs, tol: { rtol: 1e-6, atol: 1e-9 }, stats }, tableau);
    const h = (nonlinear.tEnd - nonlinear.t0) / steps;
    let y = Float64Array.from(nonlinear.y0), f = new Float64Array(1), yNew = new Float64Array(1), fNew = new Float64Array(1);
    const dense = new Float64Array(stepper.denseVectors), middle = new Float64Array(1);
    rhs.evaluate(nonlinear.t0, y, f);
    let midpoints = 0;
    for (let k = 0; k < steps; k++) {
        const t = nonlinear.t0 + k * h;
        stepper.attempt(t, y, f, h, yNew);
        stepper.accept(t, y, f, h, yNew, fNew, dense)(dense, 0.5, middle);
        midpoints = Math.max(midpoints, Math.abs(middle[0] - exact(t + h / 2)));
        [y, yNew, f, fNew] = [yNew, y, fNew, f];
    }
    return { end: Math.abs(y[0] - exact(nonlinear.tEnd)), midpoints };
}

/** The order p at which an error shrinks as h^p, from runs with h and h/2. */
const observedOrder = (large: number, small: number) => Math.log2(large / small);

describe('Rosenbrock methods', () => {
    for (const [name, tableau] of [['RODAS4', RODAS4], ['RODAS5P', RODAS5P]] as const) {
        it(`${name}: converges at its stated order, its dense output at least one lower`, () => {
            const [coarse, fine] = [fixedSteps(tableau, 16), fixedSteps(tableau, 32)];
            const order = observedOrder(coarse.end, fine.end);
            assert.ok(Math.abs(order - tableau.order) < 0.3, `solution: order ${order}`);
            const denseOrder = observedOrder(coarse.midpoints, fine.midpoints);
            assert.ok(denseOrder > tableau.order - 1.3, `dense output: order ${denseOrder}`);
        });

        it(`${name}: integrates to the tolerance, at output times between steps`, () => {
            const times = [0.7, 1.1, 1.5, 2.5];
            const solution = integrate(nonlinear, { rtol: 1e-7, atol: 1e-10, outputTimes: times }, (context) => new RosenbrockStepper(context, tableau));
            solution.values.forEach((y, k) => assert.ok(Math.abs(y[0] - exact(times[k])) < 1e-6 * exact(times[k]), `t = ${times[k]}: ${y[0]}`));
        });
    }
});
