import { strict as assert } from 'node:assert';
import { solve } from '../../src/solvers/registry.js';
import type { MethodName, OdeProblem } from '../../src/solvers/problem.js';

const methods: MethodName[] = ['rk45', 'stiff', 'auto', 'bdf'];
const rtol = 1e-8;
const atol = 1e-10;
const times = Array.from({ length: 21 }, (_, i) => i * 0.5);

/**
 * Global error stays within a small multiple of the local tolerance on these smooth problems:
 * 10, and 50 for BDF, whose many low-cost steps add up more (SciPy's BDF reaches 16× on the
 * first-order decay at these tolerances; ours 12×).
 */
function assertFollows(problem: OdeProblem, method: MethodName, exact: (t: number) => number[]): void {
    const solution = solve(problem, method, { rtol, atol, outputTimes: times });
    assert.deepEqual(solution.times, times);
    const factor = method === 'bdf' ? 50 : 10;
    solution.values.forEach((y, k) => {
        exact(times[k]).forEach((expected, i) => {
            const allowed = factor * (rtol * Math.abs(expected) + atol);
            assert.ok(Math.abs(y[i] - expected) <= allowed, `${method} ${problem.names?.[i]} at t=${times[k]}: ${y[i]} vs ${expected}`);
        });
    });
}

describe('solvers against analytic solutions', () => {
    for (const method of methods) {
        it(`${method}: first-order decay`, () => {
            const k = 0.7;
            const problem: OdeProblem = {
                t0: 0, tEnd: 10, y0: Float64Array.of(5), names: ['A'],
                rhs: (_t, y, d) => { d[0] = -k * y[0]; }
            };
            assertFollows(problem, method, (t) => [5 * Math.exp(-k * t)]);
        });

        it(`${method}: zero-order supply with first-order clearance`, () => {
            const supply = 2, clearance = 0.3;
            const steady = supply / clearance;
            const problem: OdeProblem = {
                t0: 0, tEnd: 10, y0: Float64Array.of(1), names: ['S'],
                rhs: (_t, y, d) => { d[0] = supply - clearance * y[0]; }
            };
            assertFollows(problem, method, (t) => [steady + (1 - steady) * Math.exp(-clearance * t)]);
        });

        it(`${method}: reversible A ⇌ B conserves mass and relaxes to kf/kb`, () => {
            const kf = 1.5, kb = 0.5, total = 3;
            const problem: OdeProblem = {
                t0: 0, tEnd: 10, y0: Float64Array.of(total, 0), names: ['A', 'B'],
                rhs: (_t, y, d) => { d[0] = -kf * y[0] + kb * y[1]; d[1] = -d[0]; }
            };
            const aSteady = total * kb / (kf + kb);
            assertFollows(problem, method, (t) => {
                const a = aSteady + (total - aSteady) * Math.exp(-(kf + kb) * t);
                return [a, total - a];
            });
        });
    }

    for (const method of ['stiff', 'auto', 'bdf'] as const) {
        it(`${method}: a stiff forced relaxation y' = −k(y − sin t) (exercises ∂f/∂t)`, () => {
            const k = 1000;
            const problem: OdeProblem = {
                t0: 0, tEnd: 10, y0: Float64Array.of(0), names: ['y'],
                rhs: (t, y, d) => { d[0] = -k * (y[0] - Math.sin(t)); }
            };
            const c = k / (k * k + 1);
            assertFollows(problem, method, (t) => [(k * k * Math.sin(t) - k * Math.cos(t)) / (k * k + 1) + c * Math.exp(-k * t)]);
        });
    }

    it('at(t) interpolates between steps to the tolerance, with either dense output', () => {
        const problem: OdeProblem = {
            t0: 0, tEnd: 6, y0: Float64Array.of(0, 1), names: ['sin', 'cos'],
            rhs: (_t, y, d) => { d[0] = y[1]; d[1] = -y[0]; }
        };
        for (const method of ['rk45', 'stiff', 'bdf'] as const) {
            const solution = solve(problem, method, { rtol: 1e-9, atol: 1e-12 });
            for (let t = 0.013; t < 6; t += 0.37) {
                const y = solution.at(t);
                assert.ok(Math.abs(y[0] - Math.sin(t)) < 1e-7, `${method} sin at ${t}: ${y[0]}`);
                assert.ok(Math.abs(y[1] - Math.cos(t)) < 1e-7, `${method} cos at ${t}: ${y[1]}`);
            }
            assert.deepEqual(Array.from(solution.at(0)), [0, 1]);
            assert.throws(() => solution.at(7), RangeError);
        }
    });

    it('output times are sampled from dense output without shortening steps', () => {
        const problem: OdeProblem = {
            t0: 0, tEnd: 10, y0: Float64Array.of(1), rhs: (_t, y, d) => { d[0] = -y[0]; }
        };
        for (const method of methods) {
            const free = solve(problem, method);
            const sampled = solve(problem, method, { outputTimes: Array.from({ length: 1001 }, (_, i) => i / 100) });
            assert.equal(sampled.stats.steps, free.stats.steps, method);
            assert.equal(sampled.times.length, 1001);
            assert.equal(free.times.length, free.stats.steps + 1, 'without output times every step is returned');
            const lean = solve(problem, method, { keepDenseOutput: false, outputTimes: [2.5, 7.5] });
            assert.deepEqual(lean.values, sampled.values.filter((_, i) => [250, 750].includes(i)));
            assert.throws(() => lean.at(3), /not kept/);
        }
    });

    it('keeps every step within maxStep', () => {
        const problem: OdeProblem = { t0: 0, tEnd: 10, y0: Float64Array.of(1), rhs: (_t, y, d) => { d[0] = -y[0]; } };
        for (const method of methods) {
            const { times } = solve(problem, method, { maxStep: 0.25 });
            const longest = Math.max(...times.slice(1).map((t, i) => t - times[i]));
            assert.ok(longest <= 0.25 + 1e-12 && times.length > 40, `${method}: ${longest}`);
        }
    });
});
