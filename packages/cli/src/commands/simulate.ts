import { simulateScenario, type SimulationResult } from '@neurocascade/simulator';
import { oneOf, parseArguments } from '../arguments.js';
import { UsageError } from '../usage.js';
import { loadCheckedModel, requireDeclared } from '../simulation/load-model.js';
import { batched, csvField, csvNumber, emit, jsonChunks, type Chunks } from '../simulation/output.js';
import { progressBar } from '../simulation/progress.js';
import { reportRunWarnings } from '../simulation/run-warnings.js';
import { SOLVER_ARGUMENTS, solverRunOptions } from '../simulation/run-options.js';

/** `cascade simulate <file> [--scenario S] [--observe a,b] [--format csv|json] [--out F] [--method …] [--rtol x] [--atol x]`. */
export async function simulate(args: string[]): Promise<number> {
    const { values, positionals } = parseArguments(args, {
        scenario: { type: 'string' }, observe: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, ...SOLVER_ARGUMENTS
    });
    if (positionals.length !== 1) throw new UsageError('simulate needs exactly one file');
    const format = oneOf(values.format, ['csv', 'json'] as const, 'csv', '--format');
    const options = solverRunOptions(values);
    const { model } = await loadCheckedModel(positionals[0]);
    requireDeclared('scenario', values.scenario, model.scenarios);
    const progress = progressBar('simulating');
    let result: SimulationResult;
    try {
        result = simulateScenario(model, values.scenario, { ...options, onProgress: progress.onProgress });
    } finally {
        progress.stop();
    }
    reportRunWarnings(result.scenario, result.warnings);
    const observed = selectSeries(result, values.observe);
    await emit(format === 'json' ? jsonChunks(observed) : csvChunks(observed), values.out);
    return 0;
}

/** `--observe a,b`: only these series, in this order; a name that is not a series is a usage error. */
function selectSeries(result: SimulationResult, observe: string | undefined): SimulationResult {
    if (!observe) return result;
    const names = observe.split(',').map(name => name.trim()).filter(Boolean);
    const series = names.map(name => {
        const found = result.series.find(s => s.name === name);
        if (!found) throw new UsageError(`--observe: '${name}' is not observed by this scenario (it reports ${result.series.map(s => s.name).join(', ')}); add it to the scenario's observe list`);
        return found;
    });
    return { ...result, series };
}

/** The CSV a row at a time: 40 series × 1 M points as one string failed with 'Invalid string length'. */
function csvChunks(result: SimulationResult): Chunks {
    const header = ['time (min)', ...result.series.map(s => `${s.name} (${s.unit})`)].map(csvField).join(',');
    return batched((function* () {
        yield `${header}\n`;
        for (let i = 0; i < result.time.length; i++) yield `${[csvNumber(result.time[i]), ...result.series.map(s => csvNumber(s.values[i]))].join(',')}\n`;
    })());
}
