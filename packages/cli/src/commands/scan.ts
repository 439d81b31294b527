import { formatNumber, runDeclaredScan, type DisplayUnit, type ScanResult } from '@neurocascade/simulator';
import { oneOf, parseArguments } from '../arguments.js';
import { UsageError } from '../usage.js';
import { loadCheckedModel, requireDeclared } from '../simulation/load-model.js';
import { matrixCsv, matrixTable, type MatrixText } from '../simulation/matrix-output.js';
import { emit } from '../simulation/output.js';
import { SOLVER_ARGUMENTS, solverRunOptions } from '../simulation/run-options.js';
import { displayFor, inDisplay, UNITS_ARGUMENT, unitsChoice, type UnitsChoice } from '../simulation/display.js';
import { defaultFormat, FORMATS } from './sensitivity.js';

type Axis = ScanResult['vary'][number];
type Measure = ScanResult['measures'][number];

/** The scan's axes and measures, each with the unit its values are shown in (undefined: the base unit). */
interface Shown {
    axes: { axis: Axis; display: DisplayUnit | undefined }[];
    measures: { measure: Measure; display: DisplayUnit | undefined }[];
}

function shownUnits(r: ScanResult, units: UnitsChoice): Shown {
    return {
        axes: r.vary.map(axis => ({ axis, display: displayFor(axis, axis.values, units) })),
        measures: r.measures.map(measure => ({ measure, display: displayFor(measure, (measure.values as (number | null)[] | (number | null)[][]).flat(), units) }))
    };
}

const unitOf = (quantity: { unit: string }, display: DisplayUnit | undefined) => display?.unit ?? quantity.unit;
const axisLabel = ({ axis, display }: Shown['axes'][number]) => `${axis.name}.${axis.property} (${unitOf(axis, display)})`;
const measureLabel = ({ measure, display }: Shown['measures'][number]) => `${measure.name} (${unitOf(measure, display)})`;
const inUnit = (values: readonly (number | null)[], display: DisplayUnit | undefined) => values.map(v => inDisplay(v, display));

/** 1-D: a row per value, a column per measure; 2-D: one matrix per measure (rows: first axis). */
function matrices(r: ScanResult, shown: Shown): { title: string; matrix: MatrixText; corner: string }[] {
    const [first, second] = shown.axes;
    const rows = inUnit(first.axis.values, first.display) as number[];
    if (!second) {
        const columns = shown.measures.map(({ measure, display }) => inUnit(measure.values as (number | null)[], display));
        return [{
            title: r.scan, corner: axisLabel(first),
            matrix: { rows, columns: shown.measures.map(measureLabel), values: rows.map((_, k) => columns.map(column => column[k])) }
        }];
    }
    return shown.measures.map(m => ({
        title: `${r.scan}: ${measureLabel(m)}`, corner: `${axisLabel(first)} \\ ${axisLabel(second)}`,
        matrix: { rows, columns: inUnit(second.axis.values, second.display) as number[], values: (m.measure.values as (number | null)[][]).map(row => inUnit(row, m.display)) }
    }));
}

function summary(r: ScanResult, shown: Shown): string {
    const [{ axis, display: axisDisplay }] = shown.axes;
    const dose = (v: number) => `${formatNumber(inDisplay(v, axisDisplay)!)} ${unitOf(axis, axisDisplay)}`;
    const hills = shown.measures.flatMap(({ measure: m, display }) => (m.hill
        ? [`${m.name}: EC50 ${dose(m.hill.ec50)}, n ${+m.hill.n.toPrecision(3)}, Emax ${formatNumber(inDisplay(m.hill.emax, display)!)} ${unitOf(m, display)}`] : []));
    const folds = r.folds.map(f => `fold (${f.sweep} sweep) between ${formatNumber(inDisplay(axis.values[f.between[0]], axisDisplay)!)} and ${dose(axis.values[f.between[1]])}`);
    const errors = r.errors.map(e => `at point ${e.at.join(', ')}: ${e.message}`);
    return [...hills, ...folds, ...errors].map(line => line + '\n').join('');
}

/** Base values as the simulator gives them, each axis and measure naming the unit the table shows it in. */
function scanJson(r: ScanResult, shown: Shown): unknown {
    return {
        ...r,
        vary: shown.axes.map(({ axis: { display: _written, ...axis }, display }) => ({ ...axis, displayUnit: display?.unit })),
        measures: shown.measures.map(({ measure: { display: _written, ...measure }, display }) => ({ ...measure, displayUnit: display?.unit }))
    };
}

/** `cascade scan <file> [--name S] [--format table|json|csv] [--units display|base]`: a declared scan's dose–response or grid. */
export async function scan(args: string[]): Promise<number> {
    const { values, positionals } = parseArguments(args, { name: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, ...UNITS_ARGUMENT, ...SOLVER_ARGUMENTS });
    if (positionals.length !== 1) throw new UsageError('scan needs exactly one file');
    const format = oneOf(values.format, FORMATS, defaultFormat(values.out), '--format');
    const units = unitsChoice(values.units);
    const { model } = await loadCheckedModel(positionals[0]);
    requireDeclared('scan', values.name, model.scans ?? []);
    const result = runDeclaredScan(model, values.name, solverRunOptions(values));
    const shown = shownUnits(result, units);
    const text = format === 'json' ? JSON.stringify(scanJson(result, shown), null, 2) + '\n'
        : format === 'csv' ? matrices(result, shown).map(m => matrixCsv(m.matrix, m.corner)).join('\n')
            : matrices(result, shown).map(m => `${m.title}\n\n${matrixTable(m.matrix, m.corner)}`).join('\n') + summary(result, shown);
    await emit(text, values.out);
    return result.errors.length === 0 ? 0 : 1;
}
