import { evaluateConstant } from '@neurocascade/simulator';
import type * as IR from '@neurocascade/simulator';
import { isEstimate, isFitData, isIncludeExpects, isResidualModel, type Data, type DataPoint, type Fit } from '../generated/ast.js';
import { dataFilePath, DEFAULT_RELATIVE_SD, readMeasurementTable, type MeasurementRow } from '../data/measurement-table.js';
import type { LoweringContext } from './lowering-context.js';
import { lowerObservable, type Observables } from './lower-observables.js';
import { propertyValue } from './lower-scenarios.js';

/** `data D { … }` or `data D from "x.csv"` (docs/reference.md#data): every value and sd in base units. */
export function lowerData(node: Data, observables: Observables, context: LoweringContext, file: string): IR.Dataset {
    const csvFile = node.path === undefined ? undefined : dataFilePath(file, node.path);
    const measurements = csvFile === undefined
        ? node.points.map(point => lowerPoint(point, observables, context, file))
        : readMeasurementTable(csvFile).rows.map(row => lowerRow(row, observables, context, csvFile));
    return { name: node.name, title: node.title, ...(node.path !== undefined && { file: node.path }), measurements, source: context.sourceOf(node, file) };
}

/** The value's unit, shown as written (`nM`): a base value is `scale` of it. */
function written(unit: string, factor: number): IR.DisplayUnit | undefined {
    return unit.trim() === '' ? undefined : { unit: unit.trim(), scale: factor };
}

function lowerPoint(point: DataPoint, observables: Observables, context: LoweringContext, file: string): IR.Measurement {
    const observable = lowerObservable(point.quantity, observables, context);
    const species = point.quantity.member ? undefined : point.quantity.target.$refText;
    const factor = context.unitFactor(species, point.value.unit ?? '');
    const sdFactor = context.unitFactor(species, point.sd.unit ?? '');
    const display = written(point.value.unit ?? '', factor);
    return {
        scenario: point.scenario.$refText,
        quantity: observable.name,
        expression: observable.expression,
        unit: observable.unit,
        time: point.steady ? 'steady' : context.constant(point.time, Number.NaN),
        value: (point.negative ? -1 : 1) * point.value.value * factor,
        sd: point.sd.value * sdFactor,
        ...(display && { display }),
        source: context.sourceOf(point, file)
    };
}

function lowerRow(row: MeasurementRow, observables: Observables, context: LoweringContext, csvFile: string): IR.Measurement {
    const quantity = row.member ? `${row.target}.${row.member}` : row.target;
    const expression: IR.Expr = row.member ? { kind: 'member', name: row.target, member: row.member as IR.MemberName } : { kind: 'name', name: row.target };
    const factor = context.unitFactor(row.member ? undefined : row.target, row.unit.text);
    const value = row.value * factor;
    const display = written(row.unit.text, factor);
    return {
        scenario: row.scenario.text,
        quantity,
        expression,
        unit: row.member === 'occupancy' || row.member === 'activation' ? '1' : observables.unitOf(quantity),
        time: row.time === 'steady' ? 'steady' : row.time.value * context.unitFactor(undefined, row.time.unit),
        value,
        // docs/reference.md#data: a measurement without its sd is taken as 10 % of its value (the check warns).
        sd: row.sd !== undefined ? row.sd * factor : DEFAULT_RELATIVE_SD * Math.abs(value),
        ...(display && { display }),
        source: { file: csvFile, line: row.line, column: 1, endLine: row.line, endColumn: 1 }
    };
}

/** `fit F { … }` (docs/reference.md#fit): bounds in base units, converted as the property is. */
export function lowerFit(node: Fit, context: LoweringContext, file: string): IR.Fit {
    return {
        name: node.name,
        title: node.title,
        data: node.items.filter(isFitData).flatMap(item => item.data.map(reference => reference.$refText)),
        estimates: node.items.filter(isEstimate).map(estimate => {
            const property = estimate.property ?? 'value';
            const bound = (expression: typeof estimate.low) => evaluateConstant(propertyValue(estimate.target.ref, property, expression, context)) ?? Number.NaN;
            return { target: estimate.target.$refText, property, low: bound(estimate.low), high: bound(estimate.high), log: estimate.log, source: context.sourceOf(estimate, file) };
        }),
        includeExpects: includedExpects(node),
        residuals: node.items.some(item => isResidualModel(item) && item.lognormal) ? 'lognormal' : 'normal',
        source: context.sourceOf(node, file)
    };
}

/** `include expects` takes every expect of the data's scenarios, `include relative expects` only those `relative to` a scenario. */
function includedExpects(node: Fit): IR.Fit['includeExpects'] {
    const item = node.items.find(isIncludeExpects);
    return item === undefined ? 'none' : item.relative ? 'relative' : 'all';
}
