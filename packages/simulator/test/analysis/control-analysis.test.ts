import assert from 'node:assert/strict';
import { scenarioControlAnalysis } from '../../src/analysis/scenario-analysis.js';
import type { LabelledMatrix } from '../../src/analysis/control-analysis.js';
import { chainModel } from '../model/helpers/chain-model.js';
import { model } from '../model/helpers/ir-builder.js';
import { close } from '../model/helpers/numeric.js';

const at = (m: LabelledMatrix, row: string, column: string) => {
    const i = m.rows.indexOf(row), j = m.columns.indexOf(column);
    assert.ok(i >= 0 && j >= 0, `${row} / ${column}`);
    return m.values[i][j]!;
};

/** Σₖ Cᴶₖ = 1, Σₖ Cˣₖ = 0, Σₖ Cᴶₖ·εᵏₓ = 0 and Σₖ Cˣⁱₖ·εᵏₓⱼ = −δᵢⱼ, each to 1e-9. */
function assertTheorems(mca: ReturnType<typeof scenarioControlAnalysis>): void {
    const { fluxControl: cj, concentrationControl: cx, elasticities: e } = mca;
    assert.deepEqual(cj.columns, e.rows);
    for (const [r, row] of cj.values.entries()) close(row.reduce((s: number, c) => s + c!, 0), 1, 0, 1e-9, `summation ${cj.rows[r]}: `);
    for (const [r, row] of cx.values.entries()) close(row.reduce((s: number, c) => s + c!, 0), 0, 0, 1e-9, `summation ${cx.rows[r]}: `);
    e.columns.forEach((x, j) => {
        cj.values.forEach((row, r) => close(row.reduce((s: number, c, k) => s + c! * e.values[k][j]!, 0), 0, 0, 1e-9, `connectivity ${cj.rows[r]}, ${x}: `));
        cx.values.forEach((row, i) => close(row.reduce((s: number, c, k) => s + c! * e.values[k][j]!, 0), cx.rows[i] === x ? -1 : 0, 0, 1e-9,
            `connectivity ${cx.rows[i]}, ${x}: `));
    });
}

describe('metabolic control analysis', () => {
    it('linear two-step pathway X0 ⇌ S ⇌ X2, reversible first-order steps: Cᴶ₁ = k2/(k2 + k₋₁)', () => {
        const k1 = 2, km1 = 0.5, k2 = 1.5, km2 = 0.2, X0 = 3, X2 = 1;
        const ir = model().species('X0', { initial: X0, fixed: true }).species('S').species('X2', { initial: X2, fixed: true })
            .reaction('v1', 'X0 -> S', `${k1} * X0 - ${km1} * S`).reaction('v2', 'S -> X2', `${k2} * S - ${km2} * X2`)
            .scenario('Base', 1).build();
        const mca = scenarioControlAnalysis(ir);
        const S = (k1 * X0 + km2 * X2) / (km1 + k2), J = k1 * X0 - km1 * S;
        close(at(mca.fluxControl, 'v1', 'v1'), k2 / (k2 + km1), 1e-12);
        close(at(mca.fluxControl, 'v1', 'v2'), km1 / (k2 + km1), 1e-12);
        close(at(mca.fluxControl, 'v2', 'v1'), k2 / (k2 + km1), 1e-12);
        close(at(mca.concentrationControl, 'S', 'v1'), J / (S * (k2 + km1)), 1e-12);
        close(at(mca.concentrationControl, 'S', 'v2'), -J / (S * (k2 + km1)), 1e-12);
        close(at(mca.elasticities, 'v1', 'S'), -km1 * S / J, 1e-12);
        close(at(mca.elasticities, 'v2', 'S'), k2 * S / J, 1e-12);
        assertTheorems(mca);
    });

    it('branched pathway X0 ⇌ S → P1, S → P2: control of each branch in closed form', () => {
        const k1 = 2, km1 = 0.5, k2 = 1, k3 = 3, X0 = 4;
        const ir = model().species('X0', { initial: X0, fixed: true }).species('S').species('P1', { fixed: true }).species('P2', { fixed: true })
            .reaction('v1', 'X0 -> S', `${k1} * X0 - ${km1} * S`).reaction('v2', 'S -> P1', `${k2} * S`).reaction('v3', 'S -> P2', `${k3} * S`)
            .scenario('Base', 1).build();
        const mca = scenarioControlAnalysis(ir);
        const K = km1 + k2 + k3;
        close(at(mca.fluxControl, 'v2', 'v1'), (k2 + k3) / K, 1e-12);
        close(at(mca.fluxControl, 'v2', 'v2'), 1 - k2 / K, 1e-12);
        close(at(mca.fluxControl, 'v2', 'v3'), -k3 / K, 1e-12);
        close(at(mca.fluxControl, 'v3', 'v3'), 1 - k3 / K, 1e-12);
        close(at(mca.fluxControl, 'v1', 'v2'), k2 * km1 / (K * (k2 + k3)), 1e-12);
        assertTheorems(mca);
    });

    it('supply and clearance are steps too, so the theorems hold on a saturable chain with receptor feedback', () => {
        const mca = scenarioControlAnalysis(chainModel(20));
        assert.ok(mca.fluxControl.columns.includes('S0.supply'));
        assert.ok(mca.fluxControl.columns.includes('S19.clearance'));
        assertTheorems(mca);
    });
});
