import assert from 'node:assert/strict';
import { simulateScenario } from '../../src/run/simulate.js';
import { at, model, observe, set, when } from './helpers/ir-builder.js';
import { close } from './helpers/numeric.js';

const tight = { rtol: 1e-10, atol: 1e-12 };
const valueAt = (r: ReturnType<typeof simulateScenario>, name: string, t: number) =>
    r.series.find(s => s.name === name)!.values[r.time.indexOf(t)];

describe('event timing', () => {
    it('a model without states still fires `when` events on t, and `at` events', () => {
        const ir = model().parameter('P', 3).parameter('Q', 0).parameter('Mark', 0).scenario('S', 10, {
            step: 1, observe: ['P', 'Q', 'Mark'].map(n => observe(n, '1')),
            events: [when('t > 0.01', set('P', 'value', 5)), at(3, set('Q', 'value', 2)), when('t > 7.25', set('Mark', 'value', 't'))]
        }).build();
        const r = simulateScenario(ir, 'S', tight);
        assert.deepEqual([valueAt(r, 'P', 0), valueAt(r, 'P', 1)], [3, 5]);
        assert.deepEqual([valueAt(r, 'Q', 2), valueAt(r, 'Q', 3)], [0, 2]);
        assert.equal(valueAt(r, 'Mark', 7), 0);
        close(valueAt(r, 'Mark', 10), 7.25, 1e-10);
    });

    it('a condition that starts exactly on its threshold fires as soon as it leaves it', () => {
        // At t = 0, t − 0 and X − 1 are exactly 0: false for `>`, true an instant later.
        for (const condition of ['t > 0', 'X > 1']) {
            const ir = model().species('X', { initial: 1, supply: 1 }).parameter('Mark', -1).scenario('S', 2, {
                step: 1, observe: [observe('Mark', '1')], events: [when(condition, set('Mark', 'value', 't'))]
            }).build();
            close(valueAt(simulateScenario(ir, 'S', tight), 'Mark', 2), 0, 0, 1e-9, `${condition}: `);
        }
    });

    it('events whose conditions turn true at the same instant all fire, in written order', () => {
        // 2^2 and ceil(3.55) are both 4: trig = t − 5.3 reaches them together at t = 9.3.
        const ir = model().parameter('trig', -5.3).rateRule('trig', '1').parameter('C', 0).scenario('S', 12, {
            step: 1, observe: [observe('C', '1')], events: [
                when('trig > 2 ^ 2', set('C', 'value', 'C * 10 + 1')),
                when('trig > ceil(3.55)', set('C', 'value', 'C * 10 + 2'))
            ]
        }).build();
        const r = simulateScenario(ir, 'S', tight);
        assert.deepEqual([valueAt(r, 'C', 9), valueAt(r, 'C', 10)], [0, 12]);
    });
});
