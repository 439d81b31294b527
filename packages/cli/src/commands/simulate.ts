import { findScenario, simulateScenario, type DisplayUnit, type SimulationResult } from '@neurocascade/simulator';
import { listOption, oneOf, parseArguments } from '../arguments.js';
import { UsageError } from '../usage.js';
import { loadCheckedModel, requireDeclared } from '../simulation/load-model.js';
import { batched, csvField, csvNumber, emit, jsonChunks, type Chunks } from '../simulation/output.js';
import { progressBar } from '../simulation/progress.js';
import { reportRunWarnings } from '../simulation/run-warnings.js';
import { chosenQuantities, observing } from '../simulation/quantities.js';
import { displayFor, inDisplay, UNITS_ARGUMENT, unitsChoice } from '../simulation/display.js';
import { SOLVER_ARGUMENTS, solverRunOptions } from '../simulation/run-options.js';

/** `cascade simulate <file> [--scenario S] [--observe a,b] [--format csv|json] [--units display|base] [--out F] [--method …] [--rtol x] [--atol x]`. */
export async function simulate(args: string[]): Promise<number> {
    const { values, positionals } = parseArguments(args, {
        scenario: { type: 'string' }, observe: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, ...UNITS_ARGUMENT, ...SOLVER_ARGUMENTS
    });
    if (positionals.length !== 1) throw new UsageError('simulate needs exactly one file');
    const format = oneOf(values.format, ['csv', 'json'] as const, 'csv', '--format');
    const options = solverRunOptions(values);
    const units = unitsChoice(values.units);
    const { model } = await loadCheckedModel(positionals[0]);
    requireDeclared('scenario', values.scenario, model.scenarios);
    const observe = listOption(values.observe);
    const run = observe.length > 0
        ? observing(model, values.scenario, scenario => chosenQuantities(model, scenario, observe))
        : { model, scenario: values.scenario };
    const progress = progressBar('simulating');
    let result: SimulationResult;
    try {
        result = simulateScenario(run.model, run.scenario, { ...options, onProgress: progress.onProgress });
    } finally {
        progress.stop();
    }
    reportRunWarnings(result.scenario, result.warnings);
    const observed = findScenario(run.model, run.scenario).observe;
    const displays = result.series.map(series => displayFor(observed.find(o => o.name === series.name) ?? series, series.values, units));
    const json = { ...result, timeUnit: 'min', series: result.series.map((series, i) => ({ ...series, displayUnit: displays[i]?.unit })) };
    await emit(format === 'json' ? jsonChunks(json) : csvChunks(result, displays), values.out);
    return 0;
}

/**
 * Time in minutes, then each series in its display unit (or base unit with --units base), a row
 * at a time: 40 series × 1 M points as one string failed with 'Invalid string length'.
 */
function csvChunks(result: SimulationResult, displays: (DisplayUnit | undefined)[]): Chunks {
    const header = ['time (min)', ...result.series.map((s, i) => `${s.name} (${displays[i]?.unit ?? s.unit})`)].map(csvField).join(',');
    return batched((function* () {
        yield `${header}\n`;
        for (let i = 0; i < result.time.length; i++) {
            yield `${[csvNumber(result.time[i]), ...result.series.map((s, k) => csvNumber(inDisplay(s.values[i], displays[k])))].join(',')}\n`;
        }
    })());
}
