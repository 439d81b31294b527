import { simulateScenario, type SimulationResult } from '@neurocascade/simulator';
import { listOption, oneOf, parseArguments } from '../arguments.js';
import { UsageError } from '../usage.js';
import { loadCheckedModel, requireDeclared } from '../simulation/load-model.js';
import { csvField, csvNumber, emit } from '../simulation/output.js';
import { progressBar } from '../simulation/progress.js';
import { chosenQuantities, observing } from '../simulation/quantities.js';
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
    await emit(format === 'json' ? JSON.stringify(result, null, 2) + '\n' : toCsv(result), values.out);
    return 0;
}

function toCsv(result: SimulationResult): string {
    const header = ['time (min)', ...result.series.map(s => `${s.name} (${s.unit})`)].map(csvField).join(',');
    const rows = result.time.map((t, i) => [csvNumber(t), ...result.series.map(s => csvNumber(s.values[i]))].join(','));
    return [header, ...rows].join('\n') + '\n';
}
