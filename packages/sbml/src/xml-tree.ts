import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { SbmlImportError } from './sbml-error.js';

/** One XML element with namespaces resolved; text and child elements kept in document order. */
export class XmlElement {
    readonly children: XmlElement[] = [];
    /** Text and child elements in order (MathML `<cn>` with `<sep/>` needs both). */
    readonly content: (XmlElement | string)[] = [];

    constructor(
        readonly name: string,
        readonly namespace: string,
        readonly attributes: Readonly<Record<string, string>>,
        readonly parent?: XmlElement
    ) {}

    /** The element's own text, trimmed. */
    get text(): string {
        return this.content.filter((c): c is string => typeof c === 'string').join('').trim();
    }

    child(name: string): XmlElement | undefined {
        return this.children.find(c => c.name === name);
    }

    /** Children of the `<listOfX>` child named `list`. */
    listed(list: string, item: string): XmlElement[] {
        return this.child(list)?.children.filter(c => c.name === item) ?? [];
    }

    /** Where this element is, e.g. `/sbml/model/listOfReactions/reaction[@id='R1']/kineticLaw`. */
    get path(): string {
        const here = this.name + this.selector();
        return this.parent ? `${this.parent.path}/${here}` : `/${here}`;
    }

    private selector(): string {
        for (const key of ['id', 'variable', 'symbol', 'species']) {
            const value = this.attributes[key];
            if (value !== undefined) return `[@${key}='${value}']`;
        }
        const siblings = this.parent?.children.filter(c => c.name === this.name) ?? [];
        return siblings.length > 1 ? `[${siblings.indexOf(this) + 1}]` : '';
    }
}

type OrderedNode = Record<string, unknown>;

const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    commentPropName: '#comment'
});

/** Parses a whole document into its root element; malformed XML is an SbmlImportError with line and column. */
export function parseXml(text: string): XmlElement {
    const verdict = XMLValidator.validate(text);
    if (verdict !== true) {
        const { msg, line, col } = verdict.err;
        throw new SbmlImportError('/', `malformed XML at line ${line}, column ${col}: ${msg}`);
    }
    const roots = (parser.parse(text) as OrderedNode[])
        .map(node => build(node, new Map()))
        .filter((e): e is XmlElement => e instanceof XmlElement);
    if (roots.length !== 1) throw new SbmlImportError('/', 'the document has no root element');
    return roots[0];
}

function build(node: OrderedNode, scope: ReadonlyMap<string, string>, parent?: XmlElement): XmlElement | string | undefined {
    const tag = Object.keys(node).find(k => k !== ':@');
    if (tag === undefined || tag === '#comment') return undefined;
    if (tag === '#text') return String(node[tag]);
    const attributes = (node[':@'] ?? {}) as Record<string, string>;
    // Most elements declare no namespace: they share their parent's scope.
    const declarations = Object.entries(attributes).filter(([key]) => key === 'xmlns' || key.startsWith('xmlns:'));
    const names = declarations.length === 0 ? scope
        : new Map([...scope, ...declarations.map(([key, value]): [string, string] => [key === 'xmlns' ? '' : key.slice(6), value])]);
    const colon = tag.indexOf(':');
    const prefix = colon < 0 ? '' : tag.slice(0, colon);
    const element = new XmlElement(tag.slice(colon + 1), names.get(prefix) ?? '', attributes, parent);
    if (prefix !== '' && !names.has(prefix)) {
        throw new SbmlImportError(element.path, `namespace prefix '${prefix}' is not declared`);
    }
    for (const childNode of node[tag] as OrderedNode[]) {
        const child = build(childNode, names, element);
        if (child === undefined) continue;
        element.content.push(child);
        if (child instanceof XmlElement) element.children.push(child);
    }
    return element;
}
