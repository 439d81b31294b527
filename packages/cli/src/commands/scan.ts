import { formatNumber, runSweepPool, sweepResult, type ScanResult } from '@neurocascade/simulator';
import { oneOf, parseArguments } from '../arguments.js';
import { UsageError } from '../usage.js';
import { loadCheckedModel, requireDeclared } from '../simulation/load-model.js';
import { matrixCsv, matrixTable, type MatrixText } from '../simulation/matrix-output.js';
import { emit } from '../simulation/output.js';
import { progressBar } from '../simulation/progress.js';
import { SOLVER_ARGUMENTS, solverRunOptions, workerCount, WORKERS_ARGUMENT } from '../simulation/run-options.js';
import { sweepJson } from '../simulation/sweep-output.js';
import { defaultFormat, FORMATS } from './sensitivity.js';

const axisLabel = (v: ScanResult['vary'][number]) => `${v.name}.${v.property} (${v.unit})`;

/** 1-D: a row per value, a column per measure; 2-D: one matrix per measure (rows: first axis). */
function matrices(r: ScanResult): { title: string; matrix: MatrixText; corner: string }[] {
    const [first, second] = r.vary;
    if (!second) {
        return [{
            title: r.scan, corner: axisLabel(first),
            matrix: { rows: first.values, columns: r.measures.map(m => `${m.name} (${m.unit})`), values: first.values.map((_, k) => r.measures.map(m => (m.values as (number | null)[])[k])) }
        }];
    }
    return r.measures.map(m => ({
        title: `${r.scan}: ${m.name} (${m.unit})`, corner: `${axisLabel(first)} \\ ${axisLabel(second)}`,
        matrix: { rows: first.values, columns: second.values, values: m.values as (number | null)[][] }
    }));
}

function summary(r: ScanResult): string {
    const hills = r.measures.flatMap(m => (m.hill ? [`${m.name}: EC50 ${formatNumber(m.hill.ec50)} ${r.vary[0].unit}, n ${+m.hill.n.toPrecision(3)}, Emax ${formatNumber(m.hill.emax)} ${m.unit}`] : []));
    const folds = r.folds.map(f => `fold (${f.sweep} sweep) between ${r.vary[0].values[f.between[0]]} and ${r.vary[0].values[f.between[1]]} ${r.vary[0].unit}`);
    const errors = r.errors.map(e => `at point ${e.at.join(', ')}: ${e.message}`);
    return [...hills, ...folds, ...errors].map(line => line + '\n').join('');
}

/** `cascade scan <file> [--name S] [--workers N] [--format table|json|csv]`: a declared scan's dose–response or grid, its runs on the worker pool. */
export async function scan(args: string[]): Promise<number> {
    const { values, positionals } = parseArguments(args, { name: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, ...WORKERS_ARGUMENT, ...SOLVER_ARGUMENTS });
    if (positionals.length !== 1) throw new UsageError('scan needs exactly one file');
    const format = oneOf(values.format, FORMATS, defaultFormat(values.out), '--format');
    const workers = workerCount(values);
    const { model } = await loadCheckedModel(positionals[0]);
    requireDeclared('scan', values.name, model.scans ?? []);
    const name = values.name ?? model.scans?.[0]?.name;
    if (name === undefined) throw new UsageError('the file declares no scan');
    const progress = progressBar('scan');
    let result: ScanResult;
    try {
        const { plan, outcomes } = await runSweepPool(model, { method: 'scan', scan: name }, { ...solverRunOptions(values), workers, onProgress: progress.onProgress });
        result = sweepResult(plan, outcomes) as ScanResult;
    } finally {
        progress.stop();
    }
    const text = format === 'json' ? sweepJson(result)
        : format === 'csv' ? matrices(result).map(m => matrixCsv(m.matrix, m.corner)).join('\n')
            : matrices(result).map(m => `${m.title}\n\n${matrixTable(m.matrix, m.corner)}`).join('\n') + summary(result);
    await emit(text, values.out);
    return result.errors.length === 0 ? 0 : 1;
}
