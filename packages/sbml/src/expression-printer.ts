import type { Expr } from '@neurocascade/simulator';
import { RESERVED_WORDS } from './identifiers.js';

/**
 * Prints an IR expression as Cascade source with the fewest parentheses that keep the tree.
 * Binary operators always get spaces around them: `6 /h` would read as a unit.
 */
export function printExpression(expr: Expr): string {
    return print(expr).text;
}

// Binding strength of the grammar's levels: or < and < not < comparison < + - < * / < unary < ^ < primary.
const OR = 1, AND = 2, NOT = 3, COMPARISON = 4, ADDITIVE = 5, MULTIPLICATIVE = 6, UNARY = 7, POWER = 8, PRIMARY = 9;

const LEVEL: Record<string, number> = {
    or: OR, and: AND, '<': COMPARISON, '<=': COMPARISON, '>': COMPARISON, '>=': COMPARISON, '==': COMPARISON,
    '!=': COMPARISON, '+': ADDITIVE, '-': ADDITIVE, '*': MULTIPLICATIVE, '/': MULTIPLICATIVE, '^': POWER
};

interface Printed { text: string; level: number }

function print(expr: Expr): Printed {
    switch (expr.kind) {
        case 'number': return printNumber(expr.value);
        case 'name': return { text: expr.name, level: PRIMARY };
        case 'member': return { text: `${expr.name}.${expr.member}`, level: PRIMARY };
        case 'time': return { text: 't', level: PRIMARY };
        case 'balance': return { text: 'balance', level: PRIMARY };
        case 'call': return { text: `${expr.fn}(${expr.args.map(printArgument).join(', ')})`, level: PRIMARY };
        case 'unary':
            return expr.op === 'not'
                ? { text: `not ${wrap(expr.operand, NOT)}`, level: NOT }
                : { text: `-${wrap(expr.operand, POWER)}`, level: UNARY };
        case 'binary': {
            const level = LEVEL[expr.op];
            const [leftMin, rightMin] = operandLevels(expr.op, level);
            return { text: `${wrap(expr.left, leftMin)} ${expr.op} ${wrap(expr.right, rightMin)}`, level };
        }
    }
}

/**
 * The grammar reads `name value` as a named argument (`mean 80 pg/mL`), so an argument that
 * starts with a name followed by what may start an expression, `k - 1` or `exp(1) + x`, would
 * parse as the argument `k` = `-1`: such arguments are parenthesized.
 */
function printArgument(expr: Expr): string {
    const text = printExpression(expr);
    const start = /^([A-Za-z_]\w*)(?!\w)\s*[-+(\w]/.exec(text);
    return start && !RESERVED_WORDS.has(start[1]) ? `(${text})` : text;
}

/** The weakest level each operand may have without parentheses. */
function operandLevels(op: string, level: number): [number, number] {
    if (op === '^') return [PRIMARY, UNARY];
    if (level === COMPARISON) return [ADDITIVE, ADDITIVE];
    // Left-associative: the right operand must bind tighter to keep the tree as it is.
    return [level, level + 1];
}

function wrap(expr: Expr, minimum: number): string {
    const printed = print(expr);
    return printed.level >= minimum ? printed.text : `(${printed.text})`;
}

function printNumber(value: number): Printed {
    if (Number.isNaN(value)) return { text: '0 / 0', level: MULTIPLICATIVE };
    if (!Number.isFinite(value)) return { text: value > 0 ? '1 / 0' : '-1 / 0', level: MULTIPLICATIVE };
    if (value < 0 || Object.is(value, -0)) return { text: `-${String(-value)}`, level: UNARY };
    return { text: String(value), level: PRIMARY };
}
