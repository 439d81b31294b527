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
