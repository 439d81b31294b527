import type { IToken, TokenType, TokenVocabulary } from 'chevrotain';
import { DefaultTokenBuilder, type Grammar, type TokenBuilderOptions } from 'langium';

/**
 * The unit after a number (`50 uM`, `0.2 /min`, `40%`) is whitespace-sensitive, which a
 * context-free token cannot express: `6 /h` is six per hour, `6 / h` a division.
 * The UNIT token therefore matches only right after a NUMBER on the same line, and not
 * where the number is a stoichiometric coefficient (`2 A -> B`).
 */
export class CascadeTokenBuilder extends DefaultTokenBuilder {
    private keywords = new Set<string>();

    override buildTokens(grammar: Grammar, options?: TokenBuilderOptions): TokenVocabulary {
        const tokens = super.buildTokens(grammar, options) as TokenType[];
        for (const token of tokens) {
            if (typeof token.PATTERN === 'string' && /^[A-Za-z_]\w*$/.test(token.PATTERN)) this.keywords.add(token.PATTERN);
        }
        const unit = tokens.find(token => token.name === 'UNIT')!;
        unit.PATTERN = (text: string, offset: number, matched: IToken[]) => matchUnit(text, offset, matched, this.keywords);
        unit.LINE_BREAKS = false;
        unit.START_CHARS_HINT = [' ', '\t', '%', '/', ...ATOM_START_CHARS];
        for (const token of tokens) {
            if (Array.isArray(token.LONGER_ALT)) token.LONGER_ALT = token.LONGER_ALT.filter(alt => alt !== unit);
        }
        // The unit must be tried before whitespace, `/`, `%` and names.
        return [unit, ...tokens.filter(token => token !== unit), UNKNOWN];
    }
}

/**
 * A run of characters no token can begin (binary garbage, stray symbols; `%` and `µ` outside a
 * unit, `!` not followed by `=`), as one token the parser reports. Without it the lexer recovers
 * one character at a time, trying every pattern at each: a megabyte of garbage took seconds.
 */
const UNKNOWN_PATTERN = /(?:[^A-Za-z0-9_\s"(){}.,+\-*\/^<>=!]|!(?!=))+/;
const UNKNOWN: TokenType = {
    name: 'UNKNOWN',
    PATTERN: UNKNOWN_PATTERN,
    LINE_BREAKS: false,
    START_CHARS_HINT: unknownStartChars()
};

/**
 * Chevrotain cannot derive the first characters of a negated class, and one such token turns
 * off its first-character dispatch for the whole lexer (every pattern tried at every offset,
 * half of an edit's time). So the hint lists them: each code below 256 the pattern can begin
 * with, and one code of each 255-wide bucket above, which is how chevrotain groups higher codes.
 */
function unknownStartChars(): number[] {
    const codes: number[] = [];
    const startsUnknown = new RegExp(`^(?:${UNKNOWN_PATTERN.source})`);
    for (let code = 0; code < 256; code++) {
        if (startsUnknown.test(`${String.fromCharCode(code)} `)) codes.push(code);
    }
    codes.push(256);
    for (let code = 2 * 255; code < 65536; code += 255) codes.push(code);
    return codes;
}

const ATOM_START_CHARS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_\u00b5\u03bc'];
const ATOM = /[A-Za-z_\u00b5\u03bc][A-Za-z0-9_\u00b5\u03bc]*/y;
const STOICHIOMETRY_VERBS = new Set(['converts', 'moves', '->', '<->']);

/** Matches a unit at `offset`, or returns null when none may start there. */
export function matchUnit(text: string, offset: number, matched: IToken[], keywords: Set<string>): RegExpExecArray | null {
    const previous = matched[matched.length - 1];
    if (!previous || previous.tokenType.name !== 'NUMBER' || previous.endOffset! + 1 !== offset) return null;
    let position = offset;
    while (text[position] === ' ' || text[position] === '\t') position++;
    const start = text[position];
    if (start === '%') {
        // fall through to the scan below
    } else if (start === '/') {
        const next = text[position + 1];
        if (next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r' || next === '/' || next === '*') return null;
    } else {
        ATOM.lastIndex = position;
        const atom = ATOM.exec(text);
        if (!atom || keywords.has(atom[0]) || isStoichiometricCoefficient(matched)) return null;
    }
    const end = scanUnit(text, position);
    if (end === position) return null;
    const result = [text.slice(offset, end)] as unknown as RegExpExecArray;
    result.index = offset;
    result.input = text;
    return result;
}

/** Scans atoms, `/`, `*`, `^±n`, `%` and balanced parentheses; stops at anything else. */
function scanUnit(text: string, position: number): number {
    let depth = 0;
    let end = position;
    while (end < text.length) {
        const c = text[end];
        if (c === '(') { depth++; end++; continue; }
        if (c === ')') { if (depth === 0) break; depth--; end++; continue; }
        if (c === '/' || c === '*' || c === '%') { end++; continue; }
        if (c === '^') {
            const power = /\^[+-]?\d+/y;
            power.lastIndex = end;
            if (!power.exec(text)) break;
            end = power.lastIndex;
            continue;
        }
        ATOM.lastIndex = end;
        if (ATOM.exec(text)) { end = ATOM.lastIndex; continue; }
        if (/\d/.test(c)) { end++; continue; }
        break;
    }
    // An operator left dangling at the end belongs to the expression, not the unit.
    while (end > position && (text[end - 1] === '/' || text[end - 1] === '*') ) end--;
    // Unbalanced open parentheses: give back the text from the first unclosed one.
    return depth === 0 ? end : position;
}

/**
 * A number directly before a species name in `converts`/`moves`/a reaction equation is a coefficient.
 * The answer for one number is the answer for the number before it in the same run of terms, so the
 * last answer is kept: without it, each coefficient of a long equation walked back to its start.
 */
function isStoichiometricCoefficient(matched: IToken[]): boolean {
    const last = matched.length - 1;
    let verdict = false;
    for (let i = last - 1; i >= 0; i--) {
        const name = matched[i].tokenType.name;
        const known = name === 'NUMBER' ? lastVerdicts.get(matched) : undefined;
        if (known?.index === i) {
            verdict = known.verdict;
            break;
        }
        if (STOICHIOMETRY_VERBS.has(name)) { verdict = true; break; }
        if (name === 'ID' || name === 'NUMBER' || name === '+') continue;
        verdict = name === '{' && opensReaction(matched, i);
        break;
    }
    lastVerdicts.set(matched, { index: last, verdict });
    return verdict;
}

/** Per token list being lexed, the last number judged and whether it was a coefficient. */
const lastVerdicts = new WeakMap<IToken[], { index: number; verdict: boolean }>();

/** True when the `{` at `index` opens `reaction Name "title"? (in C)? {`. */
function opensReaction(matched: IToken[], index: number): boolean {
    let i = index - 1;
    if (matched[i]?.tokenType.name === 'ID' && matched[i - 1]?.tokenType.name === 'in') i -= 2;
    if (matched[i]?.tokenType.name === 'STRING') i--;
    return matched[i]?.tokenType.name === 'ID' && matched[i - 1]?.tokenType.name === 'reaction';
}
