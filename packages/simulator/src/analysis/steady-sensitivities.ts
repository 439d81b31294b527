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
 * How each parameter moves each conserved total, Σ c·∂x₀/∂p over its law: a law's total is
 * fixed by the initial values (which may be written with parameters), so an initial value
 * moves a steady state only through it. Per parameter, (dependent state, change) pairs.
 */
function totalChanges(m: CompiledModel, lin: SteadyLinearisation, y: Float64Array, slots: readonly number[]): [number, number][][] {
    const changes = slots.map((): [number, number][] => []);
    if (lin.laws.length === 0) return changes;
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
        for (const [slot, change] of total) if (change !== 0) columns.get(slot)!.forEach(j => changes[j].push([law.dependent, change]));
    }
    return changes;
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
    const F = rightHandSides(parameterColumns(fp.pattern, slots, row => position[row] >= 0 && !dependent.has(row)),
        at => -fpValues[at], totalChanges(m, lin, y, slots));

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
    const finishRow = (i: number) => {
        const out = i * P, quantity = values[i];
        for (let q = qp.pattern.rowStart[i]; q < qp.pattern.rowStart[i + 1]; q++) {
            for (const j of columnsOf.get(qp.pattern.colIndex[q]) ?? []) unscaled[out + j] += qpValues[q];
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
            for (let e = F.start[j]; e < F.start[j + 1]; e++) b[position[F.row[e]]] = F.weight[e];
            lin.solve(b);
            for (let i = 0; i < Q; i++) unscaled[i * P + j] = along(i, b);
        }
        for (let i = 0; i < Q; i++) finishRow(i);
    }
    return { values, unscaled: rowViews(unscaled, Q, P), scaled: rowViews(scaled, Q, P), linearisation: lin };
}
