/**
 * Metabolic control analysis at a steady state. The steps are the processes (enzymes,
 * transporters, releases, reactions) and each species' own supply and clearance where
 * they are non-zero; each step's rate is proportional to its parameter (a process's
 * `activity`, the supply, the clearance), so its control coefficients are the response
 * coefficients to that parameter: Cᴶₖ = (pₖ/J)·dJ/dpₖ, Cˣₖ = (pₖ/x)·dx/dpₖ. Elasticities
 * εᵛₓ = (x/v)·∂v/∂x at fixed everything else (docs/analysis.md).
 */
import type { CompiledModel } from '../model/compiled-model.js';
import type { Term } from '../model/terms.js';
import { activityParameters, exchangeParameters, type AnalysisParameter } from './analysis-parameters.js';
import type { AnalysisQuantity } from './analysis-quantities.js';
import { constantStates, type StatePoint } from './conservation.js';
import { reported, scaledCoefficient, steadySensitivities } from './steady-sensitivities.js';

export interface LabelledMatrix {
    rows: string[];
    columns: string[];
    /** null where a coefficient is undefined (a zero flux or concentration). */
    values: (number | null)[][];
}

export interface ControlAnalysis {
    elasticities: LabelledMatrix;
    fluxControl: LabelledMatrix;
    concentrationControl: LabelledMatrix;
}

interface Step {
    name: string;
    rate: Term;
    parameter: AnalysisParameter;
}

function steps(m: CompiledModel, at: StatePoint): Step[] {
    const out: Step[] = activityParameters(m, at).map((p, k) => ({ name: m.ir.processes[k].name, rate: m.system.fluxes[k], parameter: p }));
    for (const property of ['supply', 'clearance'] as const) {
        const parameters = exchangeParameters(m, property, at);
        m.system.exchanges.forEach((x, k) => {
            if (parameters[k].value !== 0) out.push({ name: `${x.species}.${property}`, rate: x[property], parameter: parameters[k] });
        });
    }
    return out;
}

export function controlAnalysis(m: CompiledModel, state: Float64Array, time: number): ControlAnalysis {
    const all = steps(m, { state, time });
    const constant = constantStates(m);
    const species = m.ir.species.flatMap((s, i) => (constant[i] ? [] : [{ name: s.name, unit: s.unit, index: i }]));
    const quantities: AnalysisQuantity[] = [
        ...all.map(s => ({ name: s.name, unit: '', term: s.rate })),
        ...species.map(s => ({ name: s.name, unit: s.unit, term: m.resolve({ kind: 'name', name: s.name }) }))
    ];
    const result = steadySensitivities({ model: m, state, time, quantities, parameters: all.map(s => s.parameter) });
    const names = all.map(s => s.name);
    const rates = result.values.subarray(0, all.length);
    const elastic = m.derivatives(all.map(s => s.rate), 'y');
    const partial = new Float64Array(elastic.pattern.colIndex.length);
    elastic.evaluate(time, state, partial);
    const elasticities = all.map(() => new Float64Array(species.length));
    const column = new Map(species.map((s, k) => [s.index, k]));
    for (let i = 0; i < all.length; i++) {
        for (let p = elastic.pattern.rowStart[i]; p < elastic.pattern.rowStart[i + 1]; p++) {
            const k = column.get(elastic.pattern.colIndex[p]);
            if (k !== undefined) elasticities[i][k] = scaledCoefficient(partial[p], state[species[k].index], rates[i]);
        }
    }
    return {
        elasticities: { rows: names, columns: species.map(s => s.name), values: elasticities.map(reported) },
        fluxControl: { rows: names, columns: names, values: result.scaled.slice(0, all.length).map(reported) },
        concentrationControl: { rows: species.map(s => s.name), columns: names, values: result.scaled.slice(all.length).map(reported) }
    };
}
