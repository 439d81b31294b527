import type { Expr } from '@neurocascade/simulator';
import { SbmlImportError } from './sbml-error.js';
import { XmlElement } from './xml-tree.js';
import { binary, call, evaluateConstant, num, unary } from './expression-building.js';
import { comparison, inverseReciprocal, factorial, hyperbolic, inverseHyperbolic, quotient, ratio } from './mathml-functions.js';
import { parseXsdDouble } from './xsd-double.js';

export const MATHML_NAMESPACE = 'http://www.w3.org/1998/Math/MathML';
const CSYMBOL = 'http://www.sbml.org/sbml/symbols/';
const AVOGADRO = 6.02214179e23;

/** An expression and whether it is a truth value (Cascade conditions) or a number. */
export interface Typed {
    expr: Expr;
    boolean: boolean;
    /** Set when the value is known at import time (a boolean literal, for example). */
    constant?: number | boolean;
}

export interface MathContext {
    /** The Cascade expression a `<ci>` stands for (a species' amount, a renamed local parameter, …). */
    resolve(id: string, at: XmlElement): Expr;
    /** A user function: its Cascade name, arity and whether it returns a truth value. */
    functionNamed(id: string): { name: string; arity: number; boolean: boolean } | undefined;
    /** A helper function the Cascade file must define (e.g. `factorial`); returns its name. */
    helper(name: 'factorial'): string;
}

/** Reads one MathML `<math>` element (or any content element) as a number-valued expression. */
export function readMath(math: XmlElement, context: MathContext): Expr {
    return asNumber(readTyped(math, context));
}

export function readCondition(math: XmlElement, context: MathContext): Expr {
    return asBoolean(readTyped(math, context));
}

export function readTyped(element: XmlElement, context: MathContext): Typed {
    return new MathReader(context).read(element);
}

export function asNumber(value: Typed): Expr {
    if (!value.boolean) return value.expr;
    if (typeof value.constant === 'boolean') return num(value.constant ? 1 : 0);
    return call('if', value.expr, num(1), num(0));
}

export function asBoolean(value: Typed): Expr {
    if (value.boolean) return value.expr;
    return binary('!=', value.expr, num(0));
}

const numeric = (expr: Expr): Typed => ({ expr, boolean: false });
const truth = (expr: Expr): Typed => ({ expr, boolean: true });
const literal = (value: boolean): Typed =>
    ({ expr: binary('==', num(1), num(value ? 1 : 0)), boolean: true, constant: value });

// Maps, not objects: an element named `constructor` must find nothing.
const RELATIONS = new Map<string, '==' | '!=' | '>' | '<' | '>=' | '<='>([['eq', '=='], ['neq', '!='], ['gt', '>'], ['lt', '<'], ['geq', '>='], ['leq', '<=']]);
const DIRECT = new Map([
    ['abs', 'abs'], ['exp', 'exp'], ['ln', 'ln'], ['floor', 'floor'], ['ceiling', 'ceil'], ['sin', 'sin'], ['cos', 'cos'],
    ['arcsin', 'asin'], ['arccos', 'acos'], ['arctan', 'atan']
]);
class MathReader {
    constructor(private readonly context: MathContext) {}

    read(element: XmlElement): Typed {
        if (element.namespace !== MATHML_NAMESPACE) {
            throw new SbmlImportError(element.path, `expected MathML, found <${element.name}> in namespace '${element.namespace}'`);
        }
        switch (element.name) {
            case 'math': case 'semantics': return this.read(this.only(element));
            case 'cn': return numeric(this.number(element));
            case 'ci': return numeric(this.context.resolve(element.text, element));
            case 'csymbol': return numeric(this.symbol(element));
            case 'true': return literal(true);
            case 'false': return literal(false);
            case 'pi': return numeric(num(Math.PI));
            case 'exponentiale': return numeric(call('exp', num(1)));
            case 'infinity': return numeric(binary('/', num(1), num(0)));
            case 'notanumber': return numeric(binary('/', num(0), num(0)));
            case 'piecewise': return this.piecewise(element);
            case 'apply': return this.apply(element);
            default: throw this.unsupported(element);
        }
    }

    private only(element: XmlElement): XmlElement {
        const content = element.children.filter(c => c.name !== 'annotation' && c.name !== 'annotation-xml');
        if (content.length !== 1) throw new SbmlImportError(element.path, `<${element.name}> must hold exactly one expression`);
        return content[0];
    }

    private number(element: XmlElement): Expr {
        const type = element.attributes.type ?? 'real';
        const base = element.attributes.base;
        if (base !== undefined && base !== '10') throw new SbmlImportError(element.path, `numbers in base ${base} are not supported`);
        const parts = element.content.filter(c => typeof c === 'string' || c.name === 'sep')
            .map(c => typeof c === 'string' ? c : '|').join('').split('|').map(s => s.trim());
        const values = parts.map(parseXsdDouble);
        if (values.some(v => v === undefined)) throw new SbmlImportError(element.path, `'${element.text}' is not a number (xsd:double)`);
        if (type === 'e-notation' && values.length === 2) {
            if (!Number.isFinite(values[0]) || !Number.isInteger(values[1])) throw new SbmlImportError(element.path, `'${element.text}' is not a number in e-notation`);
            return num(Number(`${parts[0]}e${parts[1]}`));
        }
        if (type === 'rational' && values.length === 2) return binary('/', num(values[0]!), num(values[1]!));
        if ((type === 'real' || type === 'integer' || type === 'double') && values.length === 1) return num(values[0]!);
        throw new SbmlImportError(element.path, `unsupported number of type '${type}'`);
    }

    private symbol(element: XmlElement): Expr {
        const url = element.attributes.definitionURL ?? '';
        if (url === `${CSYMBOL}time`) return { kind: 'time' };
        if (url === `${CSYMBOL}avogadro`) return num(AVOGADRO);
        throw new SbmlImportError(element.path, `the csymbol '${url}' is not supported`, true);
    }

    private piecewise(element: XmlElement): Typed {
        const otherwise = element.child('otherwise');
        let result: Typed = otherwise ? this.read(this.only(otherwise)) : numeric(binary('/', num(0), num(0)));
        const pieces = element.children.filter(c => c.name === 'piece').reverse();
        for (const piece of pieces) {
            if (piece.children.length !== 2) throw new SbmlImportError(piece.path, '<piece> must hold a value and a condition');
            const value = this.read(piece.children[0]);
            const condition = this.read(piece.children[1]);
            if (condition.constant !== undefined) {
                if (condition.constant) result = value;
                continue;
            }
            result = numeric(call('if', asBoolean(condition), asNumber(value), asNumber(result)));
        }
        return result;
    }

    private apply(element: XmlElement): Typed {
        const [head, ...operandElements] = element.children;
        if (!head) throw new SbmlImportError(element.path, 'empty <apply>');
        const qualifiers = new Set(['degree', 'logbase', 'bvar']);
        const operands = operandElements.filter(e => !qualifiers.has(e.name)).map(e => this.read(e));
        const numbers = () => operands.map(asNumber);
        const arity = (n: number) => {
            if (operands.length !== n) throw new SbmlImportError(element.path, `<${head.name}> takes ${n} argument(s), found ${operands.length}`);
            return numbers();
        };
        if (head.name === 'ci') return this.userCall(head, element, operands);
        if (head.name === 'csymbol') return numeric(this.symbol(head));
        const relation = RELATIONS.get(head.name);
        if (relation) {
            const args = numbers();
            if (args.length < 2) throw new SbmlImportError(element.path, `<${head.name}> needs two or more arguments`);
            return this.conjunction(args.slice(1).map((right, i) => {
                const decided = comparison(relation, args[i], right);
                return decided === undefined ? truth(binary(relation, args[i], right)) : literal(decided);
            }));
        }
        const direct = DIRECT.get(head.name);
        if (direct) return numeric(call(direct, ...arity(1)));
        switch (head.name) {
            case 'plus': return numeric(this.chain('+', numbers(), 0));
            case 'times': return numeric(this.chain('*', numbers(), 1));
            case 'minus':
                if (operands.length === 1) return numeric(unary('-', numbers()[0]));
                return numeric(binary('-', ...arity(2) as [Expr, Expr]));
            case 'divide': return numeric(binary('/', ...arity(2) as [Expr, Expr]));
            case 'power': return numeric(binary('^', ...arity(2) as [Expr, Expr]));
            case 'root': return numeric(this.root(element, arity(1)[0]));
            case 'log': return numeric(this.log(element, arity(1)[0]));
            case 'max': case 'min': return numeric(numbers().reduce((a, b) => call(head.name, a, b)));
            case 'quotient': return numeric(quotient(...arity(2) as [Expr, Expr]));
            case 'rem': {
                const [a, b] = arity(2);
                return numeric(binary('-', a, binary('*', b, quotient(a, b))));
            }
            case 'factorial': {
                const [x] = arity(1);
                const value = evaluateConstant(x);
                return numeric(value !== undefined ? num(factorial(value)) : call(this.context.helper('factorial'), x));
            }
            case 'tan': return numeric(ratio('sin', 'cos', arity(1)[0]));
            case 'cot': return numeric(ratio('cos', 'sin', arity(1)[0]));
            case 'sec': return numeric(binary('/', num(1), call('cos', arity(1)[0])));
            case 'csc': return numeric(binary('/', num(1), call('sin', arity(1)[0])));
            case 'arcsec': case 'arccsc': case 'arccot': return numeric(inverseReciprocal(head.name, arity(1)[0]));
            case 'sinh': case 'cosh': case 'tanh': case 'sech': case 'csch': case 'coth':
                return numeric(hyperbolic(head.name, arity(1)[0]));
            case 'arcsinh': case 'arccosh': case 'arctanh': case 'arcsech': case 'arccsch': case 'arccoth':
                return numeric(inverseHyperbolic(head.name, arity(1)[0]));
            case 'and': return this.conjunction(operands);
            case 'or': return this.disjunction(operands);
            case 'not': {
                const [x] = operands.length === 1 ? operands : [];
                if (!x) throw new SbmlImportError(element.path, '<not> takes one argument');
                return typeof x.constant === 'boolean' ? literal(!x.constant) : truth(unary('not', asBoolean(x)));
            }
            case 'xor': return operands.reduce((a, b) => this.disjunction([
                this.conjunction([a, this.negate(b)]), this.conjunction([this.negate(a), b])
            ]), literal(false));
            case 'implies': {
                const [a, b] = operands.length === 2 ? operands : [];
                if (!a || !b) throw new SbmlImportError(element.path, '<implies> takes two arguments');
                return this.disjunction([this.negate(a), b]);
            }
            default: throw this.unsupported(head);
        }
    }

    private chain(op: '+' | '*', args: Expr[], identity: number): Expr {
        return args.length === 0 ? num(identity) : args.reduce((a, b) => binary(op, a, b));
    }

    private negate(value: Typed): Typed {
        return typeof value.constant === 'boolean' ? literal(!value.constant) : truth(unary('not', asBoolean(value)));
    }

    /** `and` of the operands, dropping constant `true`s (SBML allows any number of operands). */
    private conjunction(operands: Typed[]): Typed {
        if (operands.some(o => o.constant === false)) return literal(false);
        const rest = operands.filter(o => o.constant !== true).map(asBoolean);
        return rest.length === 0 ? literal(true) : truth(rest.reduce((a, b) => binary('and', a, b)));
    }

    private disjunction(operands: Typed[]): Typed {
        if (operands.some(o => o.constant === true)) return literal(true);
        const rest = operands.filter(o => o.constant !== false).map(asBoolean);
        return rest.length === 0 ? literal(false) : truth(rest.reduce((a, b) => binary('or', a, b)));
    }

    private userCall(head: XmlElement, element: XmlElement, operands: Typed[]): Typed {
        const fn = this.context.functionNamed(head.text);
        if (!fn) throw new SbmlImportError(head.path, `'${head.text}' is not a function definition`);
        if (fn.arity !== operands.length) {
            throw new SbmlImportError(element.path, `${head.text} takes ${fn.arity} argument(s), found ${operands.length}`);
        }
        const expr = call(fn.name, ...operands.map(asNumber));
        return fn.boolean ? truth(expr) : numeric(expr);
    }

    private root(element: XmlElement, x: Expr): Expr {
        const degree = element.child('degree');
        if (!degree) return call('sqrt', x);
        return binary('^', x, binary('/', num(1), this.readQualifier(degree)));
    }

    private log(element: XmlElement, x: Expr): Expr {
        const base = element.child('logbase');
        if (!base) return call('log10', x);
        const b = this.readQualifier(base);
        if (evaluateConstant(b) === 10) return call('log10', x);
        return binary('/', call('ln', x), call('ln', b));
    }

    private readQualifier(qualifier: XmlElement): Expr {
        return asNumber(this.read(this.only(qualifier)));
    }

    private unsupported(element: XmlElement): SbmlImportError {
        return new SbmlImportError(element.path, `the MathML element <${element.name}> is not supported`, true);
    }
}
