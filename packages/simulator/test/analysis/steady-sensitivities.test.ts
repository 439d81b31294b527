import assert from 'node:assert/strict';
import { scenarioSensitivities } from '../../src/analysis/scenario-analysis.js';
import { conservationLaws } from '../../src/analysis/conservation.js';
import { compileModel } from '../../src/model/compiled-model.js';
import { findSteadyState } from '../../src/run/steady-state.js';
import { startState } from '../../src/run/actions.js';
import { initialState } from '../../src/run/initial-state.js';
import { chainModel } from '../model/helpers/chain-model.js';
import { at, dose, model } from '../model/helpers/ir-builder.js';
import { close } from '../model/helpers/numeric.js';

const entry = (r: ReturnType<typeof scenarioSensitivities>, quantity: string, parameter: string) => {
    const i = r.quantities.findIndex(q => q.name === quantity);
    const j = r.parameters.findIndex(p => `${p.name}.${p.property}` === parameter);
    assert.ok(i >= 0 && j >= 0, `${quantity} / ${parameter}`);
    return { scaled: r.coefficients[i][j], unscaled: r.unscaled[i][j] };
};

describe('steady-state sensitivities', () => {
    it('supply and clearance: X* = s/k, so dX/ds = 1/k, dX/dk = −s/k² (scaled +1 and −1)', () => {
        const ir = model().species('X', { supply: 2, clearance: 0.5 }).scenario('S', 1).build();
        const r = scenarioSensitivities(ir);
        close(r.quantities[0].value, 4, 1e-12);
        close(entry(r, 'X', 'X.supply').unscaled, 1 / 0.5, 1e-12);
        close(entry(r, 'X', 'X.clearance').unscaled, -2 / 0.25, 1e-12);
        close(entry(r, 'X', 'X.supply').scaled!, 1, 1e-12);
        close(entry(r, 'X', 'X.clearance').scaled!, -1, 1e-12);
    });

    it('a Michaelis–Menten step: S* = Km·v0/(Vmax − v0), its flux fixed by the supply', () => {
        const v0 = 1, V = 3, K = 2, k = 0.2;
        const ir = model().species('S', { supply: v0 }).species('P', { clearance: k })
            .enzyme('E', 'S -> P', { vmax: V, km: [K] }).scenario('Base', 1).build();
        const r = scenarioSensitivities(ir);
        close(entry(r, 'S', 'E.vmax').unscaled, -K * v0 / (V - v0) ** 2, 1e-9);
        close(entry(r, 'S', 'E.km').unscaled, v0 / (V - v0), 1e-9);
        close(entry(r, 'P', 'P.clearance').unscaled, -v0 / k ** 2, 1e-9);
        close(entry(r, 'E.rate', 'S.supply').unscaled, 1, 1e-9);
        close(entry(r, 'E.rate', 'E.vmax').unscaled, 0, 0, 1e-12);
    });

    it('a conserved moiety A ⇌ B is solved at its fixed total, not reported as singular', () => {
        const kf = 0.4, kr = 0.1, T = 6;
        const ir = model().parameter('kf', kf).parameter('kr', kr).species('A', { initial: 5 }).species('B', { initial: 1 })
            .reaction('F', 'A -> B', 'kf * A').reaction('R', 'B -> A', 'kr * B').scenario('S', 1).build();
        const laws = conservationLaws(compileModel(ir));
        assert.equal(laws.length, 1);
        assert.deepEqual([...laws[0].coefficients.values()], [1, 1]);
        const r = scenarioSensitivities(ir, { of: ['A', 'B', 'F.rate'], wrt: ['kf', 'kr'] });
        close(r.quantities[1].value, T * kf / (kf + kr), 1e-7);
        close(entry(r, 'B', 'kf.value').unscaled, T * kr / (kf + kr) ** 2, 1e-7);
        close(entry(r, 'A', 'kf.value').unscaled, -T * kr / (kf + kr) ** 2, 1e-7);
        close(entry(r, 'B', 'kr.value').unscaled, -T * kf / (kf + kr) ** 2, 1e-7);
        // F.rate = kf·A = T·kf·kr/(kf + kr): scaled response to kf is kr/(kf + kr).
        close(entry(r, 'F.rate', 'kf.value').scaled!, kr / (kf + kr), 1e-7);
        // F's rate is written `kf * A`: scaling that expression is scaling kf, and its value is read at the steady state.
        const both = scenarioSensitivities(ir, { of: ['B'], wrt: ['kf', 'F.rate'] });
        close(both.parameters[1].value, kf * T * kr / (kf + kr), 1e-7);
        close(both.coefficients[0][1]!, both.coefficients[0][0]!, 1e-9);
    });

    it('an initial value moves a steady state through its conserved total alone: A ⇌ B, T = A₀ + B₀', () => {
        const kf = 0.4, kr = 0.1;
        const conserved = () => model().parameter('kf', kf).parameter('kr', kr).parameter('A0', 5).species('A', { initial: 'A0' }).species('B', { initial: 1 })
            .species('C', { initial: 3, supply: 1, clearance: 0.5 })
            .reaction('F', 'A -> B', 'kf * A').reaction('R', 'B -> A', 'kr * B').scenario('S', 1);
        const r = scenarioSensitivities(conserved().build(), { of: ['A', 'B', 'C'], wrt: ['A.initial', 'B.initial', 'A0', 'C.initial'] });
        // B* = T·kf/(kf + kr), A* = T·kr/(kf + kr); A's initial value is A0, so both move it; C has no law.
        for (const name of ['A.initial', 'B.initial', 'A0.value']) {
            close(entry(r, 'B', name).unscaled, kf / (kf + kr), 1e-9);
            close(entry(r, 'A', name).unscaled, kr / (kf + kr), 1e-9);
        }
        assert.equal(entry(r, 'C', 'C.initial').unscaled, 0);
        const dosed = conserved().build();
        dosed.scenarios[0].events.push(at(0.5, dose('B', 2)));
        assert.throws(() => scenarioSensitivities(dosed, { of: ['B'], wrt: ['A.initial'] }), /moves the conserved total of A, B, which scenario S also changes \(B\)/);
        assert.doesNotThrow(() => scenarioSensitivities(dosed, { of: ['B'], wrt: ['kf'] }));
    });

    it('agree with Richardson-extrapolated central differences of re-solved steady states (chain with receptor feedback)', () => {
        const ir = chainModel(24);
        const wrt = ['E0.vmax', 'E4.km', 'R15.kd', 'S0.supply', 'S23.clearance', 'E10.vmax'];
        const r = scenarioSensitivities(ir, { of: ['S3', 'S12', 'S23', 'E4.rate', 'R15.occupancy'], wrt });
        const m = compileModel(ir);
        const steadyAt = (name: string, factor: number) => {
            const [target, property] = name.split('.');
            const y0 = startState(m, [{ kind: 'scale', target, property, factor: { kind: 'number', value: factor } }], initialState);
            const s = findSteadyState(m, y0);
            assert.ok(s.converged);
            const out = new Float64Array(5);
            m.program(['S3', 'S12', 'S23'].map(n => m.resolve({ kind: 'name', name: n }))
                .concat([m.system.fluxes[m.ir.processes.findIndex(p => p.name === 'E4')], m.resolve({ kind: 'member', name: 'R15', member: 'occupancy' })]))(s.time, s.state, out);
            return out;
        };
        wrt.forEach((name, j) => {
            const central = (h: number) => {
                const up = steadyAt(name, 1 + h), down = steadyAt(name, 1 - h);
                return Array.from(up, (u, i) => (u - down[i]) / (2 * h) / r.quantities[i].value);
            };
            const coarse = central(1e-3), fine = central(5e-4);
            const extrapolated = fine.map((f, i) => (4 * f - coarse[i]) / 3);
            extrapolated.forEach((e, i) => close(r.coefficients[i][j]!, e, 1e-5, 1e-8, `${r.quantities[i].name} / ${name}: `));
        });
    });

    it('names a quantity or parameter the model lacks', () => {
        const ir = model().species('X', { supply: 2, clearance: 0.5 }).scenario('S', 1).build();
        assert.throws(() => scenarioSensitivities(ir, { of: ['Y'] }), /'Y' is no quantity/);
        assert.throws(() => scenarioSensitivities(ir, { wrt: ['X.vmax'] }), /no property 'vmax'/);
    });
});
