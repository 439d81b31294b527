import { AstUtils, type AstNode, type AstNodeDescription } from 'langium';
import { isEffectClause, isEquation, isParameter, isRule, isScenario, type Member } from '../generated/ast.js';
import { descriptionKind, effectProperties, isSpeciesKind, type DeclarationKind } from './declaration-kinds.js';

/**
 * How well a visible name fits a reference slot, written `<Rule>.<property>` after the grammar
 * (`Binds.ligand`, `KmValue.substrate`): 0 is the best fit, undefined means it does not fit.
 */
type Ranking = (kind: DeclarationKind | undefined, description: AstNodeDescription, container: AstNode) => number | undefined;

const fits = (test: (kind: DeclarationKind | undefined) => boolean): Ranking => kind => (test(kind) ? 0 : undefined);
const species = fits(isSpeciesKind);
const preferring = (preferred: DeclarationKind): Ranking => kind => (kind === preferred ? 0 : isSpeciesKind(kind) ? 1 : undefined);
const oneOf = (...kinds: DeclarationKind[]): Ranking => fits(kind => kind !== undefined && kinds.includes(kind));
const compartment = oneOf('compartment');

/** Names in an expression rank after those of a dedicated slot (`km X` offers substrates before values). */
const VALUE = 1;

const SLOTS: Readonly<Record<string, Ranking>> = {
    'StoichTerm.species': species,
    'Binds.ligand': preferring('transmitter'),
    'Requires.cofactor': preferring('cofactor'),
    'InhibitedBy.inhibitor': species,
    'BlockedBy.antagonist': kind => (isSpeciesKind(kind) || kind === 'modulator' ? 0 : undefined),
    'EffectClause.target': (_kind, description, container) => {
        const property = isEffectClause(container) ? container.property : undefined;
        const properties = effectProperties(description.node);
        return (property ? properties.includes(property) : properties.length > 0) ? 0 : undefined;
    },
    'KmValue.substrate': (_kind, description, container) =>
        substratesOfBlock(container).includes(description.name) ? 0 : undefined,
    'Species.compartment': compartment,
    'Enzyme.compartment': compartment,
    'Reaction.compartment': compartment,
    'Scenario.base': (kind, description, container) =>
        kind === 'scenario' && AstUtils.getContainerOfType(container, isScenario)?.name !== description.name ? 0 : undefined,
    'CascadeFrom.scenario': oneOf('scenario'),
    'DoseAction.target': species,
    'Infusion.target': species,
    'Expect.reference': oneOf('scenario'),
    'InhibitAction.target': oneOf('enzyme', 'transporter', 'release', 'reaction'),
    'SetAction.target': kind => (isSpeciesKind(kind) || kind === 'modulator' || kind === 'parameter' ? 0 : hasProperties(kind) ? 1 : undefined),
    'ScaleAction.target': kind => (hasProperties(kind) ? 0 : undefined),
    'Perturb.target': kind => (isSpeciesKind(kind) || kind === 'modulator' ? 0 : hasProperties(kind) ? 1 : undefined),
    'RateRule.target': kind => (isSpeciesKind(kind) || kind === 'parameter' ? 0 : undefined),
    'InitialAssignment.target': kind => (isSpeciesKind(kind) || kind === 'parameter' ? 0 : undefined),
    'Ref.target': (kind, description, container) => {
        // A rule or parameter cannot use itself (algebraic-loop).
        if (description.node === AstUtils.getContainerOfType(container, node => isRule(node) || isParameter(node))) return undefined;
        if (isSpeciesKind(kind) || kind === 'parameter' || kind === 'rule' || kind === 'argument') return VALUE;
        return kind === 'receptor' || kind === 'modulator' || kind === 'compartment' ? VALUE + 1 : undefined;
    },
    'Call.func': kind => (kind === 'function' ? VALUE : undefined)
};

function hasProperties(kind: DeclarationKind | undefined): boolean {
    return kind !== undefined && !['function', 'argument', 'rule', 'scenario', 'cascade', 'scan', 'population', 'data', 'fit'].includes(kind);
}

/** The names of the substrates in the equation of the block around `node`. */
function substratesOfBlock(node: AstNode): string[] {
    const block = AstUtils.getContainerOfType(node, (n): n is AstNode & { members: Member[] } => Array.isArray((n as { members?: unknown }).members));
    const equation = block?.members.find(isEquation);
    return equation?.reactants.map(term => term.species.$refText) ?? [];
}

/** The rank of a candidate in a slot, or undefined when the slot does not accept it. */
export function rankCandidate(slot: string, description: AstNodeDescription, container: AstNode): number | undefined {
    const ranking = SLOTS[slot];
    return ranking ? ranking(descriptionKind(description), description, container) : 0;
}
