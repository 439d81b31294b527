import assert from 'node:assert/strict';
import type { Cascade } from '../../src/ir.js';
import { compileModel } from '../../src/model/compiled-model.js';
import { runCascadeSequential } from '../../src/run/cascade.js';
import { simulateScenario } from '../../src/run/simulate.js';
import { steadyStateOfScenario } from '../../src/run/steady-scenario.js';
import { at, dose, expectation, inhibit, model, observe, scale, set } from '../model/helpers/ir-builder.js';
import { close } from '../model/helpers/numeric.js';

/**
 * S is supplied at k0 and converted by E (Michaelis–Menten, activity a): at steady state
 * k0 = a·Vmax·S/(Km + S), so S* = k0·Km/(a·Vmax − k0); P* = k0/kc.
 */
const [k0, vmax, km, kc] = [1, 4, 10, 0.5];
const steadyS = (activity: number) => k0 * km / (activity * vmax - k0);
const pathway = () => model().species('S', { supply: k0 }).species('P', { clearance: kc }).enzyme('E', 'S -> P', { vmax, km: [km] });

describe('`at steady` with every action of the scenario in force', () => {
    it('`at 1 h inhibit E 50%` moves the steady state of expects, `cascade steady` and a cascade\'s `from`', () => {
        const ir = pathway().scenario('Half', 120, {
            events: [at(60, inhibit('E', 0.5))], observe: [observe('S')],
            expects: [expectation('S', 'steady', steadyS(0.5) * 0.999, steadyS(0.5) * 1.001)]
        }).cascade({
            name: 'C', from: 'Half', at: 'steady', measure: [observe('S')],
            perturbations: [{ target: 'S', property: 'supply', change: { kind: 'relative', fraction: 0.5 }, label: '+50%' }]
        } satisfies Cascade).build();
        const [expect] = simulateScenario(ir, 'Half').expects;
        assert.equal(expect.passed, true, expect.message);
        close(expect.value!, steadyS(0.5), 1e-9);
        // Without the inhibition S* would be 10/3; inhibited it is 10.
        close(steadyStateOfScenario(ir, 'Half').values[0].value, steadyS(0.5), 1e-9);
        const [response] = runCascadeSequential(compileModel(ir), 'C').perturbations[0].responses;
        close(response.base, steadyS(0.5), 1e-9);
        close(response.perturbed, 1.5 * k0 * km / (0.5 * vmax - 1.5 * k0), 1e-9);
    });

    it('a cascade\'s perturbation of a property its scenario sets at 1 h acts on the value set', () => {
        const ir = pathway().scenario('Faster', 120, { events: [at(60, set('E', 'vmax', 8))] }).cascade({
            name: 'C', from: 'Faster', at: 'steady', measure: [observe('S')],
            perturbations: [
                { target: 'E', property: 'vmax', change: { kind: 'relative', fraction: 0.5 }, label: '+50%' },
                { target: 'E', property: 'vmax', change: { kind: 'absolute', value: 2 }, label: '2 uM/min' }
            ]
        } satisfies Cascade).build();
        const [relative, absolute] = runCascadeSequential(compileModel(ir), 'C').perturbations.map(p => p.responses[0]);
        const steadyAt = (v: number) => k0 * km / (v - k0);
        close(relative.base, steadyAt(8), 1e-9);
        close(relative.perturbed, steadyAt(12), 1e-9);
        close(absolute.perturbed, steadyAt(2), 1e-9);
    });

    it('actions timed after the run\'s end are in force too, a dose is not', () => {
        const ir = pathway().scenario('Late', 60, {
            events: [at(30, dose('S', 100)), at(600, scale('E', 'vmax', 2))], observe: [observe('S'), observe('P')]
        }).build();
        const [s, p] = steadyStateOfScenario(ir, 'Late').values;
        close(s.value, k0 * km / (2 * vmax - k0), 1e-9);
        close(p.value, k0 / kc, 1e-9);
    });

    it('a bistable model stays on the branch the run reached', () => {
        // dX/dt = X(1 − X)(X − 0.5): stable at 0 and 1. From 0.4 the model falls to 0; a dose of 0.3 at 1 min (X ≈ 0.38 then) lifts it past 0.5.
        const bistable = (events: ReturnType<typeof at>[]) => model().parameter('X', 0.4).rateRule('X', 'X * (1 - X) * (X - 0.5)')
            .scenario('S', 200, { events, observe: [observe('X', '1')], expects: [expectation('X', 'steady', -1, 2)] }).build();
        const lifted = bistable([at(1, dose('X', 0.3))]);
        close(simulateScenario(lifted, 'S').expects[0].value!, 1, 1e-9);
        close(steadyStateOfScenario(lifted, 'S').values[0].value, 1, 1e-9);
        close(simulateScenario(bistable([]), 'S').expects[0].value!, 0, 0, 1e-9);
    });
});
