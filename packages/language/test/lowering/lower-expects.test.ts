import assert from 'node:assert/strict';
import { simulateScenario } from '@neurocascade/simulator';
import { lower } from './lower-helper.js';

/**
 * Expectations (docs/reference.md#expect): readings at times inside the subject, `above`/`below`, and changes
 * relative to another scenario, judged on values known in closed form: a species with supply s
 * and clearance k settles at s/k and, from X0 without supply, decays as X0·e^(−k·t).
 */
const TIGHT = { rtol: 1e-10, atol: 1e-14 };

describe('expectations: readings, above/below, relative to a scenario', () => {
    it('`X at 2 h / X at 14 h` combines two readings of one run', async () => {
        const ir = await lower(`
            transmitter X { initial 8 uM  clearance 0.1 /h }
            scenario S {
                simulate 1 d
                expect X at 2 h / X at 14 h between 3.3 and 3.4
                expect X at 2 h / X at 14 h above 3.4
            }
        `);
        const [expectation] = ir.scenarios[0].expects;
        assert.deepEqual(expectation.readings.map(r => r.at), [120, 840]);
        const [within, above] = simulateScenario(ir, 'S', TIGHT).expects;
        // e^(−0.2)/e^(−1.4) = e^(1.2) = 3.3201…
        assert.ok(Math.abs(within.value! - Math.exp(1.2)) < 1e-8, `${within.value}`);
        assert.equal(within.passed, true);
        assert.equal(above.passed, false);
        assert.match(above.message, /is 3\.32, outside the expected range \(above 3\.4\)/);
    });

    it('names without their own `at` are read at the last `at` written', async () => {
        const ir = await lower(`
            precursor A { supply 2 uM/min  clearance 0.5 /min }
            precursor B { supply 1 uM/min  clearance 0.5 /min }
            scenario S { simulate 1 h  expect A / B at steady below 2.5 }
        `);
        assert.deepEqual(ir.scenarios[0].expects[0].readings.map(r => r.at), ['steady', 'steady']);
        const [ratio] = simulateScenario(ir, 'S', TIGHT).expects;
        assert.ok(Math.abs(ratio.value! - 2) < 1e-9);
        assert.equal(ratio.passed, true);
    });

    it('`relative to` judges (X − X_ref)/X_ref against a signed percentage range', async () => {
        const ir = await lower(`
            precursor A { supply 2 uM/min  clearance 0.5 /min }
            scenario Baseline { simulate 1 h }
            scenario More {
                simulate 1 h
                scale A supply 150%
                expect A at steady relative to Baseline between +40% and +60%
                expect A at steady relative to Baseline below -10%
            }
        `);
        const [expectation] = ir.scenarios[1].expects;
        assert.deepEqual([expectation.relativeTo, expectation.low, expectation.high, expectation.unit], ['Baseline', 0.4, 0.6, '1']);
        const [up, down] = simulateScenario(ir, 'More', TIGHT).expects;
        assert.ok(Math.abs(up.value! - 0.5) < 1e-9, `${up.value}`);
        assert.equal(up.passed, true);
        assert.match(up.message, /^A at steady state relative to 'Baseline' is \+50 %, within the expected range \(between \+40 % and \+60 %\)$/);
        assert.equal(down.passed, false);
    });

    it('a relative expect says why it has no value when the reference has none', async () => {
        const ir = await lower(`
            transmitter X { initial 1 uM  clearance 0.1 /min }
            scenario Short { simulate 10 min }
            scenario Long { simulate 2 h  expect X at 1 h relative to Short above -50% }
        `);
        const [e] = simulateScenario(ir, 'Long').expects;
        assert.equal(e.passed, false);
        assert.equal(e.value, null);
        assert.match(e.message, /in 'Short': the scenario 'Short' ends at 10 min/);
    });

    it('`above` and `below` are strict bounds in the expect\'s unit', async () => {
        const ir = await lower(`
            transmitter X { initial 0 uM  supply 1 uM/min  clearance 1 /min }
            scenario S {
                simulate 1 h
                expect X at steady above 999 nM
                expect X at steady below 1001 nM
                expect X at steady above 1001 nM
                expect X at steady below 999 nM
            }
        `);
        assert.deepEqual(ir.scenarios[0].expects.map(e => [e.low === -Infinity, e.high === Infinity]),
            [[false, true], [true, false], [false, true], [true, false]]);
        // The steady state is 1 µM.
        assert.deepEqual(simulateScenario(ir, 'S', TIGHT).expects.map(e => e.passed), [true, true, false, false]);
    });
});
