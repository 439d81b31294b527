import assert from 'node:assert/strict';
import { evaluateConstant, resolveScenario, type Expr } from '@neurocascade/simulator';
import { lower, lowerFiles, near } from './lower-helper.js';

/** The value of a constant IR expression (NaN when it is not constant). */
const value = (expr: Expr) => evaluateConstant(expr) ?? Number.NaN;
const evaluate = value;

describe('lowering to the model IR', () => {
    it('converts every quantity to base units (µM, minutes, litres, fractions)', async () => {
        const model = await lower(`
            compartment cell { volume 2 pL }
            precursor Trp in cell { initial 50 uM  supply 30 uM/h  clearance 0.6 /h }
            metabolite X in cell { initial 0.5 mM }
            modulator Cortisol { level 12 ug/dL increases E activity max 40% ec50 20 ug/dL hill 2 }
            enzyme E { converts Trp -> X  vmax 8000 nM/s  km 40 uM }
        `);
        near(value(model.compartments[0].volume), 2e-12);
        const trp = model.species.find(s => s.name === 'Trp')!;
        near(value(trp.initial), 50);
        near(value(trp.supply), 0.5);
        near(value(trp.clearance), 0.01);
        near(value(model.species.find(s => s.name === 'X')!.initial), 500);
        near(value(model.modulators[0].level), 12e-5);
        assert.equal(model.modulators[0].unit, 'g/L');
        const effect = model.effects[0];
        near(value(effect.max), 0.4);
        near(value(effect.ec50), 20e-5);
        near(value(effect.hill), 2);
        const law = model.processes[0].law;
        assert.equal(law.type, 'saturable');
        if (law.type === 'saturable') near(value(law.vmax), 480);
    });

    it('converts mass concentrations of a species with a molar mass to µM', async () => {
        const model = await lower(`
            precursor Tyr { initial 18.12 mg/L  molar_mass 181.19 g/mol }
            metabolite D
            enzyme TH { converts Tyr -> D vmax 1 uM/min km 18.119 mg/L }
        `);
        near(value(model.species[0].initial), 18.12e-3 / 181.19 * 1e6);
        assert.equal(model.species[0].molarMass, 181.19);
        const law = model.processes[0].law;
        assert.equal(law.type, 'saturable');
        if (law.type === 'saturable') near(evaluate(law.substrates[0].km), 18.119e-3 / 181.19 * 1e6);
    });

    it('lowers enzymes with every member of docs/reference.md#enzymes', async () => {
        const model = await lower(`
            compartment c { volume 1 pL }
            precursor A in c
            precursor B in c
            cofactor BH4 in c { initial 1 uM fixed }
            metabolite P in c
            transmitter I in c
            transmitter J in c
            enzyme E "an enzyme" {
                converts A + 2 B -> P
                vmax 2 uM/min
                km A 40 uM
                km B 5 uM
                requires BH4 km 20 uM
                inhibited by I ki 10 uM
                inhibited by J ki 3 uM noncompetitive
            }
            enzyme S { converts A -> P vmax 1 uM/min km 4 uM substrate_inhibition ki 970 uM inhibited by I ki 2 uM uncompetitive }
        `);
        const [e, s] = model.processes;
        assert.deepEqual(e.reactants, [{ species: 'A', coefficient: 1 }, { species: 'B', coefficient: 2 }]);
        assert.deepEqual(e.products, [{ species: 'P', coefficient: 1 }]);
        assert.equal(e.compartment, 'c');
        assert.equal(e.title, 'an enzyme');
        assert.equal(e.law.type, 'saturable');
        if (e.law.type !== 'saturable' || s.law.type !== 'saturable') return;
        assert.deepEqual(e.law.substrates.map(x => [x.species, value(x.km)]), [['A', 40], ['B', 5]]);
        assert.deepEqual(e.law.cofactors.map(x => [x.species, value(x.km)]), [['BH4', 20]]);
        assert.deepEqual(e.law.inhibitors.map(x => [x.inhibitor, value(x.ki), x.mode]), [['I', 10, 'competitive'], ['J', 3, 'noncompetitive']]);
        assert.equal(value(s.law.substrateInhibitionKi!), 970);
        assert.equal(s.law.inhibitors[0].mode, 'uncompetitive');
        assert.equal(value(s.law.substrates[0].km), 4);
    });

    it('lowers transporters, releases and reactions with their compartments', async () => {
        const model = await lower(`
            compartment cyt { volume 1 pL }
            compartment syn { volume 0.1 pL }
            transmitter S in syn
            transmitter C in cyt
            transmitter V in cyt
            transporter SERT { moves S -> C vmax 8000 uM/h km 0.17 uM }
            transporter Leak { moves C -> S rate 0.1 /min }
            release Exo { moves V -> S rate 0.4 /min }
            reaction R in cyt { C -> V rate 0.2 /min * C }
            reaction Source { -> C rate 1 uM/min }
        `);
        const [sert, leak, exo, r, source] = model.processes;
        assert.equal(sert.kind, 'transporter');
        assert.equal(sert.compartment, 'syn');
        assert.deepEqual(sert.law.type === 'saturable' && [value(sert.law.vmax), sert.law.substrates.map(s => [s.species, value(s.km)])], [8000 / 60, [['S', 0.17]]]);
        assert.equal(leak.law.type, 'first-order');
        assert.equal(exo.kind, 'release');
        assert.equal(exo.compartment, 'cyt');
        assert.equal(r.law.type, 'expression');
        assert.equal(r.compartment, 'cyt');
        assert.deepEqual(source.reactants, []);
        assert.equal(source.compartment, 'cyt');
    });

    it('lowers receptors, modulators and effect clauses from every kind of source', async () => {
        const model = await lower(`
            transmitter S { initial 1 uM }
            precursor W
            enzyme E { converts W -> S vmax 1 uM/min km 1 uM }
            receptor R "autoreceptor" {
                binds S
                kd 3 nM
                hill 2
                density 80 %
                effect inhibitory
                blocked by W ki 0.8 nM
                decreases E activity max 40% ec50 50% hill 3
            }
            modulator M { level circadian(period 24 h, mean 80 pg/mL, peak 8 h, amplitude 40 pg/mL) increases R density max 10% ec50 60 pg/mL }
            precursor Q { increases W supply max 20% ec50 5 uM }
        `);
        const r = model.receptors[0];
        assert.deepEqual([r.ligand, value(r.kd), value(r.hill), value(r.density), r.effect], ['S', 0.003, 2, 0.8, 'inhibitory']);
        near(value(r.antagonists[0].ki), 0.0008);
        const level = model.modulators[0].level;
        assert.equal(level.kind, 'call');
        // Named arguments land in the fixed order mean, amplitude, peak, period.
        if (level.kind === 'call') assert.deepEqual(level.args.map(evaluate), [80e-9, 40e-9, 480, 1440]);
        const sources = model.effects.map(e => [e.source.kind, e.source.name, e.direction, e.target, e.property]);
        assert.deepEqual(sources, [
            ['modulator', 'M', 'increases', 'R', 'density'],
            ['receptor', 'R', 'decreases', 'E', 'activity'],
            ['species', 'Q', 'increases', 'W', 'supply']
        ]);
        const receptorEffect = model.effects[1];
        near(value(receptorEffect.ec50), 0.5);
        near(value(receptorEffect.hill), 3);
    });

    it('lowers parameters, functions, rules, rate rules, initial assignments and events', async () => {
        const model = await lower(`
            parameter k_cat = 0.3 /min
            function sat(x, k) = x / (k + x)
            precursor A { initial 2 uM }
            metabolite B
            reaction R { A -> B rate k_cat * sat(A, 2 uM) * 1 uM }
            rule Ratio = B / (A + 1 uM)
            rate of k_cat = 0.01 /min / 1 min
            initial A = 2 * k_cat * 1 min * 50 uM
            when A < 1 uM and not (B > 10 uM) { set A 5 uM  dose B 1 uM }
        `);
        near(value(model.parameters[0].value), 0.3);
        assert.deepEqual(model.functions[0].parameters, ['x', 'k']);
        assert.deepEqual(model.functions[0].body, { kind: 'binary', op: '/', left: { kind: 'name', name: 'x' }, right: { kind: 'binary', op: '+', left: { kind: 'name', name: 'k' }, right: { kind: 'name', name: 'x' } } });
        assert.equal(model.rules[0].name, 'Ratio');
        assert.equal(model.rateRules[0].target, 'k_cat');
        assert.equal(model.initialAssignments[0].target, 'A');
        assert.equal(model.initialAssignments[0].expression.kind, 'binary');
        const event = model.events[0];
        assert.equal(event.trigger.kind, 'when');
        assert.deepEqual(event.actions.map(a => a.kind), ['set', 'dose']);
        assert.deepEqual(event.actions[0], { kind: 'set', target: 'A', property: 'value', value: { kind: 'number', value: 5 } });
    });

    it('resolves scenario chains: extends, overrides, defaults and events in written order', async () => {
        const model = await lower(`
            precursor Trp { initial 50 uM supply 0.5 uM/min clearance 0.01 /min }
            enzyme TPH2 { converts Trp -> HT vmax 2 uM/min km 40 uM }
            transmitter HT { clearance 0.1 /min }
            modulator Cortisol { level 12 ug/dL }
            when HT > 10 uM { set Trp supply 0 uM/min }
            scenario Base {
                simulate 48 h
                observe HT, Cortisol.level
                expect HT at steady between 0.05 uM and 2000 nM
                expect HT at 24 h between 0 uM and 100 uM
            }
            scenario Stress extends Base {
                set Cortisol level 25 ug/dL
                at 12 h set Trp supply 0 uM/min
                at 24 h dose Trp 20 uM
                inhibit TPH2 50%
                expect HT at steady between 0 uM and 1 uM
            }
            scenario Drug extends Stress {
                simulate 10 h step 30 min
                inhibit TPH2 80%
                scale TPH2 activity 150%
            }
        `);
        // What a scenario inherits is named, not copied: each holds what it writes.
        assert.deepEqual(model.scenarios.map(s => [s.base, s.events.length]), [[undefined, 1], ['Base', 2], ['Stress', 0]]);
        const [base, stress, drug] = model.scenarios.map(s => resolveScenario(model, s));
        assert.deepEqual([base.duration, base.step], [2880, 2880 / 200]);
        assert.deepEqual(base.observe.map(o => [o.name, o.unit]), [['HT', 'uM'], ['Cortisol.level', 'g/L']]);
        assert.deepEqual(base.expects.map(e => [e.readings[0].at, e.low, e.high]), [['steady', 0.05, 2], [1440, 0, 100]]);
        assert.deepEqual(stress.lineage, ['Base', 'Stress']);
        assert.deepEqual(stress.expects.map(e => [e.readings[0].at, e.high]), [['steady', 1], [1440, 100]], 'a restated expect overrides the inherited one');
        assert.deepEqual(stress.events.map(e => e.trigger.kind === 'at' ? e.trigger.time : 'when'), ['when', 720, 1440]);
        assert.deepEqual(drug.lineage, ['Base', 'Stress', 'Drug']);
        assert.deepEqual([drug.duration, drug.step], [600, 30]);
        const inhibit = drug.actions.filter(a => a.kind === 'inhibit');
        assert.equal(inhibit.length, 1, 'a restated inhibit replaces the inherited one');
        if (inhibit[0].kind === 'inhibit') near(value(inhibit[0].fraction), 0.8);
        assert.ok(drug.actions.some(a => a.kind === 'scale' && value(a.factor) === 1.5));
        const setLevel = drug.actions.find(a => a.kind === 'set');
        assert.ok(setLevel && setLevel.kind === 'set' && Math.abs(value(setLevel.value) - 25e-5) < 1e-15);
        assert.equal(base.expects[0].source?.line, 10);
    });

    it('lowers cascades with relative and absolute perturbations', async () => {
        const model = await lower(`
            precursor Trp { supply 0.5 uM/min clearance 0.01 /min }
            modulator Cortisol { level 12 ug/dL }
            scenario Base { simulate 1 h }
            cascade Loading {
                from Base
                perturb Trp supply +50%
                perturb Trp clearance -20%
                perturb Cortisol level 20 ug/dL
                measure Trp, Cortisol.level
                at 24 h
            }
            cascade Steady { from Base perturb Trp supply +10% measure Trp }
        `);
        const [loading, steady] = model.cascades;
        assert.equal(loading.from, 'Base');
        assert.deepEqual(loading.perturbations.slice(0, 2).map(p => [p.target, p.property, p.change]), [
            ['Trp', 'supply', { kind: 'relative', fraction: 0.5 }],
            ['Trp', 'clearance', { kind: 'relative', fraction: -0.2 }]
        ]);
        const absolute = loading.perturbations[2];
        assert.deepEqual([absolute.target, absolute.property, absolute.change.kind], ['Cortisol', 'level', 'absolute']);
        if (absolute.change.kind === 'absolute') near(absolute.change.value, 20e-5);
        assert.deepEqual(loading.measure.map(m => m.name), ['Trp', 'Cortisol.level']);
        assert.equal(loading.at, 1440);
        assert.equal(steady.at, 'steady');
    });

    it('lowers scans: values in base units, the step count, log, two vary lines, the measuring point', async () => {
        const model = await lower(`
            precursor Trp { supply 0.5 uM/min clearance 0.01 /min }
            modulator Cortisol { level 12 ug/dL }
            enzyme E { converts Trp -> Nothing vmax 1 uM/min km 5 uM }
            metabolite Nothing { clearance 1 /min }
            scenario Base { simulate 1 h }
            scan Dose "cortisol" {
                from Base
                vary Cortisol level from 1 ug/dL to 40 ug/dL in 25 steps log
                vary E vmax from 0.5 uM/min to 2 uM/min in 4 steps
                measure Trp
                at 2 h
            }
        `);
        const [scan] = model.scans!;
        assert.deepEqual([scan.name, scan.title, scan.from, scan.at], ['Dose', 'cortisol', 'Base', 120]);
        const [cortisol, vmax] = scan.vary;
        assert.deepEqual([cortisol.target, cortisol.property, cortisol.count, cortisol.log], ['Cortisol', 'level', 25, true]);
        near(cortisol.from, 1e-5);
        near(cortisol.to, 40e-5);
        assert.deepEqual([vmax.target, vmax.property, vmax.from, vmax.to, vmax.count, vmax.log], ['E', 'vmax', 0.5, 2, 4, false]);
        assert.deepEqual(scan.measure.map(m => m.name), ['Trp']);
    });

    it('keeps the unit a scan\'s range was written in, through the molar mass, and its measured species\' units', async () => {
        const model = await lower(`
            modulator Cortisol { level 12 ug/dL }
            metabolite Mel { initial 80 pg/mL  molar_mass 232.28 g/mol  clearance 0.1 /min }
            precursor Ser { initial 500 nM  clearance 0.1 /min }
            scenario Base { simulate 1 h }
            scan Dose {
                from Base
                vary Cortisol level from 0 ug/dL to 40 ug/dL in 5 steps
                vary Mel initial from 10 pg/mL to 100 pg/mL in 3 steps
                measure Ser, Mel
            }
        `);
        const [cortisol, melatonin] = model.scans![0].vary;
        // 0 ug/dL has no scale to read: the unit is taken from 40 ug/dL = 4e-4 g/L, so 1 ug/dL is 1e-5 g/L.
        assert.equal(cortisol.display?.unit, 'ug/dL');
        near(cortisol.display!.scale, 1e-5);
        // 1 pg/mL of a 232.28 g/mol substance is 1e-9 g/L ÷ 232.28 g/mol, in µM ×1e6.
        assert.equal(melatonin.display?.unit, 'pg/mL');
        near(melatonin.display!.scale, 1e-9 / 232.28 * 1e6);
        assert.deepEqual(model.scans![0].measure.map(m => [m.name, m.display?.unit]), [['Ser', 'nM'], ['Mel', 'pg/mL']]);
    });

    it('merges imported declarations, each once, and keeps the implicit compartment', async () => {
        const model = await lowerFiles({
            'main.cascade': 'import "./a.cascade"\nimport "./b.cascade"\nprecursor Main { initial 1 uM }',
            'a.cascade': 'import "./shared.cascade"\nprecursor A',
            'b.cascade': 'import "./shared.cascade"\nprecursor B',
            'shared.cascade': 'cofactor BH4 { initial 1 uM fixed }'
        });
        assert.deepEqual(model.species.map(s => s.name).sort(), ['A', 'B', 'BH4', 'Main']);
        assert.deepEqual(model.compartments.map(c => c.name), ['default']);
        assert.ok(model.species.every(s => s.compartment === 'default'));
        assert.equal(model.name, 'main');
    });

    it('keeps numbers as written in a model with units unchecked', async () => {
        const model = await lower('model M "imported" units unchecked\ncompartment c { volume 2 }\nprecursor A in c { initial 3 }');
        assert.equal(model.unitsChecked, false);
        assert.deepEqual([value(model.compartments[0].volume), value(model.species[0].initial), model.species[0].unit], [2, 3, '1']);
    });
});
