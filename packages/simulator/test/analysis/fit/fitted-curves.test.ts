import assert from 'node:assert/strict';
import { fitModel } from '../../../src/analysis/fit/fit-model.js';
import { fittedCurves } from '../../../src/analysis/fit/fitted-curves.js';
import type { Fit, ModelIR } from '../../../src/ir.js';
import { compileModel } from '../../../src/model/compiled-model.js';
import { simulateScenario } from '../../../src/run/simulate.js';
import { model, observe } from '../../model/helpers/ir-builder.js';

const TIGHT = { rtol: 1e-10, atol: 1e-12 };

/** A Michaelis–Menten enzyme emptying its substrate, measured at 10, 25 and 40 min and at steady state. */
const enzyme = (vmax: number, km: number, step = 5): ModelIR => model().species('S', { initial: 100 }).species('P', {})
    .enzyme('E', 'S -> P', { vmax, km: [km] }).scenario('Run', 60, { step, observe: [observe('S')] }).build();

const FIT: Fit = {
    name: 'F', data: ['D'], includeExpects: 'none', residuals: 'normal',
    estimates: [{ target: 'E', property: 'vmax', low: 0.1, high: 10, log: true }, { target: 'E', property: 'km', low: 1, high: 1000, log: true }]
};

function withData(ir: ModelIR): ModelIR {
    const at = (time: number, value: number) => ({ scenario: 'Run', quantity: 'S', expression: { kind: 'name', name: 'S' } as const, unit: 'uM', time, value, sd: 2 });
    return {
        ...ir, datasets: [{ name: 'D', measurements: [at(10, 82), at(25, 60), at(40, 42), { ...at(0, 0), time: 'steady' as const, sd: 1 }] }], fits: [FIT]
    };
}

describe('fitted curves', function () {
    this.timeout(60_000);

    it('runs each timed scenario with the fitted values to its last measurement: the curve of the model written with them, through the fitted points', () => {
        const compiled = compileModel(withData(enzyme(1, 100)));
        const result = fitModel(compiled, 'F', { ...TIGHT, starts: 1 });
        const curves = fittedCurves(compiled, result, TIGHT);
        assert.deepEqual(curves.map(c => [c.scenario, c.series.map(s => [s.name, s.unit])]), [['Run', [['S', 'uM']]]], 'the steady measurement adds no curve');
        const [curve] = curves;
        assert.equal(curve.times.length, 201);
        assert.equal(curve.times.at(-1), 40);
        // Independent: the model with the fitted vmax and km written into it, on the same grid.
        const [vmax, km] = result.parameters.map(p => p.value);
        const written = simulateScenario({ ...enzyme(vmax, km, 0.2), scenarios: enzyme(vmax, km, 0.2).scenarios.map(s => ({ ...s, duration: 40 })) }, 'Run', TIGHT);
        curve.series[0].values.forEach((v, i) => assert.ok(Math.abs(v - written.series[0].values[i]) < 1e-6, `S at ${curve.times[i]} min: ${v} vs ${written.series[0].values[i]}`));
        for (const residual of result.residuals.filter(r => r.time !== 'steady')) {
            const i = curve.times.indexOf(residual.time as number);
            assert.ok(Math.abs(curve.series[0].values[i] - residual.fitted) < 1e-6, `the curve passes the fitted value at ${residual.time} min`);
        }
        // The compiled model is given back as written: its own run is the written model's.
        const after = simulateScenario(compiled, 'Run', TIGHT), asWritten = simulateScenario(enzyme(1, 100), 'Run', TIGHT);
        assert.ok(Math.abs(after.series[0].values.at(-1)! - asWritten.series[0].values.at(-1)!) < 1e-9);
    });
});
