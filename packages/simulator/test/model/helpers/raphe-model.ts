/** The serotonin model of docs/reference.md, as IR: every construct at once. */
import type { ModelIR } from '../../../src/ir.js';
import { ex } from './expression.js';
import { at, dose, inhibit, inhibitor, model, observe, scale, set, when } from './ir-builder.js';

export function rapheModel(): ModelIR {
    const b = model().compartment('cytosol', 1e-12).compartment('synapse', 1e-13);
    b.species('Tryptophan', { initial: 50, supply: 0.5, clearance: 0.01, in: 'cytosol' })
        .species('BH4', { initial: 1.2, fixed: true, in: 'cytosol' })
        .species('FiveHTP', { in: 'cytosol' })
        .species('Serotonin', { initial: 0.3, in: 'cytosol', tone: 'inhibitory' })
        .species('Serotonin_ves', { in: 'cytosol' })
        .species('Serotonin_syn', { initial: 0.01, in: 'synapse', clearance: 0.05 })
        .species('FiveHIAA', { in: 'cytosol', clearance: 0.02 })
        .species('Fluoxetine', { in: 'synapse', fixed: true })
        .species('CRH', { in: 'cytosol' })
        .parameter('k_cat', 0.3)
        .enzyme('TPH2', 'Tryptophan -> FiveHTP', {
            vmax: 2.4, km: [40], cofactors: [['BH4', 20]], ksi: 970,
            inhibitors: [inhibitor('Serotonin', 1000), inhibitor('Fluoxetine', 5, 'noncompetitive')]
        })
        .enzyme('AADC', 'FiveHTP -> Serotonin', { vmax: 'k_cat * 20', km: [15] })
        .transporter('VMAT2', 'Serotonin -> Serotonin_ves', 3500 / 60, 0.2)
        .release('Exocytosis', 'Serotonin_ves -> Serotonin_syn', 0.4)
        .transporter('SERT', 'Serotonin_syn -> Serotonin', 8000 / 60, 0.17, [inhibitor('Fluoxetine', 0.01)])
        .enzyme('MAOA', 'Serotonin -> FiveHIAA', { vmax: 1.5, km: [1.2] })
        .receptor('HT1A', 'Serotonin_syn', { kd: 0.003, effect: 'inhibitory' })
        .receptor('HT2A', 'Serotonin_syn', { kd: 0.05, hill: 1.3, effect: 'excitatory', density: 0.8 })
        .effect({ kind: 'receptor', name: 'HT1A' }, 'decreases', 'TPH2', 'activity', 0.4, 0.5)
        .modulator('Cortisol', 0.12)
        .effect({ kind: 'modulator', name: 'Cortisol' }, 'increases', 'TPH2', 'activity', 0.4, 0.2)
        .effect({ kind: 'modulator', name: 'Cortisol' }, 'decreases', 'HT1A', 'density', 0.3, 0.15, 2)
        .modulator('Estradiol', 'circadian(80, 40, 480, 1440)')
        .modulator('Stressor', 'pulse(0, 1, 120, 30)')
        .effect({ kind: 'species', name: 'CRH' }, 'increases', 'Tryptophan', 'clearance', 0.5, 0.2)
        .function('sat', ['x', 'k'], 'x / (k + x)')
        .rule('turnover', 'FiveHIAA / Serotonin')
        .rule('tone', 'sat(HT2A.activation, 0.5) * Estradiol.level / 80')
        .rateRule('CRH', '0.1 * Stressor.level - 0.05 * CRH')
        .initial('Tryptophan', '2 * k_cat * 50 + 0 * BH4');
    b.ir.events.push(when('Serotonin > 5', set('Tryptophan', 'supply', 0)));
    const expects = [
        { label: 'Serotonin', readings: [{ expression: ex('Serotonin'), at: 'steady' as const }], value: { kind: 'name' as const, name: '$0' }, low: 0.01, high: 10, unit: 'uM' },
        { label: 'balance', readings: [{ expression: ex('balance'), at: 1440 }], value: { kind: 'name' as const, name: '$0' }, low: 0, high: 100, unit: '1' }
    ];
    return b.scenario('Baseline', 2880, {
        step: 60, expects, events: b.ir.events,
        observe: ['Serotonin', 'Serotonin_syn', 'FiveHIAA', 'CRH'].map(n => observe(n))
            .concat([observe('HT1A.occupancy', '1'), observe('balance', '1'), observe('turnover', '1'), observe('tone', '1')])
    }).scenario('Stress', 2880, {
        step: 60, actions: [set('Cortisol', 'level', 0.25), scale('TPH2', 'activity', 1.5)],
        events: [...b.ir.events, at(720, set('Tryptophan', 'supply', 0)), at(1440, dose('Tryptophan', 20)), at(360, inhibit('MAOA', 0.5))],
        observe: [observe('Serotonin'), observe('Tryptophan')]
    }).cascade({
        name: 'TryptophanLoading', from: 'Baseline', at: 'steady',
        perturbations: [
            { target: 'Tryptophan', property: 'supply', change: { kind: 'relative', fraction: 0.5 }, label: '+50%' },
            { target: 'Cortisol', property: 'level', change: { kind: 'relative', fraction: 0.2 }, label: '+20%' },
            { target: 'SERT', property: 'ki', substrate: 'Fluoxetine', change: { kind: 'absolute', value: 0.02 }, label: '0.02 uM' }
        ],
        measure: [observe('Serotonin'), observe('FiveHIAA'), observe('HT1A.occupancy', '1'), observe('balance', '1')]
    }).build();
}
