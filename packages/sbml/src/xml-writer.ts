import { escapeXml } from '@neurocascade/language/xml-text';

/** A tiny XML builder for the exporter: elements, attributes (escaped) and text, printed indented. */
export interface XmlNode {
    name: string;
    attributes: Record<string, string | number | boolean | undefined>;
    children: (XmlNode | string)[];
}

export function node(name: string, attributes: XmlNode['attributes'] = {}, ...children: (XmlNode | string | undefined | false)[]): XmlNode {
    return { name, attributes, children: children.filter((c): c is XmlNode | string => c !== undefined && c !== false) };
}

/** A `<listOfX>` element, or nothing when there are no items (SBML forbids empty lists in Level 3 Version 1). */
export function listOf(name: string, items: XmlNode[]): XmlNode | undefined {
    return items.length === 0 ? undefined : node(name, {}, ...items);
}

export function printXml(root: XmlNode): string {
    return `<?xml version="1.0" encoding="UTF-8"?>\n${print(root, '')}\n`;
}

function print(element: XmlNode, indent: string): string {
    const attributes = Object.entries(element.attributes)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`).join('');
    if (element.children.length === 0) return `${indent}<${element.name}${attributes}/>`;
    if (element.children.every(c => typeof c === 'string')) {
        return `${indent}<${element.name}${attributes}> ${element.children.map(c => escapeXml(c as string)).join('')} </${element.name}>`;
    }
    const inner = element.children.map(c => typeof c === 'string' ? `${indent}  ${escapeXml(c)}` : print(c, `${indent}  `)).join('\n');
    return `${indent}<${element.name}${attributes}>\n${inner}\n${indent}</${element.name}>`;
}
