/**
 * fast-check generators for hostile SBML text: attribute values that try to leave the importer's
 * comments and strings (line breaks, `/*`, `*\/`, quotes, control characters), names that are
 * object built-ins, and numeric attributes outside xsd:double.
 */
import fc from 'fast-check';

/** Pieces that end or open Cascade comments and strings, or are keywords and object built-ins. */
const HOSTILE_PIECES = ['\n', '\r', '\r\n', '\u2028', '\u2029', '/*', '*/', '//', '"', '\\', '{', '}', 'model X', 'parameter z = 1',
    'constructor', '__proto__', 'toString', '\t', '\u0085', '\u00a0', '\u200b', ' '];

/** A string XML 1.0 can carry in an attribute (no C0 control but tab, line feed, carriage return). */
export const hostileText: fc.Arbitrary<string> = fc.array(fc.oneof(
    fc.constantFrom(...HOSTILE_PIECES),
    fc.string({ unit: 'grapheme', maxLength: 6 }),
    fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/)
), { maxLength: 8 }).map(parts => parts.join('').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''));

/** The text as an XML attribute value: markup escaped, line breaks as character references so the parser keeps them. */
export function xmlAttribute(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')
        .replace(/[\t\n\r]/g, c => `&#${c.charCodeAt(0)};`);
}

/** Numeric attribute values that are not xsd:double, many of them numbers to JavaScript's Number(). */
export const notXsdDouble: fc.Arbitrary<string> = fc.oneof(
    fc.constantFrom('constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '0x10', '0o7', '0b1', 'Infinity',
        '-Infinity', 'inf', 'nan', '1_000', '', ' ', '1e', '.', '+', '1..2', '١'),
    fc.string({ maxLength: 6 }).filter(text => !/^\s*([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?INF|NaN)\s*$/.test(text))
);
