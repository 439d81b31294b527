/**
 * A fit run in the simulation worker (the editor's ▶ Fit; docs/analysis.md#fitting-in-the-editor):
 * the fit with its profile-likelihood intervals, every measurement against the fitted model, and
 * the fitted time courses the fit view draws the data against.
 */
import { analyseFit, fittedCurves, findFit, type CompiledModel, type RunOptions } from '@neurocascade/simulator';
import type { FitRunResult } from './simulation-protocol.js';

export function fitOutcome(model: CompiledModel, name: string, run: RunOptions): Omit<FitRunResult, 'uri' | 'elapsedMs'> {
    const { onProgress: _progress, ...options } = run;
    const fit = findFit(model.ir, name);
    // The fit and its profiles are the work and its progress; the curves are one run per scenario.
    const { result, profiles } = analyseFit(model, name, run);
    const curves = fittedCurves(model, result, options);
    const displays = new Map((model.ir.datasets ?? []).flatMap(d => d.measurements).map(x => [`${x.scenario}/${x.quantity}`, x.display]));
    return {
        fit: result.fit,
        title: fit.title,
        residualModel: result.residualModel,
        estimates: result.parameters.map((p, j) => ({
            name: p.name, property: p.property, ...(p.substrate && { substrate: p.substrate }), label: p.label,
            value: p.value, unit: p.unit, written: p.written, bounds: [p.low, p.high], atBound: p.atBound,
            interval: profiles[j].interval, closed: profiles[j].closed, identifiable: profiles[j].identifiable
        })),
        chi2: result.chi2, objective: result.objective, aic: result.aic, bic: result.bic, dataPoints: result.dataPoints,
        converged: result.converged, reason: result.reason,
        points: result.residuals.map(x => {
            const display = displays.get(`${x.scenario}/${x.quantity}`);
            return {
                scenario: x.scenario, quantity: x.quantity, time: x.time, value: x.value, sd: x.sd, fitted: x.fitted,
                residual: x.residual, unit: x.unit, ...(display && { display })
            };
        }),
        curves: curves.map(c => ({
            scenario: c.scenario, times: c.times,
            series: c.series.map(s => {
                const display = displays.get(`${c.scenario}/${s.name}`);
                return display ? { ...s, display } : s;
            })
        }))
    };
}
