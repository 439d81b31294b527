// The fit problem of `npm run bench:fit` and `npm run bench:calibration`: a 5-parameter fit to 50
// data points. The model: S → A → B → (cleared), two Michaelis–Menten enzymes and a first-order
// clearance; data: A and B every 4.8 min over 2 h (25 times each) from the true values with 5 %
// seeded noise; the fit (named F) starts from values 2–3× off, every estimate on a log scale.
import { simulateScenario } from '../out/src/index.js';

export const TRUTH = { v1: 2, k1: 40, v2: 1.5, k2: 5, c: 0.1 };
const START = { v1: 1, k1: 100, v2: 3, k2: 15, c: 0.05 };
const num = value => ({ kind: 'number', value });
const name = n => ({ kind: 'name', name: n });

function chain(p) {
    const species = (n, initial, clearance = 0) => ({ name: n, kind: 'intermediate', compartment: 'default', initial: num(initial), supply: num(0), clearance: num(clearance), fixed: false, tone: 'modulatory', unit: 'uM' });
    const enzyme = (n, from, to, vmax, km) => ({
        name: n, kind: 'enzyme', compartment: 'default', reactants: [{ species: from, coefficient: 1 }], products: [{ species: to, coefficient: 1 }],
        law: { type: 'saturable', vmax: num(vmax), substrates: [{ species: from, km: num(km) }], cofactors: [], inhibitors: [] }
    });
    return {
        name: 'Chain', unitsChecked: true, compartments: [{ name: 'default', volume: num(1) }],
        species: [species('S', 100), species('A', 0), species('B', 0, p.c)],
        processes: [enzyme('E1', 'S', 'A', p.v1, p.k1), enzyme('E2', 'A', 'B', p.v2, p.k2)],
        receptors: [], modulators: [], effects: [], parameters: [], functions: [], rules: [], rateRules: [], initialAssignments: [], events: [], cascades: [],
        scenarios: [{ name: 'Run', lineage: ['Run'], duration: 120, step: 4.8, observe: ['A', 'B'].map(n => ({ name: n, expression: name(n), unit: 'uM' })), expects: [], actions: [], events: [] }]
    };
}

let seed = 7;
const uniform = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
const gaussian = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
const truth = simulateScenario(chain(TRUTH), 'Run', { rtol: 1e-10, atol: 1e-12 });
export const measurements = truth.series.flatMap(s => truth.time.flatMap((time, k) => time > 0 ? [{
    scenario: 'Run', quantity: s.name, expression: name(s.name), unit: 'uM', time, value: s.values[k] * (1 + 0.05 * gaussian()), sd: 0.05 * s.values[k]
}] : []));
export const ir = { ...chain(START), datasets: [{ name: 'D', measurements }], fits: [{
    name: 'F', data: ['D'], includeExpects: 'none', residuals: 'normal',
    estimates: [['E1', 'vmax', 0.1, 10], ['E1', 'km', 1, 1000], ['E2', 'vmax', 0.1, 10], ['E2', 'km', 0.1, 100], ['B', 'clearance', 0.001, 1]]
        .map(([target, property, low, high]) => ({ target, property, low, high, log: true }))
}] };

