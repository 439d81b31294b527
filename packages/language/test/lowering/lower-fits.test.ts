import assert from 'node:assert/strict';
import { lowerFiles, near } from './lower-helper.js';

const MODEL = `
    precursor Tyr { initial 50 uM }
    transmitter Dopamine_ext { initial 0.02 uM  clearance 1 /min  molar_mass 153.18 g/mol }
    enzyme TH { converts Tyr -> Dopamine_ext  vmax 2 uM/min  km 40 uM }
    receptor D2 { binds Dopamine_ext  kd 0.01 uM }
    scenario Baseline { simulate 2 h }
`;

describe('lowering data and fits (docs/reference.md#data, #fit)', () => {
    it('inline points: values and sds in base units, times in minutes, `+-` as `±`, a mass concentration through the molar mass', async () => {
        const model = await lowerFiles({
            'model.cascade': `${MODEL}
                data Micro {
                    Baseline Dopamine_ext at steady 20 nM ± 5 nM
                    Baseline Dopamine_ext at 30 min 25 nM +- 5 nM
                    Baseline D2.occupancy at 1 h 0.4 ± 0.05
                    Baseline TH.rate at steady 1.5 uM/min ± 0.1 uM/min
                    Baseline Dopamine_ext at 2 h 3.0636 ng/mL ± 1.5318 ng/mL
                }`
        });
        const [data] = model.datasets!;
        assert.equal(data.name, 'Micro');
        assert.equal(data.file, undefined);
        const [steady, timed, occupancy, rate, mass] = data.measurements;
        assert.deepEqual([steady.scenario, steady.quantity, steady.time, steady.unit], ['Baseline', 'Dopamine_ext', 'steady', 'uM']);
        near(steady.value, 0.02);
        near(steady.sd, 0.005);
        assert.deepEqual(steady.display, { unit: 'nM', scale: 1e-3 });
        assert.equal(timed.time, 30);
        near(timed.value, 0.025);
        assert.deepEqual([occupancy.quantity, occupancy.time, occupancy.unit, occupancy.value, occupancy.sd], ['D2.occupancy', 60, '1', 0.4, 0.05]);
        assert.deepEqual(occupancy.expression, { kind: 'member', name: 'D2', member: 'occupancy' });
        assert.deepEqual([rate.quantity, rate.unit], ['TH.rate', 'uM/min']);
        near(rate.value, 1.5);
        // 3.0636 ng/mL of dopamine (153.18 g/mol) is 20 nM.
        near(mass.value, 0.02);
        near(mass.sd, 0.01);
        assert.equal(steady.source?.line, 9);
    });

    it('a CSV file: the header in any order, steady and timed rows, a missing sd taken as 10 % of the value', async () => {
        const model = await lowerFiles({
            'model.cascade': `${MODEL}\n    data Micro from "data/micro.csv"`,
            'data/micro.csv': 'quantity,scenario,time,value,unit,sd\r\nDopamine_ext,Baseline,steady,20,nM,5\r\n\r\n"D2.occupancy",Baseline,90 s,0.5,,\r\nTH.rate,Baseline,2 h,1.2,uM/min,0.2\r\n'
        });
        const [data] = model.datasets!;
        assert.equal(data.file, 'data/micro.csv');
        const [dopamine, occupancy, rate] = data.measurements;
        near(dopamine.value, 0.02);
        near(dopamine.sd, 0.005);
        assert.equal(dopamine.time, 'steady');
        assert.equal(occupancy.quantity, 'D2.occupancy');
        near(occupancy.time as number, 1.5);
        near(occupancy.sd, 0.05);
        assert.equal(rate.time, 120);
        near(rate.sd, 0.2);
        assert.match(dopamine.source!.file, /data[/\\]micro\.csv$/);
        assert.equal(occupancy.source!.line, 4);
    });

    it('a fit: bounds converted as the property is, log flags, the residual model and included expects (all, none, the relative ones)', async () => {
        const model = await lowerFiles({
            'model.cascade': `${MODEL}
                data Micro { Baseline Dopamine_ext at steady 20 nM ± 5 nM }
                fit F {
                    data Micro
                    estimate TH vmax in [6 uM/h, 600 uM/h] log
                    estimate D2 kd in [1 nM, 0.1 uM]
                    include expects
                    lognormal
                }
                fit G { data Micro  estimate Dopamine_ext clearance in [0.1 /min, 10 /min] }
                fit H { data Micro  estimate Dopamine_ext clearance in [0.1 /min, 10 /min]  include relative expects }`
        });
        const [f, g, h] = model.fits!;
        assert.deepEqual(f.data, ['Micro']);
        assert.equal(f.estimates.length, 2);
        const [vmax, kd] = f.estimates;
        assert.deepEqual([vmax.target, vmax.property, vmax.log], ['TH', 'vmax', true]);
        near(vmax.low, 0.1);
        near(vmax.high, 10);
        assert.deepEqual([kd.target, kd.property, kd.log], ['D2', 'kd', false]);
        near(kd.low, 0.001);
        near(kd.high, 0.1);
        assert.equal(f.includeExpects, 'all');
        assert.equal(f.residuals, 'lognormal');
        assert.equal(g.includeExpects, 'none');
        assert.equal(h.includeExpects, 'relative');
        assert.equal(g.residuals, 'normal');
        assert.equal(g.estimates[0].property, 'clearance');
    });
});
