/**
 * The project's one escaper for text written into XML (SVG diagrams, SBML, the preview page). It
 * imports nothing, so every package and bundle can use it (subpath `./xml-text`).
 *
 * Markup characters become entities. XML 1.0 allows only tab, line feed and carriage return below
 * U+0020 and no U+FFFE, U+FFFF or unpaired surrogate, even as character references: each of those
 * becomes U+FFFD (the replacement character), so a title holding one stays visible and the document
 * well formed. Tab, line feed and carriage return are written as references, which attribute-value
 * and line-end normalization leave as they are.
 */
const ENTITIES = new Map([['&', '&amp;'], ['<', '&lt;'], ['>', '&gt;'], ['"', '&quot;'], ["'", '&#39;'], ['\t', '&#9;'], ['\n', '&#10;'], ['\r', '&#13;']]);
const NOT_XML_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeXml(text: string): string {
    return text.replace(NOT_XML_CHARACTER, '\ufffd').replace(/[&<>"'\t\n\r]/g, c => ENTITIES.get(c)!);
}
