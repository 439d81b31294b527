import assert from 'node:assert/strict';
import { compileModel, simulateScenario, type Expr, type ModelIR } from '@neurocascade/simulator';
import { lower, near } from './lower-helper.js';

/** dX/dt of every species at the given concentrations (µM), by name. */
function derivatives(model: ModelIR, values: Record<string, number>): Record<string, number> {
    const m = compileModel(model);
    const y = Float64Array.from(m.stateNames.map(name => values[name] ?? 0));
    const dydt = new Float64Array(y.length);
    m.rhs(0, y, dydt);
    return Object.fromEntries(m.stateNames.map((name, i) => [name, dydt[i]]));
}

const series = (result: ReturnType<typeof simulateScenario>, name: string) => result.series.find(s => s.name === name)!;

describe('the kinetics modelers write, lowered and run', () => {
    it('a co-transported ion saturates the transporter with its own km (km Na is not ignored)', async () => {
        const text = (kmNa: string) => `
            precursor A { initial 10 uM }
            metabolite B { clearance 1 /min }
            cofactor Na { initial 10 uM }
            transporter T { moves A + Na -> B  vmax 2 uM/min  km A 10 uM  km Na ${kmNa} }
        `;
        const v = (kmNa: number) => 2 * (10 / (10 + 10)) * (10 / (kmNa + 10));
        for (const kmNa of [10, 40]) {
            const d = derivatives(await lower(text(`${kmNa} uM`)), { A: 10, Na: 10 });
            near(-d.A, v(kmNa));
            near(-d.Na, v(kmNa));
            near(d.B, v(kmNa));
        }
    });

    it('the km written for a substrate is that substrate\'s, whatever the order of the km clauses', async () => {
        const model = await lower(`
            precursor A { initial 10 uM }
            metabolite B { clearance 1 /min }
            cofactor Na { initial 10 uM }
            transporter T { moves A + Na -> B  vmax 2 uM/min  km Na 40 uM  km A 5 uM }
        `);
        near(-derivatives(model, { A: 3, Na: 7 }).A, 2 * (3 / (5 + 3)) * (7 / (40 + 7)));
    });

    it('ChAT: two substrates, independent binding, both consumed; vmax per mg of protein × protein', async () => {
        const model = await lower(`
            compartment terminal { volume 1 pL  protein 2 mg/mL }
            precursor Choline in terminal { initial 40 uM }
            cofactor AcetylCoA in terminal { initial 15 uM }
            transmitter ACh in terminal { clearance 1 /min }
            metabolite CoA in terminal { clearance 1 /min }
            enzyme ChAT in terminal {
                converts Choline + AcetylCoA -> ACh + CoA
                vmax 5 nmol/min/mg
                km Choline 400 uM
                km AcetylCoA 15 uM
            }
        `);
        // 5 nmol/min/mg × 2 mg/mL = 10 nmol/min/mL = 10 µM/min.
        const v = 10 * (40 / (400 + 40)) * (15 / (15 + 15));
        const d = derivatives(model, { Choline: 40, AcetylCoA: 15 });
        near(-d.Choline, v);
        near(-d.AcetylCoA, v);
        near(d.ACh, v);
        near(d.CoA, v);
    });

    it('an enzyme\'s own protein takes precedence over its compartment\'s', async () => {
        const model = await lower(`
            compartment c { volume 1 pL  protein 2 mg/mL }
            precursor S in c { initial 1 uM }
            metabolite P in c { clearance 1 /min }
            enzyme E in c { converts S -> P  vmax 3 umol/min/g  km 1 uM  protein 0.5 mg/mL }
        `);
        // 3 µmol/min/g × 0.5 g/L = 1.5 µM/min.
        near(-derivatives(model, { S: 1 }).S, 1.5 * 0.5);
    });

    it('a reversible enzyme runs to S·Keq = P, from either side (Haldane)', async () => {
        const model = await lower(`
            intermediate X { initial 5 uM }
            intermediate Y { initial 1 uM }
            enzyme Iso { converts X <-> Y  vmax 3 uM/min  km 2 uM  keq 2.5  km_product 4 uM }
            scenario Run { simulate 60 min  observe X, Y, Iso.rate }
        `);
        near(-derivatives(model, { X: 5, Y: 1 }).X, 3 * (5 - 1 / 2.5) / 2 / (1 + 5 / 2 + 1 / 4));
        const result = simulateScenario(model, 'Run');
        const x = series(result, 'X').values.at(-1)!, y = series(result, 'Y').values.at(-1)!;
        assert.ok(Math.abs(y / x - 2.5) < 1e-5, `Y/X = ${y / x}`);
        assert.ok(Math.abs(x + y - 6) < 1e-9);
        assert.equal(series(result, 'Iso.rate').unit, 'uM/min');
        near(series(result, 'Iso.rate').values[0], 3 * (5 - 1 / 2.5) / 2 / (1 + 5 / 2 + 1 / 4));
    });

    it('a reversible reaction relaxes exponentially to kf/kr (mass action)', async () => {
        const model = await lower(`
            intermediate A { initial 3 uM }
            intermediate B
            reaction R { A <-> B  kf 1 /min  kr 0.5 /min }
            scenario Run { simulate 5 min  step 1 min  observe A, R.rate }
        `);
        const result = simulateScenario(model, 'Run');
        // A(t) = A∞ + (A0 − A∞)·e^(−(kf+kr)t), A∞ = 3·kr/(kf+kr).
        const aInf = 3 * 0.5 / 1.5;
        result.time.forEach((t, i) => assert.ok(Math.abs(series(result, 'A').values[i] - (aInf + (3 - aInf) * Math.exp(-1.5 * t))) < 1e-5));
        assert.equal(series(result, 'R.rate').unit, 'uM/min');
    });

    it('one carrier for several substrates: each moves line takes the vmax and km written after it, and they compete', async () => {
        const model = await lower(`
            precursor NEo { initial 2 uM }
            precursor DAo { initial 1 uM }
            precursor Ao { initial 3 uM }
            metabolite NE { clearance 1 /min }
            metabolite DA { clearance 1 /min }
            metabolite A { clearance 1 /min }
            intermediate Drug { initial 0.5 uM }
            transporter NET {
                vmax 1 uM/min
                moves NEo -> NE
                vmax 2 uM/min
                km 0.4 uM
                moves DAo -> DA
                km DAo 0.7 uM
                vmax 3 uM/min
                moves Ao -> A
                km Ao 5 uM
                inhibited by Drug ki 1 uM
            }
        `);
        const loads = [2 / 0.4, 1 / 0.7, 3 / 5];
        const denominator = 1 + 0.5 + loads.reduce((a, b) => a + b);
        const d = derivatives(model, { NEo: 2, DAo: 1, Ao: 3, Drug: 0.5 });
        near(d.NE, 2 * loads[0] / denominator);
        near(d.DA, 3 * loads[1] / denominator);
        near(d.A, 1 * loads[2] / denominator);   // the vmax before the first line
        near(-d.NEo, d.NE);
    });

    it('hill n inside an enzyme: v = vmax·Sⁿ/(Kmⁿ + Sⁿ)', async () => {
        const model = await lower(`
            precursor S { initial 3 uM }
            metabolite P { clearance 1 /min }
            enzyme E { converts S -> P  vmax 2 uM/min  km 2 uM  hill 2.5 }
        `);
        near(-derivatives(model, { S: 3 }).S, 2 * 3 ** 2.5 / (2 ** 2.5 + 3 ** 2.5));
    });

    it('E.rate in a rule, an expect and a cascade measure', async () => {
        const model = await lower(`
            precursor S { initial 4 uM  supply 1 uM/min }
            metabolite P { clearance 1 /min }
            enzyme E { converts S -> P  vmax 2 uM/min  km 4 uM }
            rule half = E.rate / 2
            scenario Run { simulate 10 min  observe half  expect E.rate at 0 min between 0.99 uM/min and 1.01 uM/min }
            cascade More { from Run  perturb E vmax +50%  measure E.rate }
        `);
        const result = simulateScenario(model, 'Run');
        near(series(result, 'half').values[0], 0.5);
        assert.equal(result.expects[0].passed, true);
        assert.deepEqual(model.cascades[0].measure.map(m => [m.name, m.unit]), [['E.rate', 'uM/min']]);
    });
});

describe('mass and amount concentrations of a species with a molar mass', () => {
    // Melatonin, 232.28 g/mol: 1 pg/mL = 1e-9 g/L = 1e-9 / 232.28 mol/L = 1e-3 / 232.28 µM.
    const M = 232.28;
    const pgPerMl = (x: number) => x * 1e-3 / M;

    it('every concentration of it may be written in either kind, and converts', async () => {
        const model = await lower(`
            transmitter Mel { initial 0.2 nM  supply 30 pg/mL/h  clearance 0.05 /min  molar_mass 232.28 g/mol }
            metabolite AMK { clearance 1 /min }
            enzyme Deg { converts Mel -> AMK  vmax 60 pg/mL/min  km 20 ng/mL }
            receptor MT1 { binds Mel  kd 50 pg/mL }
            rate of AMK = 0
            scenario Night {
                simulate 2 h
                set Mel supply 60 pg/mL/h
                at 1 h dose Mel 10 pg/mL
                expect Mel at 1 h between 10 pg/mL and 100 pg/mL
                expect Mel at 2 h between 0.01 nM and 10 nM
            }
            scenario Other {
                simulate 1 h
                set Deg km 10 ng/mL
                set Mel 50 pg/mL
            }
            cascade Pulse { from Night  perturb Mel initial 80 pg/mL  perturb Deg vmax 30 pg/mL/min  perturb MT1 kd 0.1 nM  measure Mel }
        `);
        const mel = model.species.find(s => s.name === 'Mel')!;
        assert.equal(mel.unit, 'uM');
        const deg = model.processes[0].law;
        assert.equal(deg.type, 'saturable');
        if (deg.type !== 'saturable') return;
        const evaluated = compileModel(model);
        const constant = (e: Expr) => evaluated.evaluate(e, 0, new Float64Array(evaluated.stateNames.length));
        near(constant(mel.initial), 2e-4);
        near(constant(mel.supply), pgPerMl(30) / 60);
        near(constant(deg.vmax), pgPerMl(60));
        near(constant(deg.substrates[0].km), pgPerMl(20e3));
        near(constant(model.receptors[0].kd), pgPerMl(50));
        const night = model.scenarios.find(s => s.name === 'Night')!;
        const [set] = night.actions;
        assert.ok(set.kind === 'set');
        near(constant(set.value), pgPerMl(60) / 60);
        const dose = night.events[0].actions[0];
        assert.ok(dose.kind === 'dose');
        near(constant(dose.amount), pgPerMl(10));
        near(night.expects[0].low, pgPerMl(10));
        near(night.expects[0].high, pgPerMl(100));
        near(night.expects[1].low, 1e-5);
        const other = model.scenarios.find(s => s.name === 'Other')!;
        assert.deepEqual(other.actions.map(a => a.kind === 'set' && a.property), ['km', 'value']);
        other.actions.forEach((a, i) => near(a.kind === 'set' && constant(a.value), [pgPerMl(10e3), pgPerMl(50)][i]));
        model.cascades[0].perturbations.forEach((p, i) => near(p.change.kind === 'absolute' && p.change.value, [pgPerMl(80), pgPerMl(30), 1e-4][i]));
    });

    it('a species declared in pg/mL takes expects in nM, and the reverse', async () => {
        const model = await lower(`
            transmitter Mel { initial 80 pg/mL  clearance 0.01 /min  molar_mass 232.28 g/mol }
            scenario S { simulate 1 h  expect Mel at 0 min between 0.3 nM and 0.4 nM }
        `);
        near(compileModel(model).evaluate(model.species[0].initial, 0, new Float64Array(1)), pgPerMl(80));
        const result = simulateScenario(model, 'S');
        assert.equal(result.expects[0].passed, true, result.expects[0].message);
    });
});
