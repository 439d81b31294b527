import { scenarioControlAnalysis } from '@neurocascade/simulator';
import { oneOf, parseArguments } from '../arguments.js';
import { UsageError } from '../usage.js';
import { loadCheckedModel, requireDeclared } from '../simulation/load-model.js';
import { matrixCsv, matrixTable } from '../simulation/matrix-output.js';
import { emit } from '../simulation/output.js';
import { SOLVER_ARGUMENTS, solverRunOptions } from '../simulation/run-options.js';
import { defaultFormat, FORMATS } from './sensitivity.js';

const SECTIONS = [
    ['elasticities', 'Elasticities (x/v)·∂v/∂x', 'step'],
    ['fluxControl', 'Flux control coefficients', 'flux'],
    ['concentrationControl', 'Concentration control coefficients', 'species']
] as const;

/** `cascade mca <file> [--scenario S] [--format table|json|csv]`: elasticities and control coefficients at steady state. */
export async function mca(args: string[]): Promise<number> {
    const { values, positionals } = parseArguments(args, { scenario: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, ...SOLVER_ARGUMENTS });
    if (positionals.length !== 1) throw new UsageError('mca needs exactly one file');
    const format = oneOf(values.format, FORMATS, defaultFormat(values.out), '--format');
    const { model } = await loadCheckedModel(positionals[0]);
    requireDeclared('scenario', values.scenario, model.scenarios);
    const result = scenarioControlAnalysis(model, values.scenario, solverRunOptions(values));
    // CSV: the three matrices one after the other, each headed by its name in the corner cell.
    const text = format === 'json' ? JSON.stringify(result, null, 2) + '\n'
        : format === 'csv' ? SECTIONS.map(([key, , corner]) => matrixCsv(result[key], `${key}: ${corner}`)).join('\n')
            : SECTIONS.map(([key, title]) => `${title} (${result.scenario})\n\n${matrixTable(result[key])}`).join('\n');
    await emit(text, values.out);
    return 0;
}
