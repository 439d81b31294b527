import { strict as assert } from 'node:assert';
import { solve } from '../../src/solvers/registry.js';
import { SolverError, type MethodName, type OdeProblem } from '../../src/solvers/problem.js';

const methods: MethodName[] = ['rk45', 'stiff', 'auto', 'bdf'];

function rejectsWith(run: () => unknown, check: (error: SolverError) => void): void {
    assert.throws(run, (error: unknown) => {
        assert.ok(error instanceof SolverError, `${error}`);
        check(error);
        return true;
    });
}

/** Slow decay that takes many steps at tight tolerance, for cancellation. */
const oscillator: OdeProblem = {
    t0: 0, tEnd: 1e6, y0: Float64Array.of(1, 0), names: ['x', 'v'],
    rhs: (_t, y, d) => { d[0] = y[1]; d[1] = -y[0]; }
};

describe('solver failures', () => {
    for (const method of methods) {
        it(`${method}: a blow-up names the time and the component`, () => {
            // y' = y², y(0) = 1 has y = 1/(1 − t): infinite at t = 1.
            const problem: OdeProblem = {
                t0: 0, tEnd: 2, y0: Float64Array.of(1), names: ['Dopamine'],
                rhs: (_t, y, d) => { d[0] = y[0] * y[0]; }
            };
            rejectsWith(() => solve(problem, method), (error) => {
                assert.ok(['step-underflow', 'not-finite'].includes(error.reason), error.reason);
                assert.ok(Math.abs(error.time - 1) < 1e-3, `${error.time}`);
                assert.equal(error.component, 'Dopamine');
                assert.match(error.message, /Dopamine/);
                assert.ok(error.message.includes(`t = ${error.time}`), error.message);
            });
        });

        it(`${method}: a NaN derivative names the first offending component`, () => {
            const problem: OdeProblem = {
                t0: 0, tEnd: 5, y0: Float64Array.of(1, 1), names: ['Tyrosine', 'DOPA'],
                rhs: (t, y, d) => { d[0] = -y[0]; d[1] = t > 2 ? Math.log(-1) : -y[1]; }
            };
            rejectsWith(() => solve(problem, method), (error) => {
                assert.equal(error.reason, 'not-finite');
                assert.equal(error.component, 'DOPA');
                assert.ok(error.time >= 1.9 && error.time <= 2.1, `${error.time}`);
            });
        });

        it(`${method}: stops at maxSteps`, () => {
            rejectsWith(() => solve(oscillator, method, { maxSteps: 50 }), (error) => {
                assert.equal(error.reason, 'max-steps');
                assert.match(error.message, /50 steps/);
                assert.ok(error.time > 0 && error.time < 1e6);
            });
        });

        it(`${method}: an aborted signal stops the run within 100 ms`, () => {
            const controller = new AbortController();
            const started = performance.now();
            let abortedAt = 0;
            const onProgress = () => {
                if (abortedAt === 0 && performance.now() - started > 50) {
                    abortedAt = performance.now();
                    controller.abort();
                }
            };
            rejectsWith(() => solve(oscillator, method, { rtol: 1e-10, maxSteps: 1e9, signal: controller.signal, onProgress }), (error) => {
                assert.equal(error.reason, 'cancelled');
            });
            assert.ok(abortedAt > 0, 'the run outlasted the deadline');
            assert.ok(performance.now() - abortedAt < 100, `${performance.now() - abortedAt} ms after the abort`);
        });

        it(`${method}: shouldStop stops the run within 100 ms`, () => {
            const deadline = performance.now() + 50;
            let stopAt = 0;
            const shouldStop = () => {
                if (stopAt === 0 && performance.now() > deadline) stopAt = performance.now();
                return stopAt > 0;
            };
            rejectsWith(() => solve(oscillator, method, { rtol: 1e-10, maxSteps: 1e9, shouldStop }), (error) => {
                assert.equal(error.reason, 'cancelled');
                assert.ok(error.time > 0);
            });
            assert.ok(performance.now() - stopAt < 100);
        });
    }

    it('rejects bad input before solving', () => {
        const decay: OdeProblem = { t0: 0, tEnd: 1, y0: Float64Array.of(1), rhs: (_t, y, d) => { d[0] = -y[0]; } };
        assert.throws(() => solve(decay, 'rk45', { outputTimes: [0.5, 0.2] }), /ascend/);
        assert.throws(() => solve(decay, 'rk45', { outputTimes: [2] }), /outside/);
        assert.throws(() => solve(decay, 'rk45', { rtol: -1 }), /rtol must be positive/);
        assert.throws(() => solve({ ...decay, tEnd: -1 }, 'stiff'), /ascending/);
        assert.throws(() => solve({ ...decay, names: ['a', 'b'] }, 'stiff'), /2 names given for 1/);
        assert.throws(() => solve(decay, 'radau' as MethodName), /Unknown method 'radau'/);
        const twice = { n: 1, rowStart: Int32Array.of(0, 2), colIndex: Int32Array.of(0, 0) };
        assert.throws(() => solve({ ...decay, sparsity: twice }, 'stiff'), /row 0 must list distinct columns/);
        const short = { n: 2, rowStart: Int32Array.of(0, 1, 2), colIndex: Int32Array.of(0, 1) };
        assert.throws(() => solve({ ...decay, jacobian: { pattern: short, evaluate: () => undefined } }, 'stiff'), /does not describe 1 rows/);
    });
});
