import { AstUtils, type ValidationAcceptor, type ValidationChecks } from 'langium';
import { isScenario, type CascadeAstType, type Data, type DataPoint, type NamedElement } from '../generated/ast.js';
import { dataFilePath, readMeasurementTable, DEFAULT_RELATIVE_SD, type MeasurementRow, type TableCell } from '../data/measurement-table.js';
import { observableDimensions } from '../units/expected-dimensions.js';
import { DIMENSIONLESS, describeDimension, parseUnit, sameDimension, TIME, UnitError, type Dimension } from '../units/units.js';
import { CODE_DATA_FILE, CODE_RANGE, CODE_UNIT_DIMENSION, CODE_UNIT_UNKNOWN, CODE_UNRESOLVED } from './diagnostic-codes.js';
import type { ModelAnalyses, ModelAnalysis } from './model-analysis.js';

/** How many problems of one data file are listed before the rest are counted. */
const LISTED_PROBLEMS = 20;

/** data-file, unresolved, unit-dimension and range for measurements (docs/reference.md#data). */
export function dataChecks(analyses: ModelAnalyses): ValidationChecks<CascadeAstType> {
    return {
        Data: (data, accept) => (data.path !== undefined ? checkDataFile(data, analyses.of(data), accept) : checkInlineData(data, accept)),
        DataPoint: checkPoint
    };
}

function checkInlineData(data: Data, accept: ValidationAcceptor): void {
    if (data.points.length === 0) accept('error', `Data ${data.name} has no measurements.`, { node: data, property: 'name', data: { code: CODE_DATA_FILE } });
}

function checkPoint(point: DataPoint, accept: ValidationAcceptor): void {
    if (point.sd && !(point.sd.value > 0)) accept('error', `A standard deviation must be above 0, not ${point.sd.value}.`, { node: point, property: 'sd', data: { code: CODE_RANGE } });
}

/** Every row of the file, against the model: its scenario, its quantity, the dimensions of its time and value. */
function checkDataFile(data: Data, analysis: ModelAnalysis, accept: ValidationAcceptor): void {
    const file = AstUtils.getDocument(data).uri;
    const problems: { message: string; code: string }[] = [];
    if (file.scheme !== 'file') {
        problems.push({ message: `the data file is read relative to the model's file; save the model first`, code: CODE_DATA_FILE });
    } else {
        const table = readMeasurementTable(dataFilePath(file.fsPath, data.path!));
        problems.push(...table.problems.map(p => ({ message: p.line === 0 ? p.message : `line ${p.line}, column ${p.column}: ${p.message}`, code: CODE_DATA_FILE })));
        const names = new Map<string, NamedElement>(analysis.declarations.map(d => [(d as { name?: string }).name ?? '', d as NamedElement]));
        const at = (row: MeasurementRow, cell: TableCell, message: string, code = CODE_DATA_FILE) =>
            problems.push({ message: `line ${row.line}, column ${cell.column}: ${message}`, code });
        const withoutSd: number[] = [];
        for (const row of table.rows) {
            if (!isScenario(names.get(row.scenario.text))) at(row, row.scenario, `unknown scenario '${row.scenario.text}'`, CODE_UNRESOLVED);
            const target = names.get(row.target);
            const dimensions = target && analysis.unitsChecked ? observableDimensions(target, row.member, analysis.inference) : undefined;
            if (!target) at(row, row.quantity, `unknown quantity '${row.quantity.text}'`, CODE_UNRESOLVED);
            else if (analysis.unitsChecked && !dimensions) at(row, row.quantity, `'${row.quantity.text}' is not a quantity a run reports`);
            if (row.time !== 'steady') checkUnit(row.time.unit, [TIME], (message, code) => at(row, row.timeCell, message, code));
            if (dimensions) checkUnit(row.unit.text, dimensions, (message, code) => at(row, row.unit, message, code));
            if (row.sd === undefined) {
                if (row.value === 0) at(row, row.sdCell ?? row.valueCell, 'a value of 0 needs its sd (the default, 10 % of the value, would be 0)');
                else withoutSd.push(row.line);
            }
        }
        if (withoutSd.length > 0 && problems.length === 0) {
            const lines = withoutSd.length > 5 ? `${withoutSd.slice(0, 5).join(', ')}, …` : withoutSd.join(', ');
            accept('warning', `${withoutSd.length} measurement${withoutSd.length > 1 ? 's have' : ' has'} no sd (line${withoutSd.length > 1 ? 's' : ''} ${lines}): each is taken as ${DEFAULT_RELATIVE_SD * 100} % of its value.`,
                { node: data, property: 'path', data: { code: CODE_DATA_FILE } });
        }
    }
    if (problems.length === 0) return;
    // One diagnostic on the path, coded by its first problem (an unknown name is `unresolved`, a unit `unit-…`).
    const listed = problems.slice(0, LISTED_PROBLEMS).map(p => p.message).join('; ');
    const more = problems.length > LISTED_PROBLEMS ? ` (and ${problems.length - LISTED_PROBLEMS} more)` : '';
    accept('error', `${data.path}: ${listed}${more}.`, { node: data, property: 'path', data: { code: problems[0].code } });
}

function checkUnit(text: string, expected: readonly Dimension[], report: (message: string, code: string) => void): void {
    let dimension;
    try {
        dimension = text === '' ? DIMENSIONLESS : parseUnit(text).dimension;
    } catch (error) {
        if (!(error instanceof UnitError)) throw error;
        report(`${error.message} in '${text}'`, CODE_UNIT_UNKNOWN);
        return;
    }
    if (!expected.some(d => sameDimension(d, dimension))) {
        report(`expected ${expected.map(describeDimension).join(' or ')}, but '${text || '(no unit)'}' is ${describeDimension(dimension)}`, CODE_UNIT_DIMENSION);
    }
}
