import { SbmlImportError } from './sbml-error.js';
import { attribute, booleanAttribute, numberAttribute, type SbmlDocument } from './sbml-document.js';
import type { XmlElement } from './xml-tree.js';

/** The parts of an SBML model that carry meaning for simulation, each with its element for error paths. */
export interface SbmlModel {
    id?: string;
    name?: string;
    level: number;
    version: number;
    functions: SbmlFunction[];
    compartments: SbmlCompartment[];
    species: SbmlSpecies[];
    parameters: SbmlParameter[];
    reactions: SbmlReaction[];
    /** Assignment rules and rate rules, keyed by variable. */
    assignmentRules: Map<string, SbmlMath>;
    rateRules: Map<string, SbmlMath>;
    initialAssignments: Map<string, SbmlMath>;
    events: SbmlEvent[];
    /** Constraints do not change a simulation; kept to be shown as comments. */
    constraints: XmlElement[];
    /** Elements that SBML says to ignore (math-less rules, optional packages), with why. */
    ignored: { element: XmlElement; why: string }[];
}

interface Named { id: string; name?: string; element: XmlElement }
export interface SbmlFunction extends Named { parameters: string[]; body: XmlElement }
export interface SbmlCompartment extends Named { size?: number }
export interface SbmlSpecies extends Named {
    compartment: string;
    initialAmount?: number;
    initialConcentration?: number;
    hasOnlySubstanceUnits: boolean;
    boundaryCondition: boolean;
    constant: boolean;
}
export interface SbmlParameter extends Named { value?: number }
export interface SbmlSpeciesReference { species: string; id?: string; stoichiometry: number; element: XmlElement }
export interface SbmlReaction extends Named {
    compartment?: string;
    reactants: SbmlSpeciesReference[];
    products: SbmlSpeciesReference[];
    law?: XmlElement;
    localParameters: SbmlParameter[];
}
export interface SbmlMath { math: XmlElement; element: XmlElement }
export interface SbmlEvent { id?: string; element: XmlElement; trigger?: XmlElement; assignments: { variable: string; math: XmlElement; element: XmlElement }[] }

const KNOWN_MODEL_CHILDREN = new Set([
    'notes', 'annotation', 'listOfFunctionDefinitions', 'listOfUnitDefinitions', 'listOfCompartmentTypes',
    'listOfSpeciesTypes', 'listOfCompartments', 'listOfSpecies', 'listOfParameters', 'listOfInitialAssignments',
    'listOfRules', 'listOfConstraints', 'listOfReactions', 'listOfEvents'
]);

export function readSbmlModel(document: SbmlDocument): SbmlModel {
    const { model, level, version } = document;
    const l3 = level === 3;
    const ignored: SbmlModel['ignored'] = [];
    for (const child of model.children) {
        if (child.namespace !== document.namespace) ignored.push({ element: child, why: `package '${child.namespace}' (not required for simulation)` });
        else if (!KNOWN_MODEL_CHILDREN.has(child.name)) throw new SbmlImportError(child.path, `unknown element <${child.name}> in <model>`);
    }
    if (l3 && model.attributes.conversionFactor !== undefined) throw unsupported(model, 'conversion factors are not supported');
    const mathOf = (element: XmlElement): XmlElement | undefined => {
        const math = element.child('math');
        if (!math) ignored.push({ element, why: 'it has no math' });
        return math;
    };
    const keyed = (elements: XmlElement[], key: string) => {
        const map = new Map<string, SbmlMath>();
        for (const element of elements) {
            const math = mathOf(element);
            const variable = attribute(element, key);
            if (map.has(variable)) throw new SbmlImportError(element.path, `'${variable}' is assigned twice`);
            if (math) map.set(variable, { math, element });
        }
        return map;
    };
    const rules = model.child('listOfRules')?.children ?? [];
    const algebraic = rules.find(r => r.name === 'algebraicRule');
    if (algebraic) throw unsupported(algebraic, 'algebraic rules are not supported');
    return {
        id: model.attributes.id,
        name: model.attributes.name,
        level,
        version,
        functions: model.listed('listOfFunctionDefinitions', 'functionDefinition').map(readFunction),
        compartments: model.listed('listOfCompartments', 'compartment').map(element => ({
            ...named(element),
            size: numberAttribute(element, 'size') ?? numberAttribute(element, 'volume')
        })),
        species: model.listed('listOfSpecies', 'species').map(element => readSpecies(element, l3)),
        parameters: model.listed('listOfParameters', 'parameter').map(readParameter),
        reactions: model.listed('listOfReactions', 'reaction').map(element => readReaction(element, l3)),
        assignmentRules: keyed(rules.filter(r => r.name === 'assignmentRule'), 'variable'),
        rateRules: keyed(rules.filter(r => r.name === 'rateRule'), 'variable'),
        initialAssignments: keyed(model.listed('listOfInitialAssignments', 'initialAssignment'), 'symbol'),
        events: model.listed('listOfEvents', 'event').map(element => readEvent(element, l3, mathOf)),
        constraints: model.listed('listOfConstraints', 'constraint'),
        ignored
    };
}

function unsupported(element: XmlElement, why: string): SbmlImportError {
    return new SbmlImportError(element.path, why, true);
}

function named(element: XmlElement): Named {
    return { id: attribute(element, 'id'), name: element.attributes.name, element };
}

function readFunction(element: XmlElement): SbmlFunction {
    const lambda = element.child('math')?.child('lambda');
    if (!lambda) throw new SbmlImportError(element.path, 'a function definition needs <math><lambda>');
    const parameters = lambda.children.filter(c => c.name === 'bvar').map(bvar => {
        const ci = bvar.child('ci');
        if (!ci) throw new SbmlImportError(bvar.path, '<bvar> needs a <ci>');
        return ci.text;
    });
    const body = lambda.children.filter(c => c.name !== 'bvar' && c.name !== 'annotation');
    if (body.length !== 1) throw new SbmlImportError(lambda.path, '<lambda> needs exactly one body expression');
    return { ...named(element), parameters, body: body[0] };
}

function readSpecies(element: XmlElement, l3: boolean): SbmlSpecies {
    const fallback = l3 ? undefined : false;
    if (l3 && element.attributes.conversionFactor !== undefined) throw unsupported(element, 'conversion factors are not supported');
    return {
        ...named(element),
        compartment: attribute(element, 'compartment'),
        initialAmount: numberAttribute(element, 'initialAmount'),
        initialConcentration: numberAttribute(element, 'initialConcentration'),
        hasOnlySubstanceUnits: booleanAttribute(element, 'hasOnlySubstanceUnits', fallback),
        boundaryCondition: booleanAttribute(element, 'boundaryCondition', fallback),
        constant: booleanAttribute(element, 'constant', fallback)
    };
}

function readParameter(element: XmlElement): SbmlParameter {
    return { ...named(element), value: numberAttribute(element, 'value') };
}

function readReaction(element: XmlElement, l3: boolean): SbmlReaction {
    if (booleanAttribute(element, 'fast', false)) throw unsupported(element, 'fast reactions are not supported');
    const references = (list: string) => element.listed(list, 'speciesReference').map(reference => {
        if (reference.child('stoichiometryMath')) throw unsupported(reference, 'stoichiometryMath is not supported');
        const stoichiometry = numberAttribute(reference, 'stoichiometry');
        if (stoichiometry === undefined && l3) throw unsupported(reference, 'a species reference without stoichiometry is not supported');
        if (stoichiometry !== undefined && !Number.isFinite(stoichiometry)) {
            throw new SbmlImportError(reference.path, `the stoichiometry '${reference.attributes.stoichiometry}' is not a finite number`);
        }
        return { species: attribute(reference, 'species'), id: reference.attributes.id, stoichiometry: stoichiometry ?? 1, element: reference };
    });
    const law = element.child('kineticLaw');
    const locals = law?.listed('listOfLocalParameters', 'localParameter') ?? [];
    return {
        ...named(element),
        compartment: element.attributes.compartment,
        reactants: references('listOfReactants'),
        products: references('listOfProducts'),
        law: law?.child('math'),
        localParameters: [...locals, ...(law?.listed('listOfParameters', 'parameter') ?? [])].map(readParameter)
    };
}

function readEvent(element: XmlElement, l3: boolean, mathOf: (e: XmlElement) => XmlElement | undefined): SbmlEvent {
    for (const name of ['delay', 'priority']) {
        const part = element.child(name);
        if (part?.child('math')) throw unsupported(part, `event ${name === 'delay' ? 'delays' : 'priorities'} are not supported`);
    }
    const trigger = element.child('trigger');
    if (trigger && l3) {
        if (!booleanAttribute(trigger, 'initialValue', undefined)) {
            throw unsupported(trigger, "initialValue='false' (firing at the start when the trigger is already true) is not supported");
        }
        if (!booleanAttribute(trigger, 'persistent', undefined)) throw unsupported(trigger, "persistent='false' triggers are not supported");
    }
    return {
        id: element.attributes.id,
        element,
        trigger: trigger && mathOf(trigger),
        assignments: element.listed('listOfEventAssignments', 'eventAssignment').flatMap(assignment => {
            const math = mathOf(assignment);
            return math ? [{ variable: attribute(assignment, 'variable'), math, element: assignment }] : [];
        })
    };
}
