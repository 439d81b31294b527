/** A small parser for IR expressions, so tests can write `k * A / (1 + B)` instead of trees. */
import type { BinaryOp, Expr, MemberName } from '../../../src/ir.js';

const TOKEN = /\s*(\d+\.?\d*(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?|[A-Za-z_][A-Za-z0-9_]*|<=|>=|==|!=|[-+*/^(),.<>])/y;
const LEVELS: BinaryOp[][] = [['or'], ['and'], ['<', '<=', '>', '>=', '==', '!='], ['+', '-'], ['*', '/']];

export function ex(text: string): Expr {
    const tokens: string[] = [];
    TOKEN.lastIndex = 0;
    while (TOKEN.lastIndex < text.trimEnd().length) {
        const m = TOKEN.exec(text);
        if (!m) throw new Error(`cannot read '${text.slice(TOKEN.lastIndex)}'`);
        tokens.push(m[1]);
    }
    let at = 0;
    const peek = () => tokens[at];
    const take = (expected?: string) => {
        const token = tokens[at++];
        if (expected !== undefined && token !== expected) throw new Error(`expected ${expected} in '${text}'`);
        return token;
    };
    const binary = (level: number): Expr => {
        if (level === LEVELS.length) return power();
        let left = binary(level + 1);
        while ((LEVELS[level] as string[]).includes(peek())) {
            const op = take() as BinaryOp;
            left = { kind: 'binary', op, left, right: binary(level + 1) };
        }
        return left;
    };
    const power = (): Expr => {
        const base = unary();
        return peek() === '^' ? (take(), { kind: 'binary', op: '^', left: base, right: power() }) : base;
    };
    const unary = (): Expr => {
        if (peek() === '-') { take(); return { kind: 'unary', op: '-', operand: unary() }; }
        if (peek() === 'not') { take(); return { kind: 'unary', op: 'not', operand: unary() }; }
        return primary();
    };
    const primary = (): Expr => {
        const token = take();
        if (token === '(') { const inner = binary(0); take(')'); return inner; }
        if (/^[\d.]/.test(token)) return { kind: 'number', value: Number(token) };
        if (token === 't') return { kind: 'time' };
        if (token === 'balance') return { kind: 'balance' };
        if (peek() === '(') {
            take();
            const args: Expr[] = [];
            while (peek() !== ')') { args.push(binary(0)); if (peek() === ',') take(); }
            take(')');
            return { kind: 'call', fn: token, args };
        }
        if (peek() === '.') {
            take();
            return { kind: 'member', name: token, member: take() as MemberName };
        }
        return { kind: 'name', name: token };
    };
    const result = binary(0);
    if (at !== tokens.length) throw new Error(`unexpected '${tokens[at]}' in '${text}'`);
    return result;
}

/** A number or an expression text. */
export function value(v: number | string): Expr {
    return typeof v === 'number' ? { kind: 'number', value: v } : ex(v);
}
