/**
 * The Fisher-information quick check (docs/analysis.md#identifiability): at the optimum,
 * F = JᵀJ over the optimiser's coordinates (log θ for log estimates). Its eigenvalues show
 * how many directions the data determine (the rank: eigenvalues above 1e-8 of the largest);
 * the covariance F⁻¹ gives standard errors and the correlations between estimates
 * (|ρ| > 0.95: a pair the data cannot tell apart).
 */
import type { ModelIR } from '../../ir.js';
import type { CompiledModel } from '../../model/compiled-model.js';
import { compiled } from '../../run/simulate.js';
import { FitObjective } from './fit-objective.js';
import { findFit, leastSquaresProblem, type FitResult } from './fit-model.js';
import { symmetricEigen } from './symmetric-eigen.js';

export interface FisherCheck {
    /** Eigenvalues of F, largest first, and their eigenvectors (columns, over the estimates). */
    eigenvalues: number[];
    eigenvectors: number[][];
    rank: number;
    /** Largest over smallest eigenvalue (∞ when F is singular). */
    condition: number;
    /** Standard error of each estimate in its optimiser coordinate (of ln θ for log estimates); null where F is singular. */
    standardErrors: (number | null)[];
    /** Pairs whose estimates correlate with |ρ| > 0.95. */
    correlated: { a: string; b: string; correlation: number }[];
}

const RANK_TOLERANCE = 1e-8;
const STRONG_CORRELATION = 0.95;

export function fisherInformation(model: ModelIR | CompiledModel, fitted: FitResult): FisherCheck {
    const m = compiled(model);
    const objective = new FitObjective(m, findFit(m.ir, fitted.fit));
    try {
        const u = objective.toCoordinates(fitted.parameters.map(p => p.value));
        const { jacobian } = leastSquaresProblem(objective, {}).evaluate(u);
        const k = u.length;
        // Only the data residuals carry information; the expects' penalties are constraints.
        const rows = jacobian.slice(0, objective.measurements.length);
        const F = Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, b) => rows.reduce((s, row) => s + row[a] * row[b], 0)));
        const { values, vectors } = symmetricEigen(F);
        const largest = Math.max(values[0], 0);
        const rank = values.filter(v => v > RANK_TOLERANCE * largest).length;
        // Covariance from the eigen-decomposition: F⁻¹ = V·diag(1/λ)·Vᵀ (defined when F has full rank).
        const covariance = rank === k ? F.map((_, a) => F.map((__, b) => values.reduce((s, l, q) => s + (vectors[a][q] * vectors[b][q]) / l, 0))) : undefined;
        const labels = objective.estimates.map(e => e.label);
        const correlated: FisherCheck['correlated'] = [];
        if (covariance) {
            for (let a = 0; a < k; a++) {
                for (let b = a + 1; b < k; b++) {
                    const rho = covariance[a][b] / Math.sqrt(covariance[a][a] * covariance[b][b]);
                    if (Math.abs(rho) > STRONG_CORRELATION) correlated.push({ a: labels[a], b: labels[b], correlation: rho });
                }
            }
        }
        return {
            eigenvalues: values, eigenvectors: vectors, rank,
            condition: rank === k && values[k - 1] > 0 ? values[0] / values[k - 1] : Infinity,
            standardErrors: labels.map((_, a) => (covariance ? Math.sqrt(covariance[a][a]) : null)),
            correlated
        };
    } finally {
        objective.restore();
    }
}
