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
    /** unscaled[i][j] = dYᵢ/dpⱼ. */
    unscaled: Float64Array[];
    /** (dYᵢ/Yᵢ)/(dpⱼ/pⱼ); NaN where Yᵢ = 0 or the value is not finite (reported as null). */
    scaled: Float64Array[];
    linearisation: SteadyLinearisation;
}

/** A sparse matrix's entries grouped by column, for the columns asked for. */
function byColumn(pattern: { n: number; rowStart: Int32Array; colIndex: Int32Array }, wanted: ReadonlySet<number>) {
    const columns = new Map<number, { row: number; at: number }[]>();
    for (let i = 0; i < pattern.n; i++) {
        for (let p = pattern.rowStart[i]; p < pattern.rowStart[i + 1]; p++) {
            const c = pattern.colIndex[p];
            if (!wanted.has(c)) continue;
            let list = columns.get(c);
            if (!list) columns.set(c, list = []);
            list.push({ row: i, at: p });
        }
    }
    return columns;
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
    const n = m.stateNames.length;
    const slots = new Set(parameters.map(p => p.slot));
    const dependent = new Set(lin.laws.map(l => l.dependent));

    const fp = m.derivatives(m.system.derivatives, 'p');
    const fpValues = new Float64Array(fp.pattern.colIndex.length);
    fp.evaluate(t, y, fpValues);
    const fpColumns = byColumn(fp.pattern, slots);

    const terms = quantities.map(q => q.term);
    const values = new Float64Array(terms.length);
    m.program(terms)(t, y, values);
    const qx = m.derivatives(terms, 'y');
    const qxValues = new Float64Array(qx.pattern.colIndex.length);
    qx.evaluate(t, y, qxValues);
    const qp = m.derivatives(terms, 'p');
    const qpValues = new Float64Array(qp.pattern.colIndex.length);
    qp.evaluate(t, y, qpValues);
    const qpColumns = byColumn(qp.pattern, slots);

    const unscaled = terms.map(() => new Float64Array(parameters.length));
    const b = new Float64Array(lin.states.length);
    const dx = new Float64Array(n);
    const states = Int32Array.from(lin.states);
    const { rowStart, colIndex } = qx.pattern;
    const touched = (slot: number) => (fpColumns.get(slot) ?? []).filter(({ row }) => lin.position[row] >= 0 && !dependent.has(row));
    // More parameters than rows they touch: solve once per touched row (A⁻¹·eᵣ) and combine
    // those columns per parameter, instead of one solve per parameter.
    const rows = [...new Set(parameters.flatMap(p => touched(p.slot).map(e => e.row)))];
    const unit = new Map<number, Float64Array>();
    if (rows.length < parameters.length) {
        for (const row of rows) {
            const column = new Float64Array(states.length);
            column[lin.position[row]] = 1;
            lin.solve(column);
            unit.set(row, column);
        }
    }
    for (let j = 0; j < parameters.length; j++) {
        const entries = touched(parameters[j].slot);
        b.fill(0);
        if (unit.size > 0) {
            for (const { row, at } of entries) {
                const column = unit.get(row)!, f = fpValues[at];
                for (let k = 0; k < b.length; k++) b[k] -= f * column[k];
            }
        } else {
            for (const { row, at } of entries) b[lin.position[row]] = -fpValues[at];
            lin.solve(b);
        }
        for (let k = 0; k < states.length; k++) dx[states[k]] = b[k];
        for (let i = 0; i < terms.length; i++) {
            let d = 0;
            for (let p = rowStart[i]; p < rowStart[i + 1]; p++) d += qxValues[p] * dx[colIndex[p]];
            unscaled[i][j] = d;
        }
        for (const { row, at } of qpColumns.get(parameters[j].slot) ?? []) unscaled[row][j] += qpValues[at];
    }
    const scaled = unscaled.map((row, i) => {
        const out = new Float64Array(row.length);
        for (let j = 0; j < row.length; j++) out[j] = scaledCoefficient(row[j], parameters[j].value, values[i]);
        return out;
    });
    return { values, unscaled, scaled, linearisation: lin };
}
