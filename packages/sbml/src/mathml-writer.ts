import type { Expr } from '@neurocascade/simulator';
import { MATHML_NAMESPACE } from './mathml-reader.js';
import { node, type XmlNode } from './xml-writer.js';

const OPERATORS = new Map([
    ['+', 'plus'], ['-', 'minus'], ['*', 'times'], ['/', 'divide'], ['^', 'power'], ['<', 'lt'], ['<=', 'leq'], ['>', 'gt'],
    ['>=', 'geq'], ['==', 'eq'], ['!=', 'neq'], ['and', 'and'], ['or', 'or']
]);
// A Map, not an object: a user function named `constructor` or `toString` is no built-in.
const FUNCTIONS = new Map([
    ['exp', 'exp'], ['ln', 'ln'], ['sqrt', 'root'], ['abs', 'abs'], ['floor', 'floor'], ['ceil', 'ceiling'], ['sin', 'sin'], ['cos', 'cos'],
    ['asin', 'arcsin'], ['acos', 'arccos'], ['atan', 'arctan'], ['min', 'min'], ['max', 'max']
]);

/**
 * An IR expression as a MathML `<math>` element. `name` gives the SBML id a name or member stands
 * for; `expand` rewrites the Cascade built-ins MathML lacks (hill, mm, the time courses) first.
 */
export function mathElement(expr: Expr, name: (expr: Expr & { kind: 'name' | 'member' | 'balance' }) => string, expand: (expr: Expr & { kind: 'call' }) => Expr | undefined): XmlNode {
    const write = (e: Expr): XmlNode => {
        switch (e.kind) {
            case 'number': return number(e.value);
            case 'name': case 'member': case 'balance': return node('ci', {}, name(e));
            case 'time': return node('csymbol', { encoding: 'text', definitionURL: 'http://www.sbml.org/sbml/symbols/time' }, 'time');
            case 'unary': return apply(e.op === '-' ? 'minus' : 'not', write(e.operand));
            case 'binary': return apply(OPERATORS.get(e.op)!, write(e.left), write(e.right));
            case 'call': {
                const expanded = expand(e);
                if (expanded) return write(expanded);
                if (e.fn === 'if') {
                    const [condition, then, otherwise] = e.args.map(write);
                    return node('piecewise', {}, node('piece', {}, then, condition), node('otherwise', {}, otherwise));
                }
                if (e.fn === 'log10') return node('apply', {}, node('log'), node('logbase', {}, number(10)), write(e.args[0]));
                const builtin = FUNCTIONS.get(e.fn);
                return builtin ? apply(builtin, ...e.args.map(write)) : node('apply', {}, node('ci', {}, e.fn), ...e.args.map(write));
            }
        }
    };
    return node('math', { xmlns: MATHML_NAMESPACE }, write(expr));
}

function apply(operator: string, ...operands: XmlNode[]): XmlNode {
    return node('apply', {}, node(operator), ...operands);
}

function number(value: number): XmlNode {
    if (Number.isNaN(value)) return node('notanumber');
    if (!Number.isFinite(value)) return value > 0 ? node('infinity') : apply('minus', node('infinity'));
    return node('cn', Number.isInteger(value) && Math.abs(value) < 2 ** 31 ? { type: 'integer' } : {}, String(value));
}

/** A `<lambda>` for a function definition. */
export function lambdaElement(parameters: readonly string[], body: XmlNode): XmlNode {
    const math = body.children[0] as XmlNode;
    return node('math', { xmlns: MATHML_NAMESPACE }, node('lambda', {}, ...parameters.map(p => node('bvar', {}, node('ci', {}, p))), math));
}
