import { scenarioSensitivities, timeCourseSensitivities, type SensitivityReport, type TimeCourseSensitivityReport } from '@neurocascade/simulator';
import { oneOf, parseArguments } from '../arguments.js';
import { UsageError } from '../usage.js';
import { loadCheckedModel, requireDeclared } from '../simulation/load-model.js';
import { matrixCsv, matrixTable, type MatrixText } from '../simulation/matrix-output.js';
import { emit } from '../simulation/output.js';
import { SOLVER_ARGUMENTS, solverRunOptions } from '../simulation/run-options.js';

export const FORMATS = ['table', 'json', 'csv'] as const;

/** table on a terminal, json when piped. */
export function defaultFormat(out: string | undefined): 'table' | 'json' {
    return process.stdout.isTTY && !out ? 'table' : 'json';
}

const list = (text: string | undefined) => text?.split(',').map(s => s.trim()).filter(s => s.length > 0);

const label = (p: SensitivityReport['parameters'][number]) => `${p.name}.${p.property}${p.substrate ? '.' + p.substrate : ''}`;

function asMatrix(r: SensitivityReport): MatrixText {
    return { rows: r.quantities.map(q => q.name), columns: r.parameters.map(label), values: r.coefficients };
}

/** One row per output time, one column per quantity and parameter. */
function timeCourseMatrix(r: TimeCourseSensitivityReport): MatrixText {
    const pairs = r.quantities.flatMap((q, i) => r.parameters.map((p, j) => ({ name: `${q.name} / ${label(p)}`, i, j })));
    return {
        rows: r.time, columns: pairs.map(c => c.name),
        values: r.time.map((_, k) => pairs.map(c => r.coefficients[c.i][c.j][k]))
    };
}

/** `cascade sensitivity <file> [--scenario S] [--of X,Y] [--wrt E.vmax,k1] [--time-course] [--format table|json|csv]`: response coefficients at steady state or along the scenario. */
export async function sensitivity(args: string[]): Promise<number> {
    const { values, positionals } = parseArguments(args, {
        scenario: { type: 'string' }, of: { type: 'string' }, wrt: { type: 'string' }, 'time-course': { type: 'boolean' },
        format: { type: 'string' }, out: { type: 'string' }, ...SOLVER_ARGUMENTS
    });
    if (positionals.length !== 1) throw new UsageError('sensitivity needs exactly one file');
    const format = oneOf(values.format, FORMATS, defaultFormat(values.out), '--format');
    const { model } = await loadCheckedModel(positionals[0]);
    requireDeclared('scenario', values.scenario, model.scenarios);
    const request = { scenario: values.scenario, of: list(values.of), wrt: list(values.wrt) };
    let text: string;
    if (values['time-course']) {
        const report = timeCourseSensitivities(model, request, solverRunOptions(values));
        text = format === 'json' ? JSON.stringify(report, null, 2) + '\n'
            : format === 'csv' ? matrixCsv(timeCourseMatrix(report), 'time (min)')
                : `Response coefficients (dY/Y)/(dp/p) along ${report.scenario}\n\n` + matrixTable(timeCourseMatrix(report), 'time (min)');
    } else {
        const report = scenarioSensitivities(model, request, solverRunOptions(values));
        text = format === 'json' ? JSON.stringify(report, null, 2) + '\n'
            : format === 'csv' ? matrixCsv(asMatrix(report), 'quantity')
                : `Response coefficients (dY/Y)/(dp/p) at the steady state of ${report.scenario}\n\n` + matrixTable(asMatrix(report));
    }
    await emit(text, values.out);
    return 0;
}
