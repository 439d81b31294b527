import { findScenario, simulateScenario, type DisplayUnit, type SimulationResult } from '@neurocascade/simulator';
import { listOption, oneOf, parseArguments } from '../arguments.js';
import { UsageError } from '../usage.js';
import { loadCheckedModel, requireDeclared } from '../simulation/load-model.js';
import { csvRow } from '@neurocascade/language/csv';
import { batched, emit, jsonChunks, type Chunks } from '../simulation/output.js';
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
    const scenarios = values.scenario === undefined ? [undefined] : listOption(values.scenario);
    scenarios.forEach(name => requireDeclared('scenario', name, model.scenarios));
    const observe = listOption(values.observe);
    const runs = scenarios.map((name): ScenarioOutput => {
        const run = observe.length > 0
            ? observing(model, name, scenario => chosenQuantities(model, scenario, observe))
            : { model, scenario: name };
        const progress = progressBar(scenarios.length > 1 ? `simulating ${run.scenario ?? ''}` : 'simulating');
        let result: SimulationResult;
        try {
            result = simulateScenario(run.model, run.scenario, { ...options, onProgress: progress.onProgress });
        } finally {
            progress.stop();
        }
        reportRunWarnings(result.scenario, result.warnings);
        const observed = findScenario(run.model, run.scenario).observe;
        return { result, displays: result.series.map(series => displayFor(observed.find(o => o.name === series.name) ?? series, series.values, units)) };
    });
    if (format === 'json') {
        const json = ({ result, displays }: ScenarioOutput) =>
            ({ ...result, timeUnit: 'min', series: result.series.map((series, i) => ({ ...series, displayUnit: displays[i]?.unit })) });
        await emit(jsonChunks(runs.length === 1 ? json(runs[0]) : runs.map(json)), values.out);
    } else {
        const [first, ...others] = runs;
        const differ = others.find(other => other.result.time.length !== first.result.time.length || other.result.time.some((t, i) => t !== first.result.time[i]));
        if (differ) {
            throw new UsageError(`--scenario: '${first.result.scenario}' and '${differ.result.scenario}' are sampled at different times, so they cannot share CSV rows; use --format json`);
        }
        await emit(csvChunks(runs), values.out);
    }
    return 0;
}

/** One scenario's run and the unit each of its series is shown in. */
interface ScenarioOutput {
    result: SimulationResult;
    displays: (DisplayUnit | undefined)[];
}

/**
 * Time in minutes, then each series in its display unit (or base unit with --units base), the
 * scenarios side by side (`Baseline: X (nM)` when there are several), a row at a time: 40
 * series × 1 M points as one string failed with 'Invalid string length'.
 */
function csvChunks(runs: readonly ScenarioOutput[]): Chunks {
    const prefix = (result: SimulationResult) => runs.length > 1 ? `${result.scenario}: ` : '';
    const columns = runs.flatMap(({ result, displays }) => result.series.map((series, k) => ({ series, display: displays[k], label: `${prefix(result)}${series.name} (${displays[k]?.unit ?? series.unit})` })));
    const time = runs[0].result.time;
    return batched((function* () {
        yield csvRow(['time (min)', ...columns.map(column => column.label)]);
        for (let i = 0; i < time.length; i++) {
            yield csvRow([time[i], ...columns.map(column => inDisplay(column.series.values[i], column.display))]);
        }
    })());
}
