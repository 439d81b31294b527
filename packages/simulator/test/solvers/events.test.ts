import { strict as assert } from 'node:assert';
import { solve } from '../../src/solvers/registry.js';
import type { MethodName, OdeProblem } from '../../src/solvers/problem.js';

const methods: MethodName[] = ['rk45', 'stiff', 'auto', 'bdf'];

/** A = 5·e^(−0.4t) falls through 1 at t = ln(5)/0.4; B = 0.2t rises through 1 at t = 5. */
function crossings(events: OdeProblem['events']): OdeProblem {
    return {
        t0: 0, tEnd: 20, y0: Float64Array.of(5, 0), names: ['A', 'B'],
        rhs: (_t, y, d) => { d[0] = -0.4 * y[0]; d[1] = 0.2; },
        events
    };
}

describe('event location', () => {
    for (const method of methods) {
        it(`${method}: stops at the analytic crossing time`, () => {
            const solution = solve(crossings([{ g: (_t, y) => y[0] - 1, direction: -1 }]), method, { rtol: 1e-10, atol: 1e-12, outputTimes: [1, 2, 3, 4, 5, 6] });
            const expected = Math.log(5) / 0.4;
            assert.equal(solution.event, 0);
            assert.ok(Math.abs(solution.tFinal - expected) <= 1e-8 * expected, `${solution.tFinal} vs ${expected}`);
            assert.ok(solution.yFinal[0] <= 1, 'reported just past the crossing');
            assert.ok(Math.abs(solution.yFinal[0] - 1) < 1e-8);
            assert.deepEqual(solution.times, [1, 2, 3, 4], 'output stops at the event');
        });

        it(`${method}: honours the direction of a crossing`, () => {
            // g = B − 1 rises at t = 5; a falling-only event never fires, a rising one does.
            const falling = solve(crossings([{ g: (_t, y) => y[1] - 1, direction: -1 }]), method);
            assert.equal(falling.event, undefined);
            assert.equal(falling.tFinal, 20);
            const rising = solve(crossings([{ g: (_t, y) => y[1] - 1, direction: 1 }]), method);
            assert.equal(rising.event, 0);
            assert.ok(Math.abs(rising.tFinal - 5) < 1e-9);
        });

        it(`${method}: locates a crossing in time to 1e-12 relative`, () => {
            const solution = solve(crossings([{ g: (t) => t - 7.3, direction: 1 }]), method);
            assert.equal(solution.event, 0);
            assert.ok(solution.tFinal >= 7.3 && solution.tFinal - 7.3 <= 1e-12 * 7.3, `${solution.tFinal}`);
            assert.ok(Math.abs(solution.at(7.3)[0] - 5 * Math.exp(-0.4 * 7.3)) < 1e-5);
        });

        it(`${method}: reports the earliest of several events`, () => {
            const solution = solve(crossings([
                { g: (_t, y) => y[1] - 1, direction: 0 },
                { g: (_t, y) => y[0] - 1, direction: 0 },
                { g: (t) => t - 7, direction: 1 }
            ]), method, { rtol: 1e-10, atol: 1e-12 });
            assert.equal(solution.event, 1);
            assert.ok(Math.abs(solution.tFinal - Math.log(5) / 0.4) < 1e-8);
        });
    }

    it('locates a crossing of a fast oscillation to 1e-12 relative in time', () => {
        // y = sin(t): the first falling zero is at π.
        const problem: OdeProblem = {
            t0: 0, tEnd: 10, y0: Float64Array.of(0, 1),
            rhs: (_t, y, d) => { d[0] = y[1]; d[1] = -y[0]; },
            events: [{ g: (_t, y) => y[0], direction: -1 }]
        };
        const solution = solve(problem, 'rk45', { rtol: 1e-12, atol: 1e-14 });
        assert.ok(Math.abs(solution.tFinal - Math.PI) < 1e-10, `${solution.tFinal}`);
    });
});
