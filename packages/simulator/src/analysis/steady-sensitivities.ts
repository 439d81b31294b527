/**
 * Exact steady-state sensitivities: at f(x*, p) = 0, d(x*)/dp = −J⁻¹·∂f/∂p (one LU of the
 * linearisation, one back-substitution per parameter), and for a reported quantity
 * Y(x, p): dY/dp = ∂Y/∂x·d(x*)/dp + ∂Y/∂p. Every derivative is the symbolic one the compiled
 * model generates; no step size is involved (docs/analysis.md). With more parameters than
 * rows of ∂f/∂p that are non-zero, A⁻¹ is applied to those rows' unit vectors instead.
 */
import type { CompiledModel } from '../model/compiled-model.js';
import type { AnalysisParameter } from './analysis-parameters.js';
import type { AnalysisQuantity } from './analysis-quantities.js';
import { linearise, type SteadyLinearisation } from './steady-linearisation.js';

export interface SensitivityProblem {
    model: CompiledModel;
    /** A steady state of the model with its current slots, and its time. */
    state: Float64Array;
    time: number;
    quantities: readonly AnalysisQuantity[];
    parameters: readonly AnalysisParameter[];
    /** Reused when the caller has linearised already. */
    linearisation?: SteadyLinearisation;
}

export interface SensitivityResult {
    /** Each quantity's value at the steady state. */
    values: Float64Array;
    /** unscaled[i][j] = dYᵢ/dpⱼ; the rows are views of one quantities × parameters array. */
    unscaled: Float64Array[];
    /** (dYᵢ/Yᵢ)/(dpⱼ/pⱼ); NaN where Yᵢ = 0 or the value is not finite (reported as null). */
    scaled: Float64Array[];
    linearisation: SteadyLinearisation;
}

/**
 * The columns of a sparse matrix (given by rows) that `slots` names, one per requested
 * parameter in order, compressed: column j holds entries start[j]…start[j + 1] of
 * (row, at), `at` indexing the matrix's values. Rows failing `keep` are left out.
 */
function parameterColumns(pattern: { n: number; rowStart: Int32Array; colIndex: Int32Array }, slots: readonly number[], keep: (row: number) => boolean) {
    const bySlot = new Map<number, number[]>();
    slots.forEach(slot => bySlot.set(slot, []));
    for (let i = 0; i < pattern.n; i++) {
        if (!keep(i)) continue;
        for (let p = pattern.rowStart[i]; p < pattern.rowStart[i + 1]; p++) bySlot.get(pattern.colIndex[p])?.push(i, p);
    }
    const start = new Int32Array(slots.length + 1);
    slots.forEach((slot, j) => { start[j + 1] = start[j] + bySlot.get(slot)!.length / 2; });
    const row = new Int32Array(start[slots.length]), at = new Int32Array(start[slots.length]);
    slots.forEach((slot, j) => {
        const pairs = bySlot.get(slot)!;
        for (let k = 0; k < pairs.length; k += 2) { row[start[j] + k / 2] = pairs[k]; at[start[j] + k / 2] = pairs[k + 1]; }
    });
    return { start, row, at };
}

/**
 * What the initial values (which may be written with parameters) fix for good: each conserved
 * total, Σ c·x₀ over its law, and each constant state (a `fixed` species keeps its initial
 * value unless an action set it since). Per parameter: the (dependent state, change of its
 * total) pairs, and the (constant state, ∂x/∂p) pairs.
 */
function initialValueChanges(m: CompiledModel, lin: SteadyLinearisation, y: Float64Array, slots: readonly number[]): { totals: [number, number][][]; constants: [number, number][][] } {
    const totals = slots.map((): [number, number][] => []);
    const constants = slots.map((): [number, number][] => []);
    const hasConstants = lin.states.length < m.stateNames.length;
    if (lin.laws.length === 0 && !hasConstants) return { totals, constants };
    const initial = m.derivatives(m.system.initialValues, 'p');
    const values = new Float64Array(initial.pattern.colIndex.length);
    initial.evaluate(0, y, values);
    const { rowStart, colIndex } = initial.pattern;
    const columns = new Map<number, number[]>();
    slots.forEach((slot, j) => columns.set(slot, [...(columns.get(slot) ?? []), j]));
    for (const law of lin.laws) {
        const total = new Map<number, number>();
        for (const [k, c] of law.coefficients) {
            for (let q = rowStart[k]; q < rowStart[k + 1]; q++) {
                if (columns.has(colIndex[q])) total.set(colIndex[q], (total.get(colIndex[q]) ?? 0) + c * values[q]);
            }
        }
        for (const [slot, change] of total) if (change !== 0) columns.get(slot)!.forEach(j => totals[j].push([law.dependent, change]));
    }
    if (hasConstants) {
        const x0 = new Float64Array(m.stateNames.length);
        m.initialValues(y, x0);
        lin.position.forEach((at, k) => {
            // A constant state (no unknown) an action has set since the start no longer follows its initial value.
            if (at >= 0 || !(Math.abs(y[k] - x0[k]) <= 1e-12 * Math.abs(x0[k]))) return;
            for (let q = rowStart[k]; q < rowStart[k + 1]; q++) {
                if (values[q] !== 0) columns.get(colIndex[q])?.forEach(j => constants[j].push([k, values[q]]));
            }
        });
    }
    return { totals, constants };
}

/** A constant state's change moves the right-hand side of every row that reads it: −J[i, k]·∂xₖ/∂p, added to the totals' pairs. */
function withConstantStates(m: CompiledModel, lin: SteadyLinearisation, keep: (row: number) => boolean, changes: ReturnType<typeof initialValueChanges>): [number, number][][] {
    const { rowStart, colIndex } = m.jacobian.pattern;
    return changes.totals.map((pairs, j) => {
        if (changes.constants[j].length === 0) return pairs;
        const moved = new Map(changes.constants[j]);
        const extra: [number, number][] = [];
        for (let i = 0; i < m.stateNames.length; i++) {
            if (!keep(i)) continue;
            for (let p = rowStart[i]; p < rowStart[i + 1]; p++) {
                const dk = moved.get(colIndex[p]);
                if (dk !== undefined && lin.jacobian[p] !== 0) extra.push([i, -lin.jacobian[p] * dk]);
            }
        }
        return [...pairs, ...extra];
    });
}

/** The right-hand sides b of A·(dx/dpⱼ) = bⱼ, compressed by parameter: −∂f/∂p's entries, then the totals' changes. */
function rightHandSides(F: ReturnType<typeof parameterColumns>, weightOf: (at: number) => number, totals: readonly [number, number][][]) {
    const start = new Int32Array(F.start.length);
    const row: number[] = [], weight: number[] = [];
    for (let j = 0; j + 1 < F.start.length; j++) {
        for (let e = F.start[j]; e < F.start[j + 1]; e++) { row.push(F.row[e]); weight.push(weightOf(F.at[e])); }
        for (const [dependent, change] of totals[j]) { row.push(dependent); weight.push(change); }
        start[j + 1] = row.length;
    }
    return { start, row: Int32Array.from(row), weight: Float64Array.from(weight) };
}

/** Rows of one row-major matrix as views (no copy). */
function rowViews(data: Float64Array, rows: number, columns: number): Float64Array[] {
    return Array.from({ length: rows }, (_, i) => data.subarray(i * columns, (i + 1) * columns));
}

/** (dY/Y)/(dp/p) from dY/dp; NaN where it is undefined (Y = 0, or not finite). */
export function scaledCoefficient(derivative: number, parameter: number, quantity: number): number {
    const c = derivative * parameter / quantity;
    return quantity !== 0 && Number.isFinite(c) ? c : NaN;
}

/** A row of coefficients for JSON: NaN (undefined) becomes null. */
export function reported(row: ArrayLike<number>): (number | null)[] {
    return Array.from(row, c => (Number.isNaN(c) ? null : c));
}

export function steadySensitivities(problem: SensitivityProblem): SensitivityResult {
    const { model: m, state: y, time: t, quantities, parameters } = problem;
    const lin = problem.linearisation ?? linearise(m, y, t);
    const slots = parameters.map(p => p.slot);
    const dependent = new Set(lin.laws.map(l => l.dependent));
    const { position } = lin;
    const r = lin.states.length, P = parameters.length, Q = quantities.length;

    const fp = m.derivatives(m.system.derivatives, 'p');
    const fpValues = new Float64Array(fp.pattern.colIndex.length);
    fp.evaluate(t, y, fpValues);
    // A dependent state's row is its law (fixed total), a constant state's no unknown at all.
    const free = (row: number) => position[row] >= 0 && !dependent.has(row);
    const initial = initialValueChanges(m, lin, y, slots);
    const F = rightHandSides(parameterColumns(fp.pattern, slots, free), at => -fpValues[at], withConstantStates(m, lin, free, initial));

    const terms = quantities.map(q => q.term);
    const values = new Float64Array(Q);
    m.program(terms)(t, y, values);
    const qx = m.derivatives(terms, 'y');
    const qxValues = new Float64Array(qx.pattern.colIndex.length);
    qx.evaluate(t, y, qxValues);
    const qp = m.derivatives(terms, 'p');
    const qpValues = new Float64Array(qp.pattern.colIndex.length);
    qp.evaluate(t, y, qpValues);
    // ∂Yᵢ/∂x over the unknowns: entry p multiplies unknown `unknown[p]` (−1: a constant state).
    const { rowStart } = qx.pattern;
    const unknown = Int32Array.from(qx.pattern.colIndex, k => position[k]);
    const along = (i: number, v: Float64Array) => {
        let d = 0;
        for (let p = rowStart[i]; p < rowStart[i + 1]; p++) if (unknown[p] >= 0) d += qxValues[p] * v[unknown[p]];
        return d;
    };

    // One row-major quantities × parameters matrix each: 5 million coefficients stay one array.
    const unscaled = new Float64Array(Q * P), scaled = new Float64Array(Q * P);
    // Row by row while it is in cache: add ∂Yᵢ/∂p, then scale.
    const columnsOf = new Map<number, number[]>();
    slots.forEach((slot, j) => columnsOf.set(slot, [...(columnsOf.get(slot) ?? []), j]));
    const parameterValues = Float64Array.from(parameters, p => p.value);
    const constantChanges = new Map<number, [number, number][]>();
    initial.constants.forEach((pairs, j) => pairs.forEach(([k, dk]) => constantChanges.set(k, [...(constantChanges.get(k) ?? []), [j, dk]])));
    const finishRow = (i: number) => {
        const out = i * P, quantity = values[i];
        for (let q = qp.pattern.rowStart[i]; q < qp.pattern.rowStart[i + 1]; q++) {
            for (const j of columnsOf.get(qp.pattern.colIndex[q]) ?? []) unscaled[out + j] += qpValues[q];
        }
        // A quantity reading a constant state directly (the state itself, a ratio with it).
        for (let q = rowStart[i]; q < rowStart[i + 1]; q++) {
            if (unknown[q] >= 0) continue;
            for (const [j, dk] of constantChanges.get(qx.pattern.colIndex[q]) ?? []) unscaled[out + j] += qxValues[q] * dk;
        }
        for (let j = 0; j < P; j++) scaled[out + j] = scaledCoefficient(unscaled[out + j], parameterValues[j], quantity);
    };
    const b = new Float64Array(r);
    const touched = [...new Set(F.row)];
    if (touched.length < P) {
        // More parameters than rows they touch: Z = ∂Y/∂x·A⁻¹ on those rows' unit vectors,
        // one solve per row; each parameter's column is then −Z·(∂f/∂p)ⱼ.
        const R = touched.length;
        const column = new Int32Array(m.stateNames.length);
        touched.forEach((row, k) => { column[row] = k; });
        const Z = new Float64Array(Q * R);
        touched.forEach((row, k) => {
            b.fill(0);
            b[position[row]] = 1;
            lin.solve(b);
            for (let i = 0; i < Q; i++) Z[i * R + k] = along(i, b);
        });
        const from = Int32Array.from(F.row, row => column[row]);
        for (let i = 0; i < Q; i++) {
            const z = i * R, out = i * P;
            for (let j = 0; j < P; j++) {
                let d = 0;
                for (let e = F.start[j]; e < F.start[j + 1]; e++) d += F.weight[e] * Z[z + from[e]];
                unscaled[out + j] = d;
            }
            finishRow(i);
        }
    } else {
        for (let j = 0; j < P; j++) {
            b.fill(0);
            for (let e = F.start[j]; e < F.start[j + 1]; e++) b[position[F.row[e]]] += F.weight[e];
            lin.solve(b);
            for (let i = 0; i < Q; i++) unscaled[i * P + j] = along(i, b);
        }
        for (let i = 0; i < Q; i++) finishRow(i);
    }
    return { values, unscaled: rowViews(unscaled, Q, P), scaled: rowViews(scaled, Q, P), linearisation: lin };
}
