/**
 * The model linearised at a steady state x*: the Jacobian over the states that can move,
 * each conserved moiety's balance replaced by its law (Σ c·x = T), factored once by sparse
 * LU. Solving with it gives d(x*)/dp = −A⁻¹·∂f/∂p at fixed totals (docs/analysis.md); the
 * reduced Jacobian Jᵣ = J·L (L the link matrix) carries the stability.
 */
import type { CompiledModel } from '../model/compiled-model.js';
import { SimulationError } from '../model/errors.js';
import { SparseLU } from '../solvers/linear/sparse-lu.js';
import type { SparsityPattern } from '../solvers/problem.js';
import { conservationLaws, constantStates, type ConservationLaw } from './conservation.js';

export interface SteadyLinearisation {
    /** The states that can move, in order; the system's unknowns. */
    readonly states: readonly number[];
    /** Position of each state among `states` (−1: constant). */
    readonly position: Int32Array;
    readonly laws: readonly ConservationLaw[];
    /** J at x*, as the model's Jacobian pattern orders it. */
    readonly jacobian: Float64Array;
    /**
     * Solves A·x = b in place, b over `states`: rows of dependent states hold the change of
     * their law's total (0 at fixed totals), the others a change of the right-hand side.
     */
    solve(b: Float64Array): void;
    /** The dense reduced Jacobian over the independent states (row-major) and those states. */
    reducedJacobian(): { independent: number[]; values: Float64Array };
}

/**
 * The matrix's structure: its pattern and, per entry, the Jacobian value it takes (index ≥ 0)
 * or a law's coefficient (stored as −1 − k into `coefficients`). Built once per model and set
 * of laws, so the sparse LU's symbolic analysis (cached by pattern) is done once too.
 */
interface Structure {
    states: number[];
    position: Int32Array;
    pattern: SparsityPattern;
    source: Int32Array;
    coefficients: Float64Array;
}

const structures = new WeakMap<CompiledModel, WeakMap<readonly ConservationLaw[], Structure>>();

function structureOf(m: CompiledModel, laws: readonly ConservationLaw[]): Structure {
    let byLaws = structures.get(m);
    if (!byLaws) structures.set(m, byLaws = new WeakMap());
    let known = byLaws.get(laws);
    if (known) return known;
    const constant = constantStates(m);
    const states = m.stateNames.flatMap((_, i) => (constant[i] ? [] : [i]));
    const position = new Int32Array(m.stateNames.length).fill(-1);
    states.forEach((s, k) => { position[s] = k; });
    const lawOf = new Map(laws.map(l => [l.dependent, l]));
    const { rowStart, colIndex } = m.jacobian.pattern;
    const starts = [0], columns: number[] = [], source: number[] = [], coefficients: number[] = [];
    for (const i of states) {
        const law = lawOf.get(i);
        const entries: [number, number][] = law
            ? [...law.coefficients].map(([j, c]) => [position[j], -1 - (coefficients.push(c) - 1)])
            : Array.from({ length: rowStart[i + 1] - rowStart[i] }, (_, k) => [position[colIndex[rowStart[i] + k]], rowStart[i] + k]);
        for (const [col, from] of entries.filter(([col]) => col >= 0).sort((a, b) => a[0] - b[0])) {
            columns.push(col);
            source.push(from);
        }
        starts.push(columns.length);
    }
    known = {
        states, position, source: Int32Array.from(source), coefficients: Float64Array.from(coefficients),
        pattern: { n: states.length, rowStart: Int32Array.from(starts), colIndex: Int32Array.from(columns) }
    };
    byLaws.set(laws, known);
    return known;
}

export function linearise(m: CompiledModel, y: Float64Array, t: number): SteadyLinearisation {
    const laws = conservationLaws(m);
    const { states, position, pattern, source, coefficients } = structureOf(m, laws);
    const jacobian = new Float64Array(m.jacobian.pattern.colIndex.length);
    m.jacobian.evaluate(t, y, jacobian);
    const values = Float64Array.from(source, from => (from >= 0 ? jacobian[from] : coefficients[-1 - from]));
    const lu = new SparseLU(pattern);
    if (!lu.factor(values, 0, 1)) {
        throw new SimulationError(
            'the Jacobian at the steady state is singular (beyond the conserved moieties): the steady state is not isolated, so its sensitivities are undefined',
            'singular');
    }
    return {
        states, position, laws, jacobian,
        solve: b => lu.solve(b, b),
        reducedJacobian: () => reducedJacobian(m, states, position, laws, jacobian)
    };
}

/** Jᵣ = J[independent, :]·L: x = L·xᵢ + const, a dependent state being T − Σ c·x over its law's others. */
function reducedJacobian(m: CompiledModel, states: readonly number[], position: Int32Array, laws: readonly ConservationLaw[], jacobian: Float64Array) {
    const dependent = new Set(laws.map(l => l.dependent));
    const independent = states.filter(s => !dependent.has(s));
    const column = new Int32Array(m.stateNames.length).fill(-1);
    independent.forEach((s, k) => { column[s] = k; });
    const r = independent.length;
    const values = new Float64Array(r * r);
    const lawOf = new Map(laws.map(l => [l.dependent, l]));
    const { rowStart, colIndex } = m.jacobian.pattern;
    independent.forEach((i, row) => {
        for (let p = rowStart[i]; p < rowStart[i + 1]; p++) {
            const j = colIndex[p];
            if (position[j] < 0) continue;
            const law = lawOf.get(j);
            if (!law) { values[row * r + column[j]] += jacobian[p]; continue; }
            for (const [k, c] of law.coefficients) if (k !== j) values[row * r + column[k]] -= c * jacobian[p];
        }
    });
    return { independent, values };
}
