import assert from 'node:assert/strict';
import { simulateScenario } from '../../src/run/simulate.js';
import { steadyStateOfScenario } from '../../src/run/steady-scenario.js';
import { model } from '../model/helpers/ir-builder.js';
import { close } from '../model/helpers/numeric.js';

describe('concentrations driven below zero are reported', () => {
    it('a zero-order reaction that empties A: the time A crossed zero, once', () => {
        // dA/dt = −5 from A = 1: zero at 0.2 min, −49 at 10 min.
        const ir = model().species('A', { initial: 1 }).species('B').reaction('R', 'A -> B', 5).scenario('S', 10, { step: 1 }).build();
        const r = simulateScenario(ir, 'S');
        close(r.series[0].values.at(-1)!, -49, 1e-9);
        assert.equal(r.warnings.length, 1);
        const [w] = r.warnings;
        assert.equal(w.code, 'negative-concentration');
        assert.equal(w.species, 'A');
        // Located where A = −1000·atol: 1e-6 µM past zero at 5 µM/min is 2e-7 min later.
        close(w.time as number, 0.2, 1e-5);
        assert.match(w.message, /^A fell below zero at t = 0\.2 min/);
    });

    it('two species emptied one after the other: each at the time it crossed zero', () => {
        // dA/dt = −5 from 1 and dC/dt = −2 from 3: zero at 0.2 and 1.5 min; D is never consumed.
        const ir = model().species('A', { initial: 1 }).species('B').species('C', { initial: 3 }).species('D', { initial: 1 })
            .reaction('R', 'A -> B', 5).reaction('Q', 'C -> B', 2).scenario('S', 10, { step: 1 }).build();
        const r = simulateScenario(ir, 'S');
        assert.deepEqual(r.warnings.map(w => w.species), ['A', 'C']);
        close(r.warnings[0].time as number, 0.2, 1e-5);
        close(r.warnings[1].time as number, 1.5, 1e-5);
    });

    it('a species decaying to zero, far below the solver\'s tolerance, is not reported', () => {
        const ir = model().species('A', { initial: 1, clearance: 1 }).scenario('S', 200, { step: 10 }).build();
        const r = simulateScenario(ir, 'S');
        assert.ok(r.series[0].values.at(-1)! < 1e-9);
        assert.deepEqual(r.warnings, []);
    });

    it('a steady state below zero is reported, with the run that went there', () => {
        // dA/dt = 0.5 − 1 − 0.1·A: A = −5 + 7·e^(−t/10) from A = 2: zero at t = 10·ln(7/5), steady at −5.
        const ir = model().species('A', { initial: 2, supply: 0.5, clearance: 0.1 }).species('B', { clearance: 1 }).reaction('R', 'A -> B', 1)
            .scenario('S', 100).build();
        const report = steadyStateOfScenario(ir, 'S');
        assert.deepEqual(report.warnings.map(w => [w.species, typeof w.time]), [['A', 'number'], ['A', 'string']]);
        close(report.warnings[0].time as number, 10 * Math.log(7 / 5), 1e-5);
        assert.match(report.warnings[1].message, /^A is -5 at the steady state/);
    });
});
