import assert from 'node:assert/strict';
import { timeCourseSensitivities, type TimeCourseSensitivityReport } from '../../src/analysis/time-course-sensitivities.js';
import type { ModelIR } from '../../src/ir.js';
import type { MethodName } from '../../src/solvers/problem.js';
import { simulateScenario } from '../../src/run/simulate.js';
import { at, dose, model, observe, scale, set, when } from '../model/helpers/ir-builder.js';
import { close } from '../model/helpers/numeric.js';

/** A saturable step with receptor feedback on it; S0 starts at the parameter k0. */
const feedback = (): ModelIR => model().parameter('k0', 2)
    .species('S0', { initial: 'k0', supply: 1, clearance: 0.05 }).species('S1', { clearance: 0.1 })
    .enzyme('E', 'S0 -> S1', { vmax: 2, km: [1.5] })
    .receptor('R', 'S1', { kd: 3, hill: 2 })
    .effect({ kind: 'receptor', name: 'R' }, 'decreases', 'E', 'activity', 0.6, 0.4)
    .scenario('Run', 40, { step: 10, observe: [observe('S0'), observe('S1'), observe('R.occupancy', '1')] }).build();

const TIGHT = { rtol: 1e-11, atol: 1e-14, method: 'stiff' as const };

/**
 * feedback() with S1 starting at 0.5 and events: at t = 0 S1 is set to k0/4; when S1 first
 * exceeds 1.5 (near 1.5 min, a time that moves with every parameter) S0 gains S1/4 and its
 * clearance becomes 0.08; at 8 min a dose of k0 into S0; at 20 min S1 is halved; a schedule
 * doses 0.3 into S1 every 7 min from 3 min, four times. S1 stays above 1.5 after the
 * crossing, so the `when` fires once (a condition a run hovers at fires a number of times
 * that changes with the parameters, where no derivative exists).
 */
const withEvents = (): ModelIR => {
    const ir = feedback();
    ir.species.find(s => s.name === 'S1')!.initial = { kind: 'number', value: 0.5 };
    const run = ir.scenarios[0];
    run.actions.push(set('S1', 'value', 'k0 * 0.25'));
    run.events.push(
        when('S1 > 1.5', set('S0', 'value', 'S0 + S1 / 4'), set('S0', 'clearance', 0.08)),
        at(8, dose('S0', 'k0')),
        at(20, scale('S1', 'value', 0.5)));
    run.schedules = [{ start: 3, period: 7, count: 4, dose: dose('S1', 0.3) }];
    return ir;
};

/**
 * Every sensitivity of the report against central differences of whole runs (the parameter
 * scaled by 1 ± h at t = 0), Richardson-extrapolated from h = 2e-3 and 1e-3: the truncation
 * error of each falls as h², so (4·D(h/2) − D(h))/3 is good to O(h⁴).
 */
function agreesWithFiniteDifferences(build: () => ModelIR, wrt: string[], method: MethodName, sensitivityErrorControl = true): TimeCourseSensitivityReport {
    const report = timeCourseSensitivities(build(), { wrt, sensitivityErrorControl }, { ...TIGHT, method });
    const run = (name: string, factor: number) => {
        const [target, property = 'value'] = name.split('.');
        const ir = build();
        ir.scenarios[0].actions.push({ kind: 'scale', target, property, factor: { kind: 'number', value: factor } });
        return simulateScenario(ir, 'Run', TIGHT).series;
    };
    wrt.forEach((name, j) => {
        const central = (h: number) => {
            const up = run(name, 1 + h), down = run(name, 1 - h);
            return up.map((s, i) => s.values.map((u, k) => (u - down[i].values[k]) / (2 * h * report.parameters[j].value)));
        };
        const coarse = central(2e-3), fine = central(1e-3);
        fine.forEach((series, i) => series.forEach((f, k) => {
            const reference = (4 * f - coarse[i][k]) / 3;
            close(report.unscaled[i][j][k], reference, 1e-6, 1e-10, `${report.quantities[i].name} / ${name} at ${report.time[k]} min: `);
        }));
    });
    return report;
}

// BDF corrects the state and then the sensitivities (staggered); the Rosenbrock method integrates the extended system whole.
for (const method of ['bdf', 'stiff'] as const) describe(`time-course sensitivities (forward sensitivity equations, ${method})`, () => {
    for (const sensitivityErrorControl of [false, true]) it(`agree with Richardson-extrapolated central differences to 1e-6 relative (sensitivities ${sensitivityErrorControl ? 'in' : 'out of'} the error test)`, () => {
        // R.hill: ∂(S1/Kd)^hill/∂hill = (S1/Kd)^hill·ln(S1/Kd), taken as 0 at S1 = 0 (its limit), not NaN.
        const report = agreesWithFiniteDifferences(feedback, ['E.vmax', 'E.km', 'S1.clearance', 'R.kd', 'S0.supply', 'k0', 'R.hill'], method, sensitivityErrorControl);
        assert.deepEqual(report.time, [0, 10, 20, 30, 40]);
        // S0(0) = k0: its sensitivity starts at 1, every other at 0.
        assert.equal(report.unscaled[0][5][0], 1);
        assert.equal(report.unscaled[0][0][0], 0);
    });

    it('with respect to initial values: s(0) is the unit vector of the species, then follows the same equations', () => {
        const report = agreesWithFiniteDifferences(() => {
            const ir = feedback();
            ir.species.find(s => s.name === 'S1')!.initial = { kind: 'number', value: 0.5 };
            return ir;
        }, ['S0.initial', 'S1.initial'], method);
        assert.deepEqual(report.parameters.map(p => [p.name, p.property, p.value]), [['S0', 'initial', 2], ['S1', 'initial', 0.5]]);
        assert.deepEqual([report.unscaled[0][0][0], report.unscaled[1][0][0], report.unscaled[0][1][0], report.unscaled[1][1][0]], [1, 0, 0, 1]);
    });

    it('across events (a state set at t = 0, a `when` whose time moves, a dose of a parameter, a scaled state, a dose schedule) agree with central differences to 1e-6', () => {
        const report = agreesWithFiniteDifferences(withEvents, ['E.vmax', 'E.km', 'S1.clearance', 'R.kd', 'S0.supply', 'k0', 'S0.initial'], method);
        // S1(0) = k0/4 after the t = 0 `set`: ∂S1(0)/∂k0 = 1/4, and S1's own initial value no longer counts.
        assert.equal(report.unscaled[1][5][0], 0.25);
    });

    it('with respect to a property the scenario sets at t = 0: the value set is the one differentiated', () => {
        const report = agreesWithFiniteDifferences(() => {
            const ir = feedback();
            ir.scenarios[0].actions.push(set('E', 'vmax', 2.5));
            return ir;
        }, ['E.vmax'], method);
        assert.equal(report.parameters[0].value, 2.5);
    });
});

describe('time-course sensitivities', () => {
    it('are integrated by BDF by default and under auto, by the Rosenbrock method under stiff', () => {
        const request = { wrt: ['E.vmax', 'k0'] };
        const byDefault = timeCourseSensitivities(feedback(), request);
        assert.deepEqual(timeCourseSensitivities(feedback(), request, { method: 'auto' }), byDefault);
        assert.deepEqual(timeCourseSensitivities(feedback(), request, { method: 'bdf' }), byDefault);
        assert.notDeepEqual(timeCourseSensitivities(feedback(), request, { method: 'stiff' }).unscaled, byDefault.unscaled);
    });

    it('refuse an event that changes a parameter they are taken with respect to, or a `when` that sets a property from the state', () => {
        const changes = withEvents();
        changes.scenarios[0].events.push(at(30, scale('E', 'vmax', 1.2)));
        assert.throws(() => timeCourseSensitivities(changes, { wrt: ['E.vmax'] }), /changes E\.vmax, which time-course sensitivities are taken with respect to: not supported/);
        const reads = withEvents();
        // A `when` assigns the value of its firing (an `at` compiles a varying value into the model, which the equations differentiate).
        reads.scenarios[0].events.push(when('t > 30', set('S1', 'clearance', 'S0 / 10')));
        assert.throws(() => timeCourseSensitivities(reads, { wrt: ['E.km'] }), /gives S1\.clearance a value read from the state .* not supported/);
    });
});
