import { evaluateConstant } from './expression-building.js';
import { readMath } from './mathml-reader.js';
import type { SbmlModel } from './sbml-model.js';
import type { XmlElement } from './xml-tree.js';

/**
 * An assignment rule on a compartment that reads only constants (numbers, constant parameters,
 * other compartments) never changes the volume after t = 0: it is an initial assignment. Other
 * compartment rules stay rules, which the writer rejects (Cascade volumes are constant).
 */
export function constantCompartmentRules(model: SbmlModel): SbmlModel {
    const changing = new Set([
        ...model.assignmentRules.keys(), ...model.rateRules.keys(),
        ...model.events.flatMap(e => e.assignments.map(a => a.variable))
    ]);
    const constant = new Set([
        ...model.parameters.filter(p => !changing.has(p.id)).map(p => p.id),
        ...model.compartments.map(c => c.id)
    ]);
    const compartments = new Set(model.compartments.map(c => c.id));
    const assignmentRules = new Map(model.assignmentRules);
    const initialAssignments = new Map(model.initialAssignments);
    for (const [variable, rule] of model.assignmentRules) {
        if (!compartments.has(variable) || initialAssignments.has(variable) || !readsOnly(rule.math, constant)) continue;
        assignmentRules.delete(variable);
        initialAssignments.set(variable, rule);
    }
    return { ...model, assignmentRules, initialAssignments };
}

function readsOnly(math: XmlElement, constant: ReadonlySet<string>): boolean {
    if (math.name === 'csymbol') return false;
    if (math.name === 'ci') return constant.has(math.text) || isFunctionHead(math);
    return math.children.every(child => readsOnly(child, constant));
}

/** `<apply><ci>f</ci>…`: a call of a function definition, which is pure. */
function isFunctionHead(ci: XmlElement): boolean {
    return ci.parent?.name === 'apply' && ci.parent.children[0] === ci;
}

/**
 * An initial assignment of a plain number (`initial P = 2`) is the declared value itself: it becomes
 * the compartment's size, the parameter's value or the species' initial quantity, so the file
 * reads `parameter P = 2` instead of a placeholder and a separate line.
 */
export function constantInitialValues(model: SbmlModel): SbmlModel {
    const initialAssignments = new Map(model.initialAssignments);
    const value = (id: string) => {
        const assignment = initialAssignments.get(id);
        const constant = assignment && constantOf(assignment.math);
        if (constant !== undefined) initialAssignments.delete(id);
        return constant;
    };
    return {
        ...model,
        compartments: model.compartments.map(c => ({ ...c, size: value(c.id) ?? c.size })),
        parameters: model.parameters.map(p => ({ ...p, value: value(p.id) ?? p.value })),
        species: model.species.map(s => {
            const initial = value(s.id);
            if (initial === undefined) return s;
            return s.hasOnlySubstanceUnits
                ? { ...s, initialAmount: initial, initialConcentration: undefined }
                : { ...s, initialConcentration: initial, initialAmount: undefined };
        }),
        initialAssignments
    };
}

/** The value of math that is a number (`2`, `-2`, `1/3` as a rational); undefined for formulas, which stay as written. */
function constantOf(math: XmlElement): number | undefined {
    const readsNothing = {
        resolve: () => { throw new NotConstant(); },
        functionNamed: () => { throw new NotConstant(); },
        helper: () => { throw new NotConstant(); }
    };
    try {
        const expr = readMath(math, readsNothing);
        const plain = expr.kind === 'number' || (expr.kind === 'unary' && expr.operand.kind === 'number')
            || (expr.kind === 'binary' && expr.op === '/' && expr.left.kind === 'number' && expr.right.kind === 'number');
        return plain ? evaluateConstant(expr) : undefined;
    } catch (error) {
        if (error instanceof NotConstant) return undefined;
        throw error;
    }
}

class NotConstant extends Error {}
