/**
 * What the control view draws of a metabolic control analysis: the flux or concentration
 * control-coefficient matrix as a diverging heatmap, and the control coefficients of one
 * flux on the network's process nodes (docs/analysis.md, Metabolic control analysis).
 */
import type { SteadyAnalysisResult } from '@neurocascade/language/protocol';
import { divergingScale } from './colour-scale.js';
import type { HeatmapChart } from './heatmap-chart.js';

export type ControlMatrix = 'flux' | 'concentration';

export function controlHeatmap(result: SteadyAnalysisResult, matrix: ControlMatrix): HeatmapChart {
    const m = matrix === 'flux' ? result.control.fluxControl : result.control.concentrationControl;
    const symbol = matrix === 'flux' ? 'Cᴶ' : 'Cˣ';
    return {
        title: `${matrix === 'flux' ? 'Flux' : 'Concentration'} control coefficients at the steady state of ${result.scenario}`,
        rows: m.rows, columns: m.columns, values: m.values,
        rowAxis: matrix === 'flux' ? 'flux J (by step)' : 'species x',
        columnAxis: 'step k (its rate scaled)',
        scale: divergingScale(m.values.flat(), `control coefficient ${symbol}ₖ = (pₖ/${matrix === 'flux' ? 'J' : 'x'})·∂${matrix === 'flux' ? 'J' : 'x'}/∂pₖ`)
    };
}

/** The fluxes the network can be coloured by: the rows of the flux-control matrix. */
export function controlledFluxes(result: SteadyAnalysisResult): string[] {
    return result.control.fluxControl.rows;
}

/**
 * The flux's control coefficient of each step that is a node of the network (a process), on
 * one scale for the whole matrix, so switching the flux keeps colours comparable.
 */
export function fluxControlOnNetwork(result: SteadyAnalysisResult, flux: string): { values: Map<string, number>; limit: number } {
    const m = result.control.fluxControl;
    const row = m.rows.indexOf(flux);
    if (row < 0) throw new Error(`No flux '${flux}' in the control analysis.`);
    const nodes = new Set(result.network.nodes.map(n => n.id));
    const values = new Map<string, number>();
    m.columns.forEach((step, k) => {
        const value = m.values[row][k];
        if (nodes.has(step) && value !== null && Number.isFinite(value)) values.set(step, value);
    });
    return { values, limit: divergingScale(m.values.flat(), '').high };
}
