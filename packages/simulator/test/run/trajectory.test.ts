import assert from 'node:assert/strict';
import { simulateScenario } from '../../src/run/simulate.js';
import { dose, model, observe, set, when } from '../model/helpers/ir-builder.js';
import { close } from '../model/helpers/numeric.js';

const tight = { rtol: 1e-10, atol: 1e-12 };
const DAY = 1440;
const WEEK = 7 * DAY;

/**
 * X is dosed by the event and cleared at k; Count and Sum record each firing (a `set` in a
 * `when` event takes its value when the event fires). The solver's steps follow X, which
 * decays smoothly: they grow far longer than the windows the conditions are true in.
 */
function dosedWhen(condition: string, duration: number) {
    const ir = model().species('X', { clearance: 0.001 }).parameter('Count', 0).parameter('Sum', 0)
        .scenario('S', duration, {
            step: duration, observe: [observe('Count', '1'), observe('Sum', '1'), observe('X')],
            events: [when(condition, dose('X', 1), set('Count', 'value', 'Count + 1'), set('Sum', 'value', 'Sum + t'))]
        }).build();
    const r = simulateScenario(ir, 'S', tight);
    const last = (name: string) => r.series.find(s => s.name === name)!.values.at(-1)!;
    return { count: last('Count'), sum: last('Sum'), x: last('X') };
}

/** X after unit doses at `times`, cleared at 0.001 /min. */
const dosedX = (times: number[], end: number) => times.reduce((x, t) => x + Math.exp(-0.001 * (end - t)), 0);

describe('`when` fires on every false → true crossing, however long the solver\'s steps', () => {
    it('a daily window with a jump, `t/24 h - floor(t/24 h) < 0.01`, fires once a day for a week', () => {
        const end = WEEK + DAY / 2;
        const fired = dosedWhen(`t / ${DAY} - floor(t / ${DAY}) < 0.01`, end);
        // True from t = 0 (not a crossing), then from each midnight for 14.4 min: days 1 to 7.
        const times = [1, 2, 3, 4, 5, 6, 7].map(d => d * DAY);
        assert.equal(fired.count, 7);
        close(fired.sum, times.reduce((a, b) => a + b), 1e-9);
        close(fired.x, dosedX(times, end), 1e-7);
    });

    it('a 6.8-minute window at each peak of `sin(t / 4 h) > 0.9999` fires at every peak for a week', () => {
        // sin(t/240) rises through 0.9999 at t = 240·(π/2 − acos(0.9999) + 2πk).
        const times = Array.from({ length: 7 }, (_, k) => 240 * (Math.PI / 2 - Math.acos(0.9999) + 2 * Math.PI * k));
        assert.ok(times[6] < WEEK && times[6] + 240 * 2 * Math.PI > WEEK);
        const fired = dosedWhen('sin(t / 240) > 0.9999', WEEK);
        assert.equal(fired.count, 7);
        close(fired.sum, times.reduce((a, b) => a + b), 1e-9);
        close(fired.x, dosedX(times, WEEK), 1e-7);
    });

    it('a condition on a state that jumps up inside a step is seen where it jumps', () => {
        // floor(X) changes while X decays from 10: X crosses each integer n at ln(10/n)/0.001 min.
        const ir = model().species('X', { initial: 10, clearance: 0.001 }).parameter('Count', 0)
            .scenario('S', 3000, {
                step: 3000, observe: [observe('Count', '1')],
                events: [when('X - floor(X) > 0.999', set('Count', 'value', 'Count + 1'))]
            }).build();
        const r = simulateScenario(ir, 'S', tight);
        // X = 10·e^(−0.001 t) falls to 10·e^(−3) ≈ 0.498. Just below each integer n = 10 (right after t = 0) … 1
        // the condition is true for 1/n min, far less than a step: each of the 10 windows fires.
        assert.equal(r.series[0].values.at(-1), 10);
    });
});
