import { SbmlImportError } from './sbml-error.js';
import { parseXml, type XmlElement } from './xml-tree.js';
import { parseXsdDouble } from './xsd-double.js';

/** The SBML core namespaces the importer reads, by level and version. */
const CORE_NAMESPACES = new Map<string, [number, number]>([
    ['http://www.sbml.org/sbml/level2', [2, 1]],
    ['http://www.sbml.org/sbml/level2/version2', [2, 2]],
    ['http://www.sbml.org/sbml/level2/version3', [2, 3]],
    ['http://www.sbml.org/sbml/level2/version4', [2, 4]],
    ['http://www.sbml.org/sbml/level2/version5', [2, 5]],
    ['http://www.sbml.org/sbml/level3/version1/core', [3, 1]],
    ['http://www.sbml.org/sbml/level3/version2/core', [3, 2]]
]);

export interface SbmlDocument {
    level: number;
    version: number;
    namespace: string;
    model: XmlElement;
    /** Package namespaces that are declared but not required for simulation (their elements are ignored). */
    optionalPackages: string[];
}

/** Parses the text and checks that it is SBML Level 2 or 3 core with a model. */
export function readSbmlDocument(text: string): SbmlDocument {
    const root = parseXml(text);
    if (root.name !== 'sbml') throw new SbmlImportError(root.path, `not an SBML document: the root element is <${root.name}>, not <sbml>`);
    const levelVersion = CORE_NAMESPACES.get(root.namespace);
    if (!levelVersion) {
        const known = root.namespace.startsWith('http://www.sbml.org/sbml/level1') ? ' (SBML Level 1 is not supported)' : '';
        throw new SbmlImportError(root.path, `unknown SBML namespace '${root.namespace}'${known}`);
    }
    const [level, version] = levelVersion;
    const declared = [attribute(root, 'level'), attribute(root, 'version')].map(Number);
    if (declared[0] !== level || declared[1] !== version) {
        throw new SbmlImportError(root.path, `level ${declared[0]} version ${declared[1]} does not match the namespace '${root.namespace}'`);
    }
    const optionalPackages: string[] = [];
    for (const [key, value] of Object.entries(root.attributes)) {
        if (!key.includes(':') || key.startsWith('xmlns:')) continue;
        const prefix = key.slice(0, key.indexOf(':'));
        if (!key.endsWith(':required')) continue;
        const uri = root.attributes[`xmlns:${prefix}`] ?? prefix;
        if (value === 'true') throw new SbmlImportError(root.path, `the SBML package '${uri}' is required and not supported`, true);
        optionalPackages.push(uri);
    }
    const model = root.child('model');
    if (!model || model.namespace !== root.namespace) throw new SbmlImportError(root.path, 'the document has no <model>');
    return { level, version, namespace: root.namespace, model, optionalPackages };
}

export function attribute(element: XmlElement, name: string): string {
    const value = element.attributes[name];
    if (value === undefined) throw new SbmlImportError(element.path, `missing required attribute '${name}'`);
    return value;
}

export function numberAttribute(element: XmlElement, name: string): number | undefined {
    const text = element.attributes[name];
    if (text === undefined) return undefined;
    const value = parseXsdDouble(text);
    if (value === undefined) throw new SbmlImportError(element.path, `attribute '${name}' is not a number (xsd:double): '${text}'`);
    return value;
}

/** A boolean attribute; `fallback` is its Level 2 default (Level 3 requires it when fallback is undefined). */
export function booleanAttribute(element: XmlElement, name: string, fallback: boolean | undefined): boolean {
    const text = element.attributes[name];
    if (text === undefined) {
        if (fallback === undefined) throw new SbmlImportError(element.path, `missing required attribute '${name}'`);
        return fallback;
    }
    if (text === 'true' || text === '1') return true;
    if (text === 'false' || text === '0') return false;
    throw new SbmlImportError(element.path, `attribute '${name}' is not a boolean: '${text}'`);
}
