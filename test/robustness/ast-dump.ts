import { isReference } from 'langium';

/** A syntax tree as plain data without positions, containers or CST: references by their text. */
export function astDump(node: unknown): unknown {
    if (Array.isArray(node)) return node.map(astDump);
    if (isReference(node)) return { ref: node.$refText };
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
        if (key === '$type' || !key.startsWith('$')) out[key] = astDump(value);
    }
    return out;
}
