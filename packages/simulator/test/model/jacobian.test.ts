import assert from 'node:assert/strict';
import type { ModelIR } from '../../src/ir.js';
import { compileModel } from '../../src/model/compiled-model.js';
import { startState } from '../../src/run/actions.js';
import { initialState } from '../../src/run/initial-state.js';
import { inhibitor, model, set } from './helpers/ir-builder.js';
import { random } from './helpers/numeric.js';

const models: Record<string, () => ModelIR> = {
    'enzyme chain with cofactor, inhibitors and feedback': () => model()
        .species('Trp', { supply: 0.5, clearance: 0.01 }).species('HTP').species('HT').species('HIAA', { clearance: 0.05 })
        .species('BH4', { fixed: true }).species('Drug')
        .enzyme('TPH', 'Trp -> HTP', { vmax: 2.4, km: [40], cofactors: [['BH4', 20]], ksi: 300, inhibitors: [inhibitor('HT', 100), inhibitor('Drug', 5, 'noncompetitive')] })
        .enzyme('AADC', '2 HTP -> HT', { vmax: 5, km: [10], inhibitors: [inhibitor('Drug', 3, 'uncompetitive')] })
        .enzyme('MAO', 'HT -> HIAA', { vmax: 3, km: [2] })
        .receptor('R', 'HT', { kd: 0.5, hill: 1.7, antagonists: [['Drug', 0.2]], effect: 'inhibitory' })
        .receptor('Q', 'Trp', { kd: 5, effect: 'excitatory' })
        .effect({ kind: 'receptor', name: 'R' }, 'decreases', 'TPH', 'activity', 0.4, 0.5, 2)
        .effect({ kind: 'species', name: 'HIAA' }, 'increases', 'HT', 'clearance', 0.5, 3)
        .effect({ kind: 'species', name: 'HTP' }, 'decreases', 'R', 'density', 0.3, 1)
        .build(),
    'compartments, transporters and release': () => model().compartment('cyt', 2e-12).compartment('syn', 1e-13)
        .species('A', { in: 'cyt', supply: 1 }).species('V', { in: 'cyt' }).species('S', { in: 'syn', clearance: 0.2 })
        .transporter('VMAT', 'A -> V', 3, 0.2).release('Exo', 'V -> S', 0.4).transporter('SERT', 'S -> A', 8, 0.17, [inhibitor('V', 2)])
        .build(),
    'rules, functions, rate rules and every built-in': () => model()
        .species('X', { initial: 1 }).species('Y', { initial: 2 }).species('Z').parameter('P', 0.5).parameter('k', 2)
        .function('sat', ['x', 'k'], 'x / (k + x)')
        .rule('r1', 'sqrt(X) + exp(-Y / 4) + ln(1 + Z) + log10(2 + X * Y) + abs(X - Y) + X ^ Y')
        .rule('r2', 'min(X, Y) * max(Y, Z) + if(X > Y and Z < 3, X * Z, Y) + hill(X, k, 2.5) + mm(Z, 1) + sin(X) * cos(Y)')
        .rateRule('P', '0.1 * r1 - P * Z')
        .reaction('F', 'X -> Y', 'P * sat(X, k) * r2')
        .reaction('G', 'Y -> Z', '0.3 * Y * (1 + floor(t)) / (1 + X ^ P)')
        .reaction('H', 'Z ->', 'k * Z * circadian(1, 0.5, 0, 24) + pulse(0, 1, 1, 2) * step(0, 1, 3)')
        .build(),
    'cooperative, reversible and mass-action laws, and a flux read by a rule': () => model()
        .species('A', { initial: 3 }).species('B', { initial: 1 }).species('C', { initial: 2 }).species('D').species('I', { initial: 0.5 })
        .enzyme('Coop', 'A -> B', { vmax: 2, km: [1.5], hill: 2.3, inhibitors: [inhibitor('I', 0.7), inhibitor('I', 2, 'uncompetitive')] })
        .enzyme('Iso', 'B -> C', { vmax: 1.2, km: [0.8], keq: 2.5, kmProduct: 3, inhibitors: [inhibitor('I', 0.4), inhibitor('D', 1.1, 'uncompetitive')] })
        .massAction('Dimer', '2 C -> D', 0.6, 0.2)
        .species('S1', { initial: 1.5 }).species('S2', { initial: 0.7 })
        .carrier('Car', [['S1 -> A', 1.1, 0.6], ['S2 -> C', 0.9, 0.3]], [inhibitor('I', 0.5), inhibitor('D', 2, 'uncompetitive')])
        .rule('flux', 'Iso.rate + Coop.rate + Car.rate')
        .reaction('Drain', 'D ->', '0.1 * D * flux')
        .build(),
    'a scenario\'s sets whose values read species and the time (in force)': () => model()
        .species('X', { initial: 1, supply: 1 }).species('Y', { clearance: 0.2 }).parameter('k', 1)
        .enzyme('E', 'X -> Y', { vmax: 2, km: [3] }).reaction('F', 'Y -> X', 'k * Y')
        .scenario('S', 1, { actions: [set('E', 'vmax', '2 * X + Y'), set('k', 'value', 'X * t + 1')] })
        .build(),
    'inverse trigonometric functions': () => model()
        .species('X', { initial: 1 }).species('Y')
        .reaction('F', 'X -> Y', 'asin(X / (1 + X)) + acos(Y / (2 + Y)) * atan(X - 2 * Y)')
        .build()
};

describe('analytic Jacobian', () => {
    for (const [name, build] of Object.entries(models)) {
        it(`equals central finite differences at random points: ${name}`, () => {
            const ir = build();
            const m = compileModel(ir);
            if (ir.scenarios[0]) startState(m, ir.scenarios[0].actions, initialState);
            const n = m.stateNames.length;
            const { rowStart, colIndex } = m.jacobian.pattern;
            const values = new Float64Array(colIndex.length);
            const fPlus = new Float64Array(n), fMinus = new Float64Array(n);
            const next = random(name.length);
            for (let trial = 0; trial < 5; trial++) {
                const y = Float64Array.from({ length: n }, () => 0.1 + 5 * next());
                const t = 10 * next();
                m.jacobian.evaluate(t, y, values);
                for (let j = 0; j < n; j++) {
                    const h = 1e-6 * Math.max(1, Math.abs(y[j]));
                    const yp = Float64Array.from(y), ym = Float64Array.from(y);
                    yp[j] += h; ym[j] -= h;
                    m.rhs(t, yp, fPlus);
                    m.rhs(t, ym, fMinus);
                    for (let i = 0; i < n; i++) {
                        const fd = (fPlus[i] - fMinus[i]) / (2 * h);
                        let k = rowStart[i];
                        while (k < rowStart[i + 1] && colIndex[k] !== j) k++;
                        const analytic = k < rowStart[i + 1] ? values[k] : 0;
                        assert.ok(Math.abs(analytic - fd) <= 1e-6 * (Math.abs(fd) + 1),
                            `∂(${m.stateNames[i]})/∂(${m.stateNames[j]}) at t=${t}: analytic ${analytic}, finite difference ${fd}`);
                    }
                }
            }
        });
    }

    it('has the sparsity of the structural dependencies (with the diagonal)', () => {
        const m = compileModel(model().species('A', { supply: 1 }).species('B').species('C').species('D')
            .reaction('F', 'A -> B', 'A').reaction('G', 'B -> C', 'B').build());
        const { rowStart, colIndex } = m.jacobian.pattern;
        const rows = Array.from({ length: 4 }, (_, i) => [...colIndex.slice(rowStart[i], rowStart[i + 1])]);
        assert.deepEqual(rows, [[0], [0, 1], [1, 2], [3]]);
    });
});
