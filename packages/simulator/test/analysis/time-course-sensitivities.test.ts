import assert from 'node:assert/strict';
import { timeCourseSensitivities } from '../../src/analysis/time-course-sensitivities.js';
import type { ModelIR } from '../../src/ir.js';
import { simulateScenario } from '../../src/run/simulate.js';
import { model, observe } from '../model/helpers/ir-builder.js';
import { close } from '../model/helpers/numeric.js';

/** A saturable step with receptor feedback on it; S0 starts at the parameter k0. */
const feedback = (): ModelIR => model().parameter('k0', 2)
    .species('S0', { initial: 'k0', supply: 1, clearance: 0.05 }).species('S1', { clearance: 0.1 })
    .enzyme('E', 'S0 -> S1', { vmax: 2, km: [1.5] })
    .receptor('R', 'S1', { kd: 3, hill: 2 })
    .effect({ kind: 'receptor', name: 'R' }, 'decreases', 'E', 'activity', 0.6, 0.4)
    .scenario('Run', 40, { step: 10, observe: [observe('S0'), observe('S1'), observe('R.occupancy', '1')] }).build();

const TIGHT = { rtol: 1e-11, atol: 1e-14, method: 'stiff' as const };

describe('time-course sensitivities (forward sensitivity equations)', () => {
    for (const sensitivityErrorControl of [false, true]) it(`agree with Richardson-extrapolated central differences to 1e-6 relative (sensitivities ${sensitivityErrorControl ? 'in' : 'out of'} the error test)`, () => {
        const wrt = ['E.vmax', 'E.km', 'S1.clearance', 'R.kd', 'S0.supply', 'k0'];
        const report = timeCourseSensitivities(feedback(), { wrt, sensitivityErrorControl }, TIGHT);
        assert.deepEqual(report.time, [0, 10, 20, 30, 40]);
        const run = (name: string, factor: number) => {
            const [target, property = 'value'] = name.split('.');
            const ir = feedback();
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
                if (k === 0 && name !== 'k0') return;
                const reference = (4 * f - coarse[i][k]) / 3;
                close(report.unscaled[i][j][k], reference, 1e-6, 1e-10, `${report.quantities[i].name} / ${name} at ${report.time[k]} min: `);
            }));
        });
        // S0(0) = k0: its sensitivity starts at 1, every other at 0.
        assert.equal(report.unscaled[0][5][0], 1);
        assert.equal(report.unscaled[0][0][0], 0);
    });

    it('refuses a scenario with events rather than ignore the jumps', () => {
        const ir = feedback();
        ir.scenarios[0].events.push({ trigger: { kind: 'at', time: 5 }, actions: [] } as unknown as ModelIR['scenarios'][0]['events'][0]);
        assert.throws(() => timeCourseSensitivities(ir), /events .* not supported/);
    });
});
