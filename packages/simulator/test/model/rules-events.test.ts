import assert from 'node:assert/strict';
import { compileModel } from '../../src/model/compiled-model.js';
import { ModelError } from '../../src/model/errors.js';
import { simulateScenario } from '../../src/run/simulate.js';
import { stateOf } from './helpers/evaluate.js';
import { ex } from './helpers/expression.js';
import { at, dose, inhibit, model, observe, scale, set, when } from './helpers/ir-builder.js';
import { close } from './helpers/numeric.js';

const series = (r: ReturnType<typeof simulateScenario>, name: string) => r.series.find(s => s.name === name)!.values;
const valueAt = (r: ReturnType<typeof simulateScenario>, name: string, t: number) => series(r, name)[r.time.indexOf(t)];
const tight = { rtol: 1e-10, atol: 1e-12 };

describe('parameters, functions and rules', () => {
    it('evaluates rules in dependency order whatever the written order, and inlines functions', () => {
        const ir = model().species('X').parameter('k', 3).function('sat', ['x', 'k'], 'x / (k + x)')
            .rule('b', 'a * 2').rule('a', 'sat(X, k) + k').build();
        const m = compileModel(ir);
        close(m.evaluate(ex('b'), 0, stateOf(m, { X: 1 })), 2 * (1 / 4 + 3));
    });

    it('reports an algebraic loop with its path', () => {
        const ir = model().species('X').rule('a', 'b + X').rule('b', 'a * 2').build();
        assert.throws(() => compileModel(ir), (e: Error) => e instanceof ModelError && e.code === 'algebraic-loop' && /a → b → a/.test(e.message));
    });

    it('a rate rule on a parameter makes it a state', () => {
        const ir = model().parameter('P', 1).species('X', { clearance: 'P' }).rateRule('P', '0.5')
            .scenario('S', 4, { step: 1, observe: [observe('P', '1')] }).build();
        const r = simulateScenario(ir, 'S', tight);
        r.time.forEach((t, i) => close(r.series[0].values[i], 1 + 0.5 * t));
    });

    it('a rate rule replaces a species balance', () => {
        const ir = model().species('X', { initial: 2, supply: 100 }).rateRule('X', '-0.2 * X').scenario('S', 5, { step: 5 }).build();
        close(simulateScenario(ir, 'S', tight).series[0].values[1], 2 * Math.exp(-1));
    });

    it('initial assignments run in dependency order and set species, parameters and volumes', () => {
        const ir = model().compartment('c', 1).species('X', { in: 'c' }).species('Y', { in: 'c' }).parameter('k', 1)
            .initial('Y', '2 * X + c').initial('X', 'k * 10').initial('k', '0.5').initial('c', '4')
            .scenario('S', 1, { step: 1 }).build();
        const r = simulateScenario(ir, 'S', tight);
        assert.equal(valueAt(r, 'X', 0), 5);
        assert.equal(valueAt(r, 'Y', 0), 14);
    });

    it('a model of parameters and rules alone is evaluated over time', () => {
        const ir = model().parameter('k', 2).rule('r', 'k * t').scenario('S', 10, { step: 5, observe: [observe('r', '1')] }).build();
        assert.deepEqual(simulateScenario(ir, 'S').series[0].values, [0, 10, 20]);
    });

    it('time courses: circadian, and a pulse shorter than the solver would step over', () => {
        const ir = model().species('X', { supply: 'pulse(0, 10, 500, 1)' })
            .modulator('M', 'circadian(80, 40, 480, 1440)')
            .scenario('S', 1000, { step: 250, observe: [observe('X'), observe('M.level', '1')] }).build();
        const r = simulateScenario(ir, 'S', tight);
        close(valueAt(r, 'X', 1000), 10);
        close(valueAt(r, 'M.level', 250), 80 + 40 * Math.cos(2 * Math.PI * (250 - 480) / 1440));
    });
});

describe('events and actions', () => {
    it('applies `at` events at exact times, in written order', () => {
        const ir = model().species('X', { initial: 1 }).scenario('S', 10, {
            step: 1, events: [at(2, dose('X', 3)), at(2, scale('X', 'value', 0.5)), at(5, set('X', 'value', 7))]
        }).build();
        const r = simulateScenario(ir, 'S', tight);
        assert.deepEqual(series(r, 'X').map(v => +v.toFixed(9)), [1, 1, 2, 2, 2, 7, 7, 7, 7, 7, 7]);
    });

    it('fires `when` events at the located crossing, once per false → true', () => {
        // X rises linearly; each time it reaches 5 it is reset to 0: crossings at t = 5, 10, 15.
        const ir = model().species('X', { supply: 1 }).species('Count').scenario('S', 17, {
            step: 0.5, events: [when('X >= 5 and t > 0', set('X', 'value', 0), dose('Count', 1))]
        }).build();
        const r = simulateScenario(ir, 'S', tight);
        close(valueAt(r, 'Count', 17), 3);
        close(valueAt(r, 'X', 17), 2, 1e-6, 1e-6);
        close(valueAt(r, 'X', 12.5), 2.5, 1e-6, 1e-6);
    });

    it('a crossing inside a step is located precisely', () => {
        const ir = model().species('X', { initial: 8, clearance: 0.1 }).species('Mark').scenario('S', 30, {
            step: 30, events: [when('X < 4', set('Mark', 'value', 't'))]
        }).build();
        close(valueAt(simulateScenario(ir, 'S', tight), 'Mark', 30), 10 * Math.log(2), 1e-8);
    });

    it('combines conditions: `or` fires at the first part to turn true, `not` at the negation', () => {
        const ir = model().species('X', { initial: 8, clearance: 0.1 }).species('Y', { supply: 1 }).species('A').species('B').scenario('S', 30, {
            step: 30, events: [when('X < 4 or Y > 5', set('A', 'value', 't')), when('not (X > 2)', set('B', 'value', 't'))]
        }).build();
        const r = simulateScenario(ir, 'S', tight);
        close(valueAt(r, 'A', 30), 5, 1e-8);
        close(valueAt(r, 'B', 30), 10 * Math.log(4), 1e-8);
    });

    it('`a == b` fires where a passes b, in either direction', () => {
        const ir = model().species('X', { initial: 3, supply: 'if(t < 4, 1, -1)' }).species('Count').species('Last').scenario('S', 10, {
            step: 10, events: [when('X == 5', dose('Count', 1), set('Last', 'value', 't'))]
        }).build();
        const r = simulateScenario(ir, 'S', tight);
        close(valueAt(r, 'Count', 10), 2);
        close(valueAt(r, 'Last', 10), 6, 1e-8);
    });

    it('set, inhibit and scale change properties from t = 0 without recompiling', () => {
        const base = () => model().species('S', { supply: 1 }).species('P', { clearance: 0.5 })
            .enzyme('E', 'S -> P', { vmax: 4, km: [2] });
        const steady = (actions: Parameters<typeof set>[] extends never ? never : ReturnType<typeof set>[]) => {
            const ir = base().scenario('S', 1, { actions, expects: [{ label: 'S', readings: [{ expression: ex('S'), at: 'steady' }], value: { kind: 'name', name: '$0' }, low: 0, high: 1e9, unit: 'uM' }] }).build();
            return simulateScenario(ir, 'S').expects[0].value!;
        };
        // At steady state v = supply = 1: S = Km·1/(vmax_eff − 1).
        close(steady([]), 2 / 3, 1e-8);
        close(steady([inhibit('E', 0.5)]), 2 / 1, 1e-8);
        close(steady([scale('E', 'vmax', 1.5)]), 2 / 5, 1e-8);
        close(steady([set('E', 'km', 4)]), 4 / 3, 1e-8);
        close(steady([set('S', 'supply', 2)]), 2 * 2 / 2, 1e-8);
    });

    it('an event changes a slot mid-run and observables use the value of their moment', () => {
        const ir = model().species('L', { initial: 1 }).receptor('R', 'L', { kd: 1 }).scenario('S', 2, {
            step: 1, observe: [observe('R.occupancy', '1')], events: [at(1, set('R', 'kd', 3))]
        }).build();
        assert.deepEqual(simulateScenario(ir, 'S').series[0].values, [0.5, 0.25, 0.25]);
    });

    it('judges expects at a time and at steady state, with the measured value and unit', () => {
        const ir = model().species('X', { supply: 2, clearance: 0.5 }).scenario('S', 10, {
            step: 1, expects: [
                { label: 'X', readings: [{ expression: ex('X'), at: 'steady' }], value: { kind: 'name', name: '$0' }, low: 3.9, high: 4.1, unit: 'uM', source: { file: 'f', line: 7, column: 1, endLine: 7, endColumn: 9 } },
                { label: 'X', readings: [{ expression: ex('X'), at: 2.5 }], value: { kind: 'name', name: '$0' }, low: 3, high: 5, unit: 'uM' }
            ]
        }).build();
        const [steady, timed] = simulateScenario(ir, 'S', tight).expects;
        assert.equal(steady.passed, true);
        assert.equal(steady.line, 7);
        close(steady.value!, 4, 1e-9);
        assert.match(steady.message, /X at steady state is 4 uM/);
        assert.equal(timed.passed, false);
        close(timed.value!, 4 * (1 - Math.exp(-1.25)), 1e-8);
        assert.match(timed.message, /at t = 2.5 min is 2.854 uM, outside the expected range \(between 3 uM and 5 uM\)/);
    });
});
