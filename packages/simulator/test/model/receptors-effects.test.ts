import assert from 'node:assert/strict';
import type { Expr } from '../../src/ir.js';
import { compileModel } from '../../src/model/compiled-model.js';
import { ModelError } from '../../src/model/errors.js';
import { simulateScenario } from '../../src/run/simulate.js';
import { derivativesAt, stateOf } from './helpers/evaluate.js';
import { ex } from './helpers/expression.js';
import { model, observe } from './helpers/ir-builder.js';
import { close } from './helpers/numeric.js';

const hill = (x: number, k: number, n: number) => x ** n / (k ** n + x ** n);

describe('receptors', () => {
    const ir = () => model().species('L', { initial: 0.6 }).species('B', { initial: 0.2 }).species('G', { initial: 1 })
        .receptor('R', 'L', { kd: 0.3, hill: 1.5, density: 0.8, effect: 'excitatory', antagonists: [['B', 0.1]] })
        .receptor('Q', 'G', { kd: 2, effect: 'inhibitory' }).build();
    const at = (e: Expr, values: Record<string, number>) => {
        const m = compileModel(ir());
        return m.evaluate(e, 0, stateOf(m, values));
    };

    it('occupancy θ = (L/Kd)^n/(1 + (L/Kd)^n + Σ B/Ki), activation = density·θ', () => {
        const x = (0.6 / 0.3) ** 1.5, theta = x / (1 + x + 0.2 / 0.1);
        close(at(ex('R.occupancy'), { L: 0.6, B: 0.2, G: 1 }), theta);
        close(at(ex('R.activation'), { L: 0.6, B: 0.2, G: 1 }), 0.8 * theta);
    });

    it('balance = Σ excitatory activation ÷ Σ inhibitory activation', () => {
        const x = (0.6 / 0.3) ** 1.5, theta = x / (1 + x + 2);
        close(at(ex('balance'), { L: 0.6, B: 0.2, G: 1 }), 0.8 * theta / (1 / 3));
    });

    it('balance without inhibitory receptors is an error where used', () => {
        const lonely = model().species('L').receptor('R', 'L', { kd: 1, effect: 'excitatory' }).build();
        assert.throws(() => compileModel(lonely).resolve(ex('balance')), (e: Error) => e instanceof ModelError && /inhibitory/.test(e.message));
    });

    it('occupancy at equilibrium of a simulated ligand matches the formula', () => {
        const m = model().species('L', { supply: 0.3, clearance: 0.1 }).receptor('R', 'L', { kd: 2 })
            .scenario('S', 200, { step: 200, observe: [observe('R.occupancy', '1')] }).build();
        const r = simulateScenario(m, 'S', { rtol: 1e-10, atol: 1e-12 });
        const L = 3 * (1 - Math.exp(-0.1 * 200));
        close(r.series[0].values[1], L / (2 + L), 1e-7);
    });
});

describe('effect factors', () => {
    it('a modulator increasing activity multiplies the flux by 1 + max·x^n/(ec50^n + x^n)', () => {
        const ir = model().species('S').species('P').modulator('M', 12).enzyme('E', 'S -> P', { vmax: 2, km: [1] })
            .effect({ kind: 'modulator', name: 'M' }, 'increases', 'E', 'activity', 0.4, 20, 2).build();
        close(derivativesAt(ir, { S: 3 }).P, 2 * 3 / 4 * (1 + 0.4 * hill(12, 20, 2)));
    });

    it('factors on one property multiply; occupancy decreases density; a species scales supply and clearance', () => {
        const ir = model().species('L').species('X', { supply: 1, clearance: 0.2 }).species('Y').modulator('M', 'if(t < 5, 10, 30)')
            .receptor('R', 'L', { kd: 1, density: 0.9 })
            .effect({ kind: 'modulator', name: 'M' }, 'decreases', 'R', 'density', 0.3, 15)
            .effect({ kind: 'species', name: 'Y' }, 'decreases', 'R', 'density', 0.5, 2, 3)
            .effect({ kind: 'receptor', name: 'R' }, 'increases', 'X', 'supply', 1, 0.5)
            .effect({ kind: 'species', name: 'Y' }, 'increases', 'X', 'clearance', 2, 1)
            .build();
        const m = compileModel(ir);
        const y = stateOf(m, { L: 2, X: 4, Y: 1 });
        const theta = 2 / 3;
        const density = (t: number) => 0.9 * (1 - 0.3 * hill(t < 5 ? 10 : 30, 15, 1)) * (1 - 0.5 * hill(1, 2, 3));
        for (const t of [0, 10]) close(m.evaluate(ex('R.activation'), t, y), density(t) * theta);
        const expected = 1 * (1 + hill(theta, 0.5, 1)) - 0.2 * (1 + 2 * hill(1, 1, 1)) * 4;
        close(derivativesAt(m, { L: 2, X: 4, Y: 1 }).X, expected);
    });
});
