import assert from 'node:assert/strict';
import { compileModel } from '../../src/model/compiled-model.js';
import { runCascadeSequential } from '../../src/run/cascade.js';
import { scenarioSteadyState, simulateScenario } from '../../src/run/simulate.js';
import { steadyStateOfScenario } from '../../src/run/steady-scenario.js';
import { rapheModel } from './helpers/raphe-model.js';
import { close, random } from './helpers/numeric.js';

describe('the reference serotonin model end to end', () => {
    it('simulates every scenario with finite values and judges its expects', () => {
        const m = compileModel(rapheModel());
        const base = simulateScenario(m, 'Baseline');
        assert.equal(base.time.length, 49);
        assert.ok(base.series.every(s => s.values.every(Number.isFinite)));
        assert.deepEqual(base.expects.map(e => e.passed), [true, true]);
        const stress = simulateScenario(m, 'Stress');
        const trp = stress.series[1].values;
        // Tryptophan supply stops at 12 h; a 20 µM dose lands at 24 h.
        assert.ok(trp[stress.time.indexOf(1440)] - trp[stress.time.indexOf(1380)] > 15);
    });

    it('reaches a steady state where every |dX/dt| < 1e-9·|X|', () => {
        const m = compileModel(rapheModel());
        const report = steadyStateOfScenario(m, 'Baseline');
        assert.equal(report.converged, true, report.reason);
        const steady = scenarioSteadyState(m, m.ir.scenarios[0], {});
        const f = new Float64Array(steady.state.length);
        m.rhs(steady.time, steady.state, f);
        f.forEach((d, i) => assert.ok(Math.abs(d) < 1e-9 * Math.max(Math.abs(steady.state[i]), 1e-12), m.stateNames[i]));
        const serotonin = report.values.find(v => v.name === 'Serotonin')!.value;
        close(serotonin, steady.state[m.stateNames.indexOf('Serotonin')], 1e-12);
    });

    it('its analytic Jacobian matches finite differences', () => {
        const m = compileModel(rapheModel());
        const n = m.stateNames.length;
        const next = random(7);
        const values = new Float64Array(m.jacobian.pattern.colIndex.length);
        const fp = new Float64Array(n), fm = new Float64Array(n);
        for (let trial = 0; trial < 4; trial++) {
            const y = Float64Array.from({ length: n }, () => 0.01 + 3 * next());
            const t = 3000 * next();
            m.jacobian.evaluate(t, y, values);
            const { rowStart, colIndex } = m.jacobian.pattern;
            for (let i = 0; i < n; i++) {
                for (let k = rowStart[i]; k < rowStart[i + 1]; k++) {
                    const j = colIndex[k], h = 1e-7 * Math.max(1, y[j]);
                    const yp = Float64Array.from(y), ym = Float64Array.from(y);
                    yp[j] += h; ym[j] -= h;
                    m.rhs(t, yp, fp); m.rhs(t, ym, fm);
                    close(values[k], (fp[i] - fm[i]) / (2 * h), 1e-5, 1e-6, `∂${m.stateNames[i]}/∂${m.stateNames[j]}: `);
                }
            }
        }
    });

    it('runs its cascade: more tryptophan supply raises serotonin', () => {
        const result = runCascadeSequential(compileModel(rapheModel()), 'TryptophanLoading');
        const [trp, cortisol, ki] = result.perturbations;
        const serotonin = trp.responses[0];
        assert.ok(serotonin.change > 0 && serotonin.coefficient! > 0);
        assert.ok(cortisol.responses.every(r => Number.isFinite(r.perturbed)));
        assert.equal(ki.change, '0.02 uM');
        assert.ok(ki.responses[0].coefficient !== null);
    });
});
