import assert from 'node:assert/strict';
import { simulateScenario } from '../../src/run/simulate.js';
import { model, observe } from './helpers/ir-builder.js';
import { close as near, lambertW } from './helpers/numeric.js';

const close = (actual: number, expected: number) => near(actual, expected, 1e-5, 1e-9);

describe('analytic solutions', () => {
    it('first-order decay follows X0·e^(−kt)', () => {
        const ir = model().species('X', { initial: 10, clearance: 0.3 }).scenario('S', 20, { step: 1, observe: [observe('X')] }).build();
        const r = simulateScenario(ir, 'S', { rtol: 1e-9, atol: 1e-12 });
        r.time.forEach((t, i) => close(r.series[0].values[i], 10 * Math.exp(-0.3 * t)));
    });

    it('zero-order supply with clearance approaches s/k as s/k·(1 − e^(−kt))', () => {
        const ir = model().species('X', { supply: 2, clearance: 0.5 }).scenario('S', 30, { step: 0.5 }).build();
        const r = simulateScenario(ir, 'S', { rtol: 1e-9, atol: 1e-12 });
        assert.equal(r.series[0].name, 'X');
        r.time.forEach((t, i) => close(r.series[0].values[i], 4 * (1 - Math.exp(-0.5 * t))));
    });

    it('asin, acos and atan of a rising concentration X = 1 − e^(−0.1t)', () => {
        const ir = model().species('X', { supply: 0.1, clearance: 0.1 })
            .rule('a', 'asin(X)').rule('b', 'acos(X)').rule('c', 'atan(10 * X)')
            .scenario('S', 20, { step: 1, observe: ['a', 'b', 'c'].map(n => observe(n, '1')) }).build();
        const r = simulateScenario(ir, 'S', { rtol: 1e-9, atol: 1e-12 });
        const x = (t: number) => 1 - Math.exp(-0.1 * t);
        r.time.forEach((t, i) => {
            close(r.series[0].values[i], Math.asin(x(t)));
            close(r.series[1].values[i], Math.acos(x(t)));
            close(r.series[2].values[i], Math.atan(10 * x(t)));
        });
    });

    it('a reversible reaction A ⇌ B relaxes to kf/(kf+kr) of the total', () => {
        const ir = model().species('A', { initial: 5 }).species('B', { initial: 1 }).parameter('kf', 0.4).parameter('kr', 0.1)
            .reaction('F', 'A -> B', 'kf * A').reaction('R', 'B -> A', 'kr * B')
            .scenario('S', 40, { step: 1, observe: [observe('A'), observe('B')] }).build();
        const r = simulateScenario(ir, 'S', { rtol: 1e-9, atol: 1e-12 });
        const k = 0.5, bEq = 6 * 0.4 / k;
        r.time.forEach((t, i) => {
            const b = bEq + (1 - bEq) * Math.exp(-k * t);
            close(r.series[1].values[i], b);
            close(r.series[0].values[i], 6 - b);
        });
    });

    it('Michaelis–Menten depletion follows S(t) = Km·W(S0/Km·e^((S0 − Vmax·t)/Km))', () => {
        const S0 = 20, km = 4, vmax = 1.5;
        const ir = model().species('S', { initial: S0 }).species('P')
            .enzyme('E', 'S -> P', { vmax, km: [km] })
            .scenario('S', 30, { step: 0.25, observe: [observe('S'), observe('P')] }).build();
        for (const method of ['rk45', 'stiff', 'auto'] as const) {
            const r = simulateScenario(ir, 'S', { method, rtol: 1e-10, atol: 1e-12 });
            r.time.forEach((t, i) => {
                const s = km * lambertW((S0 / km) * Math.exp((S0 - vmax * t) / km));
                near(r.series[0].values[i], s, 1e-6, 1e-9, `${method} t=${t}: `);
                near(r.series[1].values[i], S0 - s, 1e-6, 1e-9);
            });
        }
    });

    it('reports stats and the CLI shape', () => {
        const ir = model().species('X', { initial: 1, clearance: 1 }).scenario('S', 10, { step: 2.5 }).build();
        const r = simulateScenario(ir);
        assert.deepEqual(r.time, [0, 2.5, 5, 7.5, 10]);
        assert.equal(r.model, 'Test');
        assert.equal(r.scenario, 'S');
        assert.ok(r.stats.steps > 0 && r.stats.rhsEvaluations > r.stats.steps && r.stats.wallMs >= 0);
        assert.ok(r.stats.method.length > 0);
    });
});
