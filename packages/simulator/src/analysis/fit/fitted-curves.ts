/**
 * The fitted model's time courses, for drawing a fit against its data (docs/analysis.md#fitting-in-the-editor):
 * every scenario the data measure at times, run with the fitted values from 0 to its last
 * measurement time, observing the quantities measured in it.
 */
import type { ModelIR, Observable } from '../../ir.js';
import type { CompiledModel } from '../../model/compiled-model.js';
import type { RunOptions } from '../../run/run-options.js';
import { compiled, runScenario } from '../../run/simulate.js';
import { FitObjective, withScenarioChanged } from './fit-objective.js';
import { findFit, type FitResult } from './fit-model.js';

export interface FittedCurve {
    scenario: string;
    /** Minutes. */
    times: number[];
    /** One per measured quantity, in base units, in the order the data first name them. */
    series: { name: string; unit: string; values: number[] }[];
}

/** Output points per curve. */
const CURVE_POINTS = 200;

export function fittedCurves(model: ModelIR | CompiledModel, fitted: FitResult, options: RunOptions = {}): FittedCurve[] {
    const m = compiled(model);
    const objective = new FitObjective(m, findFit(m.ir, fitted.fit));
    try {
        objective.useValues(fitted.parameters.map(p => p.value));
        const timed = objective.measurements.filter(x => x.time !== 'steady');
        return [...new Set(timed.map(x => x.scenario))].map(scenario => {
            const measured = timed.filter(x => x.scenario === scenario);
            const observe = [...new Map(measured.map(x => [x.quantity, { name: x.quantity, expression: x.expression, unit: x.unit } satisfies Observable])).values()];
            const duration = Math.max(...measured.map(x => x.time as number));
            const run = runScenario(withScenarioChanged(m, scenario, { duration, step: duration / CURVE_POINTS, observe }), scenario, options);
            return { scenario, times: run.result.time, series: run.result.series.slice(0, observe.length) };
        });
    } finally {
        objective.restore();
    }
}
