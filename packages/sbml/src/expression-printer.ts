import type { Expr } from '@neurocascade/simulator';

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
        case 'call': return { text: `${expr.fn}(${expr.args.map(printExpression).join(', ')})`, level: PRIMARY };
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
