import type { ModelIR } from '../../../src/ir.js';
import { model, observe } from './ir-builder.js';

/** A chain S0 → … → S(n−1) of enzymes and fast vesicle exchange, with receptor feedback every 10 species. */
export function chainModel(n: number): ModelIR {
    const b = model();
    for (let i = 0; i < n; i++) b.species(`S${i}`, { initial: 1, supply: i === 0 ? 1 : 0, clearance: i === n - 1 ? 0.1 : 0.001 });
    for (let i = 0; i + 1 < n; i++) {
        if (i % 3 === 2) b.reaction(`X${i}`, `S${i} -> S${i + 1}`, `600 * S${i} - 300 * S${i + 1}`);
        else b.enzyme(`E${i}`, `S${i} -> S${i + 1}`, { vmax: 2 + (i % 5), km: [1 + (i % 7)] });
    }
    for (let i = 5; i + 1 < n; i += 10) {
        if (i % 3 === 2) continue;
        b.receptor(`R${i}`, `S${i}`, { kd: 0.5 });
        b.effect({ kind: 'receptor', name: `R${i}` }, 'decreases', `E${i - 5 - ((i - 5) % 3 === 2 ? 1 : 0)}`, 'activity', 0.4, 0.5);
    }
    return b.scenario('Day', 1440, { step: 10, observe: [observe(`S${n - 1}`)] }).build();
}
