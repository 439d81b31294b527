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

/**
 * Limits that keep an import's time and memory bounded: the largest kinetic models in BioModels
 * are a few MB, while 50 MB of annotation took 31 s and 1.8 GB. Elements may nest this deep
 * (MathML included); deeper ones are reported at the element where the limit is crossed.
 */
export const MAX_DOCUMENT_LENGTH = 20_000_000;
export const MAX_ELEMENT_DEPTH = 500;

const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    commentPropName: '#comment',
    // Character references (`&#10;`, `&#x2F;`) are decoded, as XML requires.
    htmlEntities: true,
    // The parser keeps its own stack; depth is limited while building the tree, where the path is known.
    maxNestedTags: Number.MAX_SAFE_INTEGER,
    // It would rename a tag or attribute `toString` to `__toString`: a silent change. No SBML name is one of these.
    onDangerousProperty: (name: string) => { throw new Error(`Invalid name: "${name}" (an object built-in)`); }
});

/** Parses a whole document into its root element; malformed XML is an SbmlImportError with line and column. */
export function parseXml(text: string): XmlElement {
    if (text.length > MAX_DOCUMENT_LENGTH) {
        throw new SbmlImportError('/', `the document is ${megabytes(text.length)} of text; the importer reads at most ${megabytes(MAX_DOCUMENT_LENGTH)}`);
    }
    const verdict = XMLValidator.validate(text);
    if (verdict !== true) {
        const { msg, line, col } = verdict.err;
        throw new SbmlImportError('/', `malformed XML at line ${line}, column ${col}: ${msg}`);
    }
    const roots = (parseOrdered(text))
        .map(node => build(node, new Map(), undefined, 1))
        .filter((e): e is XmlElement => e instanceof XmlElement);
    if (roots.length !== 1) throw new SbmlImportError('/', 'the document has no root element');
    return roots[0];
}

/** The parser's tree; what it refuses (names such as `__proto__`, which it guards against) is the document's error. */
function parseOrdered(text: string): OrderedNode[] {
    try {
        return parser.parse(text) as OrderedNode[];
    } catch (error) {
        throw new SbmlImportError('/', `the XML cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
}

export function megabytes(length: number): string {
    return `${(length / 1e6).toFixed(1)} MB`;
}

function build(node: OrderedNode, scope: ReadonlyMap<string, string>, parent: XmlElement | undefined, depth: number): XmlElement | string | undefined {
    const tag = Object.keys(node).find(k => k !== ':@');
    if (tag === undefined || tag === '#comment') return undefined;
    if (tag === '#text') return String(node[tag]);
    // No prototype: an attribute lookup such as `attributes.constructor` finds only what the document wrote.
    const attributes = Object.assign(Object.create(null) as Record<string, string>, node[':@']);
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
    const childNodes = node[tag] as OrderedNode[];
    if (depth === MAX_ELEMENT_DEPTH && childNodes.some(child => !('#text' in child) && !('#comment' in child))) {
        throw new SbmlImportError(element.path, `elements nest more than ${MAX_ELEMENT_DEPTH} deep here`);
    }
    for (const childNode of childNodes) {
        const child = build(childNode, names, element, depth + 1);
        if (child === undefined) continue;
        element.content.push(child);
        if (child instanceof XmlElement) element.children.push(child);
    }
    return element;
}
