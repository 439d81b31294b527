import { applyFittedValues, fittedValueEdits } from '@neurocascade/language';
import {
    analyseFitOnPool, formatNumber, type FisherCheck, type FitResult, type ModelIR, type ParameterProfile
} from '@neurocascade/simulator';
import { oneOf, parseArguments, wholeNumber } from '../arguments.js';
import { writeFileAtomically } from '../files.js';
import { UsageError } from '../usage.js';
import { displayFor, inDisplay, UNITS_ARGUMENT, unitsChoice, type UnitsChoice } from '../simulation/display.js';
import { loadCheckedModel, requireDeclared } from '../simulation/load-model.js';
import { emit } from '../simulation/output.js';
import { progressBar } from '../simulation/progress.js';
import { SOLVER_ARGUMENTS, solverRunOptions, workerCount, WORKERS_ARGUMENT } from '../simulation/run-options.js';
import { renderTable } from '../simulation/table.js';
import { defaultFormat } from './sensitivity.js';

const FORMATS = ['table', 'json'] as const;

/**
 * The issue's fixed JSON form — `fit`, `parameters` (`name`, `property`, `value`, `unit`, `interval`:
 * the 95 % profile-likelihood interval), `objective`, `aic`, `residuals` (`scenario`, `quantity`,
 * `time`, `value`, `fitted`) — in base units, with the rest of the analysis beside it; the one
 * text of `cascade fit --format json` and of a fit's `cascade sweep merge`.
 */
export function fitJson(r: FitResult, profiles: ParameterProfile[], fisher: FisherCheck): string {
    return JSON.stringify({
        fit: r.fit,
        parameters: r.parameters.map((p, j) => ({
            name: p.name, property: p.property, ...(p.substrate && { substrate: p.substrate }), value: p.value, unit: p.unit,
            interval: profiles[j].interval, identifiable: profiles[j].identifiable, closed: profiles[j].closed,
            bounds: [p.low, p.high], log: p.log, written: p.written, atBound: p.atBound, standardError: fisher.standardErrors[j]
        })),
        objective: r.objective,
        aic: r.aic,
        bic: r.bic,
        chi2: r.chi2,
        dataPoints: r.dataPoints,
        residualModel: r.residualModel,
        converged: r.converged,
        residuals: r.residuals.map(x => ({ scenario: x.scenario, quantity: x.quantity, time: x.time, value: x.value, fitted: x.fitted, sd: x.sd, unit: x.unit, residual: x.residual, data: x.dataset })),
        expects: r.expects,
        fisher: { eigenvalues: fisher.eigenvalues, rank: fisher.rank, condition: fisher.condition === Infinity ? null : fisher.condition, correlated: fisher.correlated },
        profiles: profiles.map(p => ({ parameter: p.label, values: p.values, rise: p.rise })),
        starts: r.starts
    }, null, 2) + '\n';
}

function tableReport(model: ModelIR, r: FitResult, profiles: ParameterProfile[], fisher: FisherCheck, units: UnitsChoice): string {
    const parameterRows = r.parameters.map((p, j) => {
        const display = displayFor(p, [p.value, ...profiles[j].interval], units);
        const shown = (v: number) => inDisplay(v, display);
        const [low, high] = profiles[j].interval;
        // An open side stopped at the bound: the interval reaches at least that far (below it, or above it).
        const side = (value: number, closed: boolean, open: string) => `${closed ? '' : `${open} bound `}${formatNumber(shown(value)!)}`;
        return [p.label, shown(p.value), display?.unit ?? p.unit, `[${side(low, profiles[j].closed[0], '≤')}, ${side(high, profiles[j].closed[1], '≥')}]`,
            profiles[j].identifiable ? 'yes' : 'no (flat profile)', shown(p.written)];
    });
    const residualRows = r.residuals.map(x => {
        const display = displayFor({ unit: x.unit, display: model.datasets?.flatMap(d => d.measurements).find(m => m.quantity === x.quantity)?.display }, [x.value, x.fitted], units);
        return [x.scenario, x.quantity, x.time === 'steady' ? 'steady' : `${formatNumber(x.time)} min`, inDisplay(x.value, display), inDisplay(x.fitted, display), display?.unit ?? x.unit, x.residual];
    });
    const lines = [
        `Fit ${r.fit}: χ² ${formatNumber(r.chi2)} over ${r.dataPoints} measurements, objective ${formatNumber(r.objective)}, AIC ${formatNumber(r.aic)}, BIC ${formatNumber(r.bic)}` +
        (r.converged ? '' : ` — not converged (${r.reason})`),
        '',
        renderTable(['estimate', 'value', 'unit', '95 % interval (profile likelihood)', 'identifiable', 'model value'], parameterRows, 'table'),
        renderTable(['scenario', 'quantity', 'time', 'measured', 'fitted', 'unit', 'residual'], residualRows, 'table'),
        ...(r.expects.length > 0 ? [renderTable(['scenario', 'expect', 'value', 'low', 'high', 'penalty'], r.expects.map(e => [e.scenario, e.label, e.value, e.low, e.high, e.penalty]), 'table')] : []),
        `Fisher information: rank ${fisher.rank} of ${r.parameters.length}, condition ${fisher.condition === Infinity ? '∞' : formatNumber(fisher.condition)}` +
        fisher.correlated.map(c => `; ${c.a} and ${c.b} correlate (ρ = ${c.correlation.toFixed(3)})`).join(''),
        `Starts: ${r.starts.length} (best: ${r.best + 1}${r.starts.some(s => s.error) ? `; ${r.starts.filter(s => s.error).length} could not run` : ''})`
    ];
    return lines.join('\n') + '\n';
}

/** `cascade fit <file> [--name F] [--workers N] [--format table|json]`: a declared fit (its starts on the worker pool), its profile-likelihood intervals and the Fisher check. */
export async function fit(args: string[]): Promise<number> {
    const { values, positionals } = parseArguments(args, {
        name: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, starts: { type: 'string' }, seed: { type: 'string' }, write: { type: 'boolean' },
        ...UNITS_ARGUMENT, ...WORKERS_ARGUMENT, ...SOLVER_ARGUMENTS
    });
    if (positionals.length !== 1) throw new UsageError('fit needs exactly one file');
    const format = oneOf(values.format, FORMATS, defaultFormat(values.out), '--format');
    const units = unitsChoice(values.units);
    const starts = wholeNumber(values.starts, '--starts', 1), seed = wholeNumber(values.seed, '--seed', 0), workers = workerCount(values);
    const { model, loaded } = await loadCheckedModel(positionals[0]);
    requireDeclared('fit', values.name, model.fits ?? []);
    const options = solverRunOptions(values);
    const progress = progressBar('fit');
    try {
        const { result, profiles, fisher } = await analyseFitOnPool(model, values.name, { ...options, starts, seed, workers, onProgress: progress.onProgress });
        progress.stop();
        const text = format === 'json' ? fitJson(result, profiles, fisher) : tableReport(model, result, profiles, fisher, units);
        await emit(text, values.out);
        if (values.write) {
            // The fitted values replace the written ones in the model's own text; the rest is said, not guessed.
            const { edits, skipped } = fittedValueEdits(loaded.document, result.parameters);
            if (edits.length > 0) await writeFileAtomically(positionals[0], applyFittedValues(loaded.document, edits));
            for (const edit of [...edits].reverse()) process.stderr.write(`${positionals[0]}:${edit.line}: ${edit.label} = ${edit.text}\n`);
            for (const skip of skipped) process.stderr.write(`${positionals[0]}: ${skip.label} not written: ${skip.reason}\n`);
        }
        return 0;
    } finally {
        progress.stop();
    }
}
