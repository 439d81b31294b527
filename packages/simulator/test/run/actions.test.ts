import assert from 'node:assert/strict';
import { compileModel } from '../../src/model/compiled-model.js';
import { startState } from '../../src/run/actions.js';
import { initialState } from '../../src/run/initial-state.js';
import { scenarioSteadyState, simulateScenario } from '../../src/run/simulate.js';
import { at, model, observe, scale, set } from '../model/helpers/ir-builder.js';
import { close } from '../model/helpers/numeric.js';

const tight = { rtol: 1e-10, atol: 1e-12 };
const series = (r: ReturnType<typeof simulateScenario>, name: string) => r.series.find(s => s.name === name)!.values;

/**
 * X accumulates what M supplies (dX/dt = M.level, X(0) = 0), so X(T) is the integral of the
 * level: a level frozen at its t = 0 value shows at once.
 */
function accumulating(level: string) {
    return model().modulator('M', level).species('X', { supply: 'M.level' });
}

describe('a `set` with a varying value replaces the expression, not its value when it applies', () => {
    it('`set M level pulse(…)` from t = 0 is the pulse written in the declaration', () => {
        const S = { step: 20, observe: [observe('X'), observe('M.level', '1')] };
        const scenario = accumulating('0').scenario('S', 240, { ...S, actions: [set('M', 'level', 'pulse(0, 1, 60, 120)')] }).build();
        const declared = accumulating('pulse(0, 1, 60, 120)').scenario('S', 240, S).build();
        const r = simulateScenario(scenario, 'S', tight);
        const d = simulateScenario(declared, 'S', tight);
        // ∫ pulse: 0 before 60 min, t − 60 during the pulse, 120 after it.
        r.time.forEach((t, i) => {
            close(series(r, 'X')[i], Math.min(Math.max(t - 60, 0), 120), 1e-8, 1e-9, `X at ${t} min: `);
            close(series(r, 'X')[i], series(d, 'X')[i], 1e-12, 1e-12);
            assert.equal(series(r, 'M.level')[i], t >= 60 && t < 180 ? 1 : 0);
        });
    });

    it('`set p t` makes a parameter follow the clock', () => {
        const ir = model().parameter('p', 5).species('X', { supply: 'p' })
            .scenario('S', 10, { step: 5, observe: [observe('X'), observe('p', '1')], actions: [set('p', 'value', 't / 2')] }).build();
        const r = simulateScenario(ir, 'S', tight);
        assert.deepEqual(series(r, 'p'), [0, 2.5, 5]);
        r.time.forEach((t, i) => close(series(r, 'X')[i], t * t / 4, 1e-9, 1e-10));
    });

    it('a timed `at T set M level circadian(…)` follows the rhythm from T on, and `scale` scales the whole expression', () => {
        const [mean, amplitude, peak, period] = [1, 0.5, 480, 1440];
        const ir = accumulating('0.2').scenario('S', 1440, {
            step: 60, observe: [observe('X'), observe('M.level', '1')],
            events: [at(300, set('M', 'level', `circadian(${mean}, ${amplitude}, ${peak}, ${period})`)), at(900, scale('M', 'level', 2))]
        }).build();
        const r = simulateScenario(ir, 'S', tight);
        const w = 2 * Math.PI / period;
        const integral = (a: number, b: number) => mean * (b - a) + amplitude / w * (Math.sin(w * (b - peak)) - Math.sin(w * (a - peak)));
        r.time.forEach((t, i) => {
            const x = 0.2 * Math.min(t, 300) + (t > 300 ? integral(300, Math.min(t, 900)) : 0) + (t > 900 ? 2 * integral(900, t) : 0);
            close(series(r, 'X')[i], x, 1e-8, 1e-9, `X at ${t} min: `);
            const level = t < 300 ? 0.2 : (t < 900 ? 1 : 2) * (mean + amplitude * Math.cos(w * (t - peak)));
            close(series(r, 'M.level')[i], level, 1e-12, 1e-12, `level at ${t} min: `);
        });
    });

    it('a later constant `set` replaces a varying one; one reading its own target takes its value when it applies', () => {
        const ir = model().parameter('p', 3).species('X', { supply: 'p' })
            .scenario('S', 30, {
                step: 10, observe: [observe('X'), observe('p', '1')],
                events: [at(10, set('p', 'value', 't')), at(20, set('p', 'value', '2 * p'))]
            }).build();
        const r = simulateScenario(ir, 'S', tight);
        // p = 3 until 10 min, then t, then 2·p(20) = 40 held.
        assert.deepEqual(series(r, 'p'), [3, 10, 40, 40]);
        close(series(r, 'X')[3], 30 + (400 - 100) / 2 + 400, 1e-9);
    });

    it('a varying `set` makes the model read the time only in the scenario that applies it', () => {
        const ir = model().parameter('p', 1).species('X', { supply: 'p', clearance: 0.5 })
            .scenario('Clock', 10, { actions: [set('p', 'value', 't')] }).scenario('Still', 10).build();
        const m = compileModel(ir);
        assert.equal(m.dependsOnTime, false);
        startState(m, ir.scenarios[0].actions, initialState);
        assert.equal(m.dependsOnTime, true);
        // Without the set the steady state p/0.5 = 2 is found by Newton, as for a model that never reads t.
        const still = scenarioSteadyState(m, ir.scenarios[1], {});
        assert.equal(m.dependsOnTime, false);
        assert.equal(still.method, 'newton');
        close(still.state[0], 2, 1e-12);
    });
});
