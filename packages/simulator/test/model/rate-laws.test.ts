import assert from 'node:assert/strict';
import { compileModel } from '../../src/model/compiled-model.js';
import { derivativesAt } from './helpers/evaluate.js';
import { inhibitor, model } from './helpers/ir-builder.js';
import { close } from './helpers/numeric.js';

const S = 7, I = 3, km = 4, ki = 2, vmax = 2.5;
const base = () => model().species('S').species('P').species('I');

describe('rate laws of enzymes, transporters and releases', () => {
    it('plain Michaelis–Menten: v = vmax·S/(Km + S)', () => {
        const d = derivativesAt(base().enzyme('E', 'S -> P', { vmax, km: [km] }).build(), { S, I });
        close(-d.S, vmax * S / (km + S));
        close(d.P, vmax * S / (km + S));
        assert.equal(d.I, 0);
    });

    const forms: [string, () => number][] = [
        ['competitive', () => vmax * S / (km * (1 + I / ki) + S)],
        ['uncompetitive', () => vmax * S / (km + S * (1 + I / ki))],
        ['noncompetitive', () => vmax * S / (km + S) / (1 + I / ki)]
    ];
    for (const [mode, formula] of forms) {
        it(`${mode} inhibition follows its formula`, () => {
            const ir = base().enzyme('E', 'S -> P', { vmax, km: [km], inhibitors: [inhibitor('I', ki, mode as 'competitive')] }).build();
            close(-derivativesAt(ir, { S, I }).S, formula());
        });
    }

    it('combines several inhibitors of each form and substrate inhibition', () => {
        const ir = base().species('J').enzyme('E', 'S -> P', {
            vmax, km: [km], ksi: 30,
            inhibitors: [inhibitor('I', ki), inhibitor('J', 5), inhibitor('I', 6, 'uncompetitive'), inhibitor('J', 9, 'noncompetitive')]
        }).build();
        const J = 1.5;
        const expected = vmax * S / (km * (1 + I / ki + J / 5) + S * (1 + I / 6) + S * S / 30) / (1 + J / 9);
        close(-derivativesAt(ir, { S, I, J }).S, expected);
    });

    it('substrate inhibition: s(S) = S/(Km + S + S²/Ksi)', () => {
        const ir = base().enzyme('E', 'S -> P', { vmax, km: [km], ksi: 12 }).build();
        close(-derivativesAt(ir, { S }).S, vmax * S / (km + S + S * S / 12));
    });

    it('two substrates, a cofactor that is not consumed, and stoichiometry', () => {
        const ir = base().species('B').species('C').enzyme('E', '2 S + B -> 3 P', { vmax, km: [km, 1.5], cofactors: [['C', 0.8]] }).build();
        const B = 2, C = 0.4;
        const v = vmax * (S / (km + S)) * (B / (1.5 + B)) * (C / (0.8 + C));
        const d = derivativesAt(ir, { S, B, C });
        close(d.S, -2 * v);
        close(d.B, -v);
        close(d.P, 3 * v);
        assert.equal(d.C, 0);
    });

    it('a transporter moves an amount: the destination gains v·V_source/V_destination', () => {
        const ir = model().compartment('cytosol', 2e-12).compartment('synapse', 1e-13)
            .species('Out', { in: 'synapse' }).species('In', { in: 'cytosol' })
            .transporter('SERT', 'Out -> In', 5, 0.2, [inhibitor('Drug', 0.5)]).species('Drug', { in: 'synapse' }).build();
        const d = derivativesAt(ir, { Out: 0.3, Drug: 0.25 });
        const v = 5 * 0.3 / (0.2 * (1 + 0.25 / 0.5) + 0.3);
        close(-d.Out, v);
        close(d.In, v * 1e-13 / 2e-12);
    });

    it('release and a first-order transporter: v = k·A·S, inhibitors divide by (1 + I/Ki)', () => {
        const ir = base().release('Exo', 'S -> P', 0.4, [inhibitor('I', ki, 'noncompetitive')]).build();
        close(derivativesAt(ir, { S, I }).P, 0.4 * S / (1 + I / ki));
    });

    it('a reaction uses its rate as written, times activity, and a fixed species never changes', () => {
        const ir = base().species('F', { fixed: true, initial: 2 }).parameter('k', 0.3)
            .reaction('R', 'S + F -> P', 'k * S * F / (1 + P / 2)').build();
        const d = derivativesAt(ir, { S, F: 2, P: 1 });
        close(d.P, 0.3 * S * 2 / 1.5);
        assert.equal(d.F, 0);
    });

    it('cooperativity (hill n): v = vmax·Sⁿ/(Kmⁿ + Sⁿ), competitive inhibition scaling Kmⁿ', () => {
        const n = 2.6;
        close(-derivativesAt(base().enzyme('E', 'S -> P', { vmax, km: [km], hill: n }).build(), { S }).S, vmax * S ** n / (km ** n + S ** n));
        const inhibited = base().enzyme('E', 'S -> P', { vmax, km: [km], hill: n, inhibitors: [inhibitor('I', ki)] }).build();
        close(-derivativesAt(inhibited, { S, I }).S, vmax * S ** n / (km ** n * (1 + I / ki) + S ** n));
    });

    it('reversible Michaelis–Menten (Haldane): v = vmax·(S − P/Keq)/Km / (1 + S/Km + P/Kp), Kp defaulting to Km', () => {
        const keq = 2.5, kp = 9, P = 4;
        const haldane = (Kp: number) => vmax * (S - P / keq) / km / (1 + S / km + P / Kp);
        const d = derivativesAt(base().enzyme('E', 'S -> P', { vmax, km: [km], keq, kmProduct: kp }).build(), { S, P });
        close(-d.S, haldane(kp));
        close(d.P, haldane(kp));
        close(-derivativesAt(base().enzyme('E', 'S -> P', { vmax, km: [km], keq }).build(), { S, P }).S, haldane(km));
        // Past equilibrium (P/S > Keq) the flux runs backwards.
        const back = derivativesAt(base().enzyme('E', 'S -> P', { vmax, km: [km], keq }).build(), { S: 1, P: 10 });
        assert.ok(back.S > 0);
        const inhibited = base().enzyme('E', 'S -> P', { vmax, km: [km], keq, kmProduct: kp, inhibitors: [inhibitor('I', ki), inhibitor('I', 6, 'uncompetitive')] }).build();
        close(-derivativesAt(inhibited, { S, P, I }).S, vmax * (S - P / keq) / km / ((1 + I / ki) + (S / km + P / kp) * (1 + I / 6)));
    });

    it('mass action both ways: v = kf·Πreactantsᵛ − kr·Πproductsᵛ', () => {
        const ir = base().species('B').massAction('R', '2 S + B -> P', 0.3, 0.7).build();
        const B = 1.5, P = 2;
        const v = 0.3 * S * S * B - 0.7 * P;
        const d = derivativesAt(ir, { S, B, P });
        close(d.S, -2 * v);
        close(d.B, -v);
        close(d.P, v);
    });

    it('one carrier for several substrates: vᵢ = Vᵢ·(Sᵢ/Kᵢ)/((1 + Σc I/Ki) + Σⱼ Sⱼ/Kⱼ·(1 + Σu I/Ki)), E.rate = Σ vᵢ', () => {
        const ir = model().species('NEo').species('DAo').species('NE').species('DA').species('I').species('J')
            .carrier('NET', [['NEo -> NE', 2, 0.4], ['DAo -> DA', 3, 0.7]], [inhibitor('I', 1), inhibitor('J', 2, 'uncompetitive'), inhibitor('J', 5, 'noncompetitive')])
            .rule('total', 'NET.rate').build();
        const c = { NEo: 2, DAo: 1, I: 0.5, J: 0.8 };
        const occupied = c.NEo / 0.4 + c.DAo / 0.7;
        const denominator = (1 + c.I / 1) + occupied * (1 + c.J / 2);
        const vNE = 2 * (c.NEo / 0.4) / denominator / (1 + c.J / 5), vDA = 3 * (c.DAo / 0.7) / denominator / (1 + c.J / 5);
        const d = derivativesAt(ir, c);
        close(-d.NEo, vNE);
        close(d.NE, vNE);
        close(-d.DAo, vDA);
        close(d.DA, vDA);
        const m = compileModel(ir);
        close(m.evaluate({ kind: 'name', name: 'total' }, 0, Float64Array.from(m.stateNames.map(n => (c as Record<string, number>)[n] ?? 0))), vNE + vDA);
    });

    it('E.rate reads the flux of a process', () => {
        const ir = base().enzyme('E', 'S -> P', { vmax, km: [km] }).rule('doubled', '2 * E.rate').build();
        close(compileModel(ir).evaluate({ kind: 'name', name: 'doubled' }, 0, Float64Array.from([S, 0, 0])), 2 * vmax * S / (km + S));
    });

    it('supply and clearance: dX/dt = supply − clearance·X', () => {
        const ir = model().species('X', { supply: 0.5, clearance: 0.01 }).build();
        close(derivativesAt(ir, { X: 20 }).X, 0.5 - 0.01 * 20);
    });

    it('a compartment name reads its volume in litres', () => {
        const ir = model().compartment('c', 3e-12).species('X', { in: 'c' }).rule('v', 'c * 1e12').build();
        const m = compileModel(ir);
        close(m.evaluate({ kind: 'name', name: 'v' }, 0, new Float64Array(1)), 3);
    });
});
