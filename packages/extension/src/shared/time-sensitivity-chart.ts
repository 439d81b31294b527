/**
 * Time-course sensitivities as a time-course chart (docs/analysis.md, In the editor): one
 * panel, the scaled sensitivity (dY/Y)/(dp/p) of the chosen quantity over time, a line and a
 * colour per parameter; drawn, exported and written as CSV as the scenario charts are.
 */
import type { TimeCourseSensitivityResult } from '@neurocascade/language/protocol';
import { timeUnitFor, type ChartModel } from './chart-model.js';
import { parameterLabel } from './tornado-chart.js';

export function timeSensitivityChart(result: Omit<TimeCourseSensitivityResult, 'uri' | 'elapsedMs'>): ChartModel {
    const timeUnit = timeUnitFor(result.time.at(-1) ?? 0);
    const lines = result.parameters.map((parameter, colour) => {
        const label = parameterLabel(parameter);
        return {
            key: label, quantity: label, scenario: result.scenario, legend: label, colour,
            values: parameter.coefficients.map(r => (r === null || !Number.isFinite(r) ? null : r))
        };
    });
    return {
        timeUnit, times: result.time.map(t => t / timeUnit.minutes),
        panels: [{ key: 'sensitivity', title: `(∂Y/Y)/(∂p/p) of Y = ${result.quantity}`, unit: { label: '', factor: 1 }, lines }],
        legend: lines.map(line => ({ key: line.legend, label: line.quantity, colour: line.colour }))
    };
}

/** Which parameters are drawn and why, in a sentence. */
export function timeSensitivityChoice(result: Pick<TimeCourseSensitivityResult, 'chosenBy' | 'of' | 'parameters' | 'quantity' | 'scenario'>): string {
    const shown = result.parameters.length;
    switch (result.chosenBy) {
        case 'all': return `Every parameter of the model (${shown}).`;
        case 'steady': return `The ${shown} of ${result.of} parameters with the largest |response coefficient| of ${result.quantity} at the steady state of ${result.scenario}.`;
        case 'run': return `${result.scenario} has no steady state: the ${shown} of ${result.of} parameters with the largest |(∂Y/Y)/(∂p/p)| of ${result.quantity} over the run.`;
    }
}
