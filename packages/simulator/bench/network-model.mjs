// The chain network of chain-network.mjs written as a Cascade model (ModelIR), so that it goes
// through the model compiler like a user's file, with n species exactly (the last unit may
// lack its vesicular and extracellular pools). Unit u: an enzyme converts C_u into C_{u+1},
// VMAT-like uptake C_u → V_u and leak V_u → C_u, release V_u → E_u, reuptake E_u → C_u, and
// an inhibitory autoreceptor on E_u that lowers the unit's enzyme activity by up to 30 %.
// Stiff: the vesicle exchange of chain-network.mjs (600/min against hours), over 24 h.
// Non-stiff: every rate within a factor of ten of 0.1/min and an hourly supply rhythm, over 4 h.
import { parameters as stiffParameters } from './chain-network.mjs';

export const NETWORKS = {
    stiff: { parameters: stiffParameters, period: 1440, duration: 1440, step: 10 },
    'non-stiff': {
        parameters: { s0: 0.5, Vsyn: 2, Ksyn: 5, kin: 0.3, kout: 0.1, krel: 0.2, Vup: 1, Kup: 2, kclr: 0.05, kdeg: 0.005 },
        period: 60, duration: 240, step: 2
    }
};

const number = value => ({ kind: 'number', value });
const ZERO = number(0);
const POOLS = [
    { prefix: 'C', compartment: 'cytosol', initial: 0.5 },
    { prefix: 'V', compartment: 'vesicles', initial: 5 },
    { prefix: 'E', compartment: 'synapse', initial: 0.1 }
];

function transfer(name, kind, from, to, compartment, law) {
    return {
        name, kind, compartment, law,
        reactants: [{ species: from, coefficient: 1 }],
        products: to ? [{ species: to, coefficient: 1 }] : []
    };
}

const firstOrder = (rate, substrate) => ({ type: 'first-order', rate: number(rate), substrate, inhibitors: [] });

/** A network of `n` species; `kind` is a key of NETWORKS. */
export function networkModel(n, kind) {
    const { parameters: p, period, duration, step } = NETWORKS[kind];
    const exists = i => i < n;
    const name = i => `${POOLS[i % 3].prefix}${Math.floor(i / 3)}`;
    // S_0 = s0·(1 + 0.5·sin(2πt/period)), as chain-network.mjs: a cosine peaking at a quarter period.
    const rhythm = { kind: 'call', fn: 'circadian', args: [number(p.s0), number(p.s0 / 2), number(period / 4), number(period)] };
    const species = Array.from({ length: n }, (_, i) => ({
        name: name(i), kind: 'transmitter', compartment: POOLS[i % 3].compartment, initial: number(POOLS[i % 3].initial),
        supply: i === 0 ? rhythm : ZERO, clearance: number([p.kdeg, 0, p.kclr][i % 3]),
        fixed: false, tone: 'modulatory', unit: 'uM'
    }));
    const processes = [], receptors = [], effects = [];
    for (let c = 0; c < n; c += 3) {
        const u = c / 3, [C, V, E] = [c, c + 1, c + 2].map(i => (exists(i) ? name(i) : undefined));
        processes.push(transfer(`Conv${u}`, 'enzyme', C, exists(c + 3) ? name(c + 3) : undefined, 'cytosol', {
            type: 'saturable', vmax: number(p.Vsyn), substrates: [{ species: C, km: number(p.Ksyn) }], cofactors: [], inhibitors: []
        }));
        if (V) {
            processes.push(transfer(`Uptake${u}`, 'transporter', C, V, 'cytosol', firstOrder(p.kin, C)));
            processes.push(transfer(`Leak${u}`, 'transporter', V, C, 'vesicles', firstOrder(p.kout, V)));
        }
        if (E) {
            processes.push(transfer(`Release${u}`, 'release', V, E, 'vesicles', firstOrder(p.krel, V)));
            processes.push(transfer(`Reuptake${u}`, 'transporter', E, C, 'synapse',
                { type: 'saturable', vmax: number(p.Vup), substrates: [{ species: E, km: number(p.Kup) }], cofactors: [], inhibitors: [] }));
            receptors.push({ name: `Auto${u}`, ligand: E, kd: number(0.1), hill: number(1), density: number(1), effect: 'inhibitory', antagonists: [] });
            effects.push({
                source: { kind: 'receptor', name: `Auto${u}` }, direction: 'decreases', target: `Conv${u}`, property: 'activity',
                max: number(0.3), ec50: number(0.5), hill: number(1)
            });
        }
    }
    return {
        name: `${kind} network of ${n} species`, unitsChecked: true,
        compartments: POOLS.map(pool => ({ name: pool.compartment, volume: number(1) })),
        species, processes, receptors, modulators: [], effects, parameters: [], functions: [],
        rules: [], rateRules: [], initialAssignments: [], events: [], cascades: [],
        scenarios: [{ name: 'Run', lineage: ['Run'], duration, step, observe: [], expects: [], actions: [], events: [] }]
    };
}
