/**
 * A number as SBML writes it: the XML Schema type double (SBML Level 3 Version 2, section 3.1.5), so
 * `1`, `-2.5e-3`, `.5`, `INF`, `-INF`, `+INF` and `NaN`; surrounding whitespace is collapsed.
 * Anything else (`0x10`, `Infinity`, `1_000`, `constructor`, an empty text) is undefined, where
 * JavaScript's Number() would read some of them as numbers.
 */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const SPECIAL = new Map([['INF', Infinity], ['+INF', Infinity], ['-INF', -Infinity], ['NaN', NaN]]);

export function parseXsdDouble(text: string): number | undefined {
    const collapsed = text.trim();
    return SPECIAL.has(collapsed) ? SPECIAL.get(collapsed) : DECIMAL.test(collapsed) ? Number(collapsed) : undefined;
}
