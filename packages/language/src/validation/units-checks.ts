import { AstUtils, GrammarUtils, type AstNode, type ValidationAcceptor, type ValidationChecks } from 'langium';
import {
    isArgument, type CascadeAstType, type Expression, type Quantity
} from '../generated/ast.js';
import { isTimeCourse, resolveCall, valueArguments } from '../units/calls.js';
import type { DimensionInference } from '../units/dimension-inference.js';
import { halvable, integerLiteral, isBareNumber, unitOf } from '../units/written-values.js';
import { expectedDimension, type Expected } from '../units/expected-dimensions.js';
import {
    UnitError, baseUnitName, describeDimension, isDimensionless, parseUnit, sameDimension, unitsOfDimension, type Dimension
} from '../units/units.js';
import { constantValue } from './constant-folding.js';
import { CODE_UNIT_DIMENSION, CODE_UNIT_MISSING, CODE_UNIT_UNKNOWN } from './diagnostic-codes.js';
import type { ModelAnalyses } from './model-analysis.js';

/** unit-unknown, unit-dimension and unit-missing (docs/reference.md#units); all off under `units unchecked`. */
export function unitsChecks(analyses: ModelAnalyses): ValidationChecks<CascadeAstType> {
    const inferenceFor = (node: Expression) => {
        const analysis = analyses.of(node);
        return analysis.unitsChecked ? analysis.inference : undefined;
    };
    return {
        Quantity: (quantity, accept) => {
            if (quantity.unit && inferenceFor(quantity)) checkUnitAtoms(quantity, accept);
        },
        Expression: (expression, accept) => {
            const inference = inferenceFor(expression);
            if (!inference) return;
            if (!EXPRESSION_TYPES.has((expression.$container as AstNode).$type)) checkSlot(expression, inference, accept);
            checkOperands(expression, inference, accept);
        }
    };
}

/** The expression node types (compared by `$type`: this runs for every expression). */
const EXPRESSION_TYPES = new Set(['BinaryExpr', 'UnaryExpr', 'NotExpr', 'Call', 'Ref', 'Quantity', 'TimeRef', 'BalanceRef']);

/** An unknown atom is reported exactly where it stands inside the unit (`3 furlongs/min`). */
function checkUnitAtoms(quantity: Quantity, accept: ValidationAcceptor): void {
    if (unitOf(quantity.unit!)) return;
    // The CST text keeps the spaces before the unit that the AST value drops, so offsets line up.
    const cst = GrammarUtils.findNodeForProperty(quantity.$cstNode, 'unit');
    try {
        parseUnit(cst?.text ?? quantity.unit!);
    } catch (error) {
        if (!(error instanceof UnitError)) throw error;
        if (!cst) return;
        const text = AstUtils.getDocument(quantity).textDocument;
        const start = cst.offset + error.offset;
        const range = { start: text.positionAt(start), end: text.positionAt(start + error.length) };
        accept('error', `${capitalize(error.message)}; known units are listed in docs/reference.md#units (e.g. uM, mg/dL, /min, h, %).`,
            { node: quantity, range, data: { code: CODE_UNIT_UNKNOWN } });
    }
}

/** A whole value against the dimension its slot expects. */
function checkSlot(value: Expression, inference: DimensionInference, accept: ValidationAcceptor): void {
    const expected = expectedDimension(value, inference);
    if (!expected || expected.length === 0) return;
    if (isBareNumber(value)) {
        if (constantValue(value) !== 0 && !expected.some(isDimensionless)) reportMissingUnit(value, expected[0], accept);
        return;
    }
    const actual = inference.dimensionOf(value);
    if (actual && !expected.some(d => sameDimension(d, actual))) {
        accept('error', `Expected ${describeExpected(expected)}, but this is ${describeActual(actual)}.`, {
            node: value,
            data: { code: CODE_UNIT_DIMENSION, expectedDimension: describeDimension(expected[0]), suggestedUnits: unitsOfDimension(expected[0]) }
        });
    }
}

/** False when a whole value has a known dimension its slot does not accept (a unit-dimension error). */
export function fitsSlot(value: Expression, analyses: ModelAnalyses): boolean {
    const { inference, unitsChecked } = analyses.of(value);
    const expected = unitsChecked ? expectedDimension(value, inference) : undefined;
    const actual = expected && !isBareNumber(value) ? inference.dimensionOf(value) : undefined;
    return !expected || !actual || expected.some(d => sameDimension(d, actual));
}

/** Operators and built-in functions that constrain the dimensions of their operands. */
function checkOperands(expression: Expression, inference: DimensionInference, accept: ValidationAcceptor): void {
    if (expression.$type === 'BinaryExpr') {
        const { op, left, right } = expression;
        if (op === '^') checkPower(left, right, inference, accept);
        else if (op !== '*' && op !== '/' && op !== 'and' && op !== 'or') {
            sameDimensionGroup(expression, [left, right], op === '+' || op === '-' ? `'${op}'` : 'a comparison', inference, accept);
        }
        return;
    }
    if (expression.$type !== 'Call') return;
    const callee = resolveCall(expression);
    if (callee.kind !== 'builtin') return;
    const name = callee.name;
    const args = expression.args.map(arg => arg.value);
    if (isTimeCourse(name)) {
        const values = valueArguments(expression, name).map(arg => arg.value);
        sameDimensionGroup(expression, values, `the values of ${name}`, inference, accept);
        return;
    }
    switch (name) {
        case 'exp': case 'ln': case 'log10': case 'sin': case 'cos': case 'asin': case 'acos': case 'atan':
            requireDimensionless(args[0], `${name} needs a dimensionless argument`, inference, accept);
            return;
        case 'sqrt': {
            const d = args[0] && inference.dimensionOf(args[0]);
            if (d && !halvable(d)) report(args[0], `sqrt of ${describeActual(d)} has no unit (every power must be even)`, accept);
            return;
        }
        case 'min': case 'max': sameDimensionGroup(expression, args, `the arguments of ${name}`, inference, accept); return;
        case 'if': sameDimensionGroup(expression, args.slice(1, 3), 'the two branches of if', inference, accept); return;
        case 'mm': sameDimensionGroup(expression, args.slice(0, 2), 'the x and km of mm', inference, accept); return;
        case 'hill':
            sameDimensionGroup(expression, args.slice(0, 2), 'the x and k of hill', inference, accept);
            requireDimensionless(args[2], 'the Hill coefficient must be dimensionless', inference, accept);
    }
}

/** Operands of + − comparisons min max if …: one dimension; a bare number takes the others' (with a warning). */
function sameDimensionGroup(node: Expression, written: (Expression | undefined)[], what: string, inference: DimensionInference, accept: ValidationAcceptor): void {
    const operands = written.filter((operand): operand is Expression => operand !== undefined); // undefined: the parser recovered here
    const dimensioned = operands.filter(operand => !isBareNumber(operand));
    const known = dimensioned.map(operand => inference.dimensionOf(operand)).filter((d): d is Dimension => d !== undefined);
    if (known.some(d => !sameDimension(d, known[0]))) {
        const written = [...new Set(known.map(describeActual))].join(' and ');
        accept('error', `${capitalize(what)} must have one dimension, but these are ${written}.`, { node, data: { code: CODE_UNIT_DIMENSION } });
        return;
    }
    if (known.length === 0 || isDimensionless(known[0])) return;
    for (const operand of operands) {
        if (isBareNumber(operand) && constantValue(operand) !== 0) reportMissingUnit(operand, known[0], accept);
    }
}

function checkPower(base: Expression | undefined, exponent: Expression | undefined, inference: DimensionInference, accept: ValidationAcceptor): void {
    if (!base || !exponent) return;
    const b = inference.dimensionOf(base);
    if (requireDimensionless(exponent, 'an exponent must be dimensionless', inference, accept)) return;
    if (b && !isDimensionless(b) && integerLiteral(exponent) === undefined) {
        accept('error', `A power of ${describeActual(b)} needs a whole-number exponent written as a number (like ^2 or ^-1).`,
            { node: exponent, data: { code: CODE_UNIT_DIMENSION } });
    }
}

/** Reports (and returns true) when `value` has a known, non-dimensionless dimension. */
function requireDimensionless(value: Expression | undefined, what: string, inference: DimensionInference, accept: ValidationAcceptor): boolean {
    const d = value && inference.dimensionOf(value);
    if (!value || !d || isDimensionless(d)) return false;
    report(value, `${what}, but this is ${describeActual(d)}`, accept);
    return true;
}

function report(value: Expression, message: string, accept: ValidationAcceptor): void {
    accept('error', `${capitalize(message)}.`, { node: value, data: { code: CODE_UNIT_DIMENSION } });
}

function reportMissingUnit(value: Expression, expected: Dimension, accept: ValidationAcceptor): void {
    const unit = baseUnitName(expected);
    const where = isArgument(value.$container) ? 'this argument' : 'this number';
    accept('warning', `No unit: ${where} is taken as ${unit} (${describeDimension(expected)}); write the unit.`,
        { node: value, data: { code: CODE_UNIT_MISSING, expectedUnit: unit } });
}

function describeExpected(expected: Expected): string {
    return expected.map(d => `${describeDimension(d)} (e.g. ${unitsOfDimension(d)[0]})`).join(' or ');
}

function describeActual(d: Dimension): string {
    if (isDimensionless(d)) return 'dimensionless';
    const name = describeDimension(d);
    const unit = baseUnitName(d);
    return name === unit ? unit : `${name} (${unit})`;
}

function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
