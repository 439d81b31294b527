import type { AstNode } from 'langium';
import {
    isCall, isEffectClause, isPerturb, isRef, isScaleAction, isSetAction, isStoichTerm
} from '../generated/ast.js';

/** The kind of declaration a name needs, judged from the place it is used in (`<Rule>.<property>`). */
export function kindForUse(slot: string, container: AstNode): string {
    switch (slot) {
        case 'StoichTerm.species': return isStoichTerm(container) && container.$containerProperty === 'products' ? 'intermediate' : 'precursor';
        case 'Binds.ligand': return 'transmitter';
        case 'Requires.cofactor': return 'cofactor';
        case 'Species.compartment': case 'Enzyme.compartment': case 'Reaction.compartment': return 'compartment';
        case 'Scenario.base': case 'CascadeFrom.scenario': return 'scenario';
        case 'Call.func': return 'function';
        case 'InhibitAction.target': return 'enzyme';
        case 'EffectClause.target': return isEffectClause(container) ? kindWithProperty(container.property) : 'enzyme';
        case 'SetAction.target': case 'ScaleAction.target': case 'Perturb.target':
            return isSetAction(container) || isScaleAction(container) || isPerturb(container) ? kindWithProperty(container.property) : 'parameter';
        case 'Ref.target':
            if (isRef(container) && container.member) return container.member === 'level' ? 'modulator' : 'receptor';
            return 'parameter';
        default: return 'precursor';
    }
}

/** The declaration that has a property: `level` a modulator, `density` a receptor, `vmax` an enzyme. */
function kindWithProperty(property: string | undefined): string {
    switch (property) {
        case undefined: return 'parameter';
        case 'level': return 'modulator';
        case 'density': case 'kd': case 'hill': return 'receptor';
        case 'initial': case 'supply': case 'clearance': case 'molar_mass': return 'precursor';
        case 'volume': return 'compartment';
        default: return 'enzyme';
    }
}

/** The smallest declaration of a kind that parses: `precursor X`, `parameter k = 1`, `function f(x1, x2) = x1`. */
export function declarationStub(kind: string, name: string, container: AstNode): string {
    switch (kind) {
        case 'compartment': return `compartment ${name} { volume 1 L }`;
        case 'parameter': return `parameter ${name} = 1`;
        case 'function': {
            const args = isCall(container) && container.args.length > 0 ? container.args.map((_, i) => `x${i + 1}`) : ['x'];
            return `function ${name}(${args.join(', ')}) = ${args[0]}`;
        }
        case 'scenario': return `scenario ${name} { simulate 24 h }`;
        case 'modulator': return `modulator ${name} { level 1 }`;
        case 'enzyme': case 'receptor': return `${kind} ${name} {\n}`;
        default: return `${kind} ${name}`;
    }
}
