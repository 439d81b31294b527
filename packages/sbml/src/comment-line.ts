/**
 * Text from SBML (ids, paths, the file name) as one `//` comment line. A line break would end the
 * comment and let the rest be read as Cascade (`\n model Other /*` renamed the model and declared
 * more); every control and line-separator character is therefore written as a visible escape.
 */
export function commentLine(text: string): string {
    return `// ${text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, c => `\\u{${c.codePointAt(0)!.toString(16)}}`)}`;
}
