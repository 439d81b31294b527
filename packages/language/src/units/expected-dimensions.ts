import {
    isBinds, isBlockedBy, isCompartment, isEnzyme, isInhibitedBy, isModulator, isParameter, isReaction, isReceptor,
    isRelease, isSpecies, isTransporter, type Argument, type BlockedBy, type CascadeAt, type DoseAction, type EffectClause,
    type Equation, type Expect, type Expression, type InhibitAction, type InhibitedBy, type InitialAssignment,
    type KmValue, type Member, type NamedElement, type Perturb, type Vary, type PropertyValue, type RateRule, type Requires,
    type ScaleAction, type SetAction, type Simulate, type StoichTerm, type SubstrateInhibition, type TimedAction, type TimedValue,
    type Schedule, type Infusion, type Species, type Estimate, type DataPoint, type Distribution, type PopulationSize, type PopulationSeed
} from '../generated/ast.js';
import type { AstNode, Reference } from 'langium';
import { isTimeArgument, resolveCall } from './calls.js';
import type { DimensionInference } from './dimension-inference.js';
import { isBareNumber, isPercentage, isRelativeChange } from './written-values.js';
import {
    AMOUNT, AMOUNT_CONCENTRATION, DIMENSIONLESS, MASS, MASS_CONCENTRATION, MOLAR_MASS, PER_TIME, power, SPECIFIC_ACTIVITY, TIME, VOLUME,
    type Dimension
} from './units.js';

/** The dimensions a value may have; the first is the preferred one (its base unit is the quick fix). */
export type Expected = readonly Dimension[];

const per = (d: Dimension, over: Dimension): Dimension => ({
    amount: d.amount - over.amount, mass: d.mass - over.mass, volume: d.volume - over.volume, time: d.time - over.time
});
const perTime = (ds: Expected): Expected => ds.map(d => per(d, TIME));

/**
 * The expected dimension of a value written in a slot (docs/reference.md, per construct): `value` is the whole
 * expression of a property, a clause, a statement or a time-course argument. Undefined means
 * anything goes (a modulator's `level`, a parameter, a rule) or the slot is not known.
 */
export function expectedDimension(value: Expression, inference: DimensionInference): Expected | undefined {
    const slot = value.$container as Slot;
    const property = value.$containerProperty;
    const named = (reference: Reference | undefined) => reference?.ref as NamedElement | undefined;
    // Dispatches on `$type` (not the reflection guards): this runs for every value of large models.
    switch (slot.$type) {
        // A level defines its own dimension.
        case 'PropertyValue': return slot.key === 'level' ? undefined : propertyDimension(slot.$container as NamedElement, slot.key, inference);
        case 'KmValue': return concentrationOf(named(slot.substrate) ?? firstSubstrate(slot.$container.members), inference);
        case 'Requires': return concentrationOf(named(slot.cofactor), inference);
        case 'InhibitedBy': return concentrationOf(named(slot.inhibitor), inference);
        case 'BlockedBy': return concentrationOf(named(slot.antagonist), inference);
        case 'SubstrateInhibition': return concentrationOf(firstSubstrate(slot.$container.members), inference);
        case 'EffectClause': return property === 'ec50' ? effectSourceDimension(slot.$container, inference) : [DIMENSIONLESS];
        case 'Simulate': case 'TimedAction': case 'CascadeAt': return [TIME];
        case 'Expect': {
            if (property === 'subject') return undefined;
            // A relative change is a fraction: `+20%`.
            if (slot.reference) return [DIMENSIONLESS];
            const subject = isBareNumber(slot.subject) ? undefined : inference.dimensionOf(slot.subject);
            const species = singleSpecies(slot.subject);
            return species ? inference.speciesConcentrations(species) : subject && [subject];
        }
        case 'TimedValue': return property === 'time' ? [TIME] : undefined;
        case 'Schedule': return property === 'count' ? [DIMENSIONLESS] : [TIME];
        case 'Infusion': return property === 'rate' ? perTime(addedQuantities(named(slot.target), inference)) : [TIME];
        case 'SetAction': return propertyDimension(named(slot.target), slot.property, inference);
        case 'DoseAction': return addedQuantities(named(slot.target), inference);
        case 'InhibitAction': case 'ScaleAction': return [DIMENSIONLESS];
        // Only a signed percentage is relative; any other value sets the property and has its dimension.
        case 'Perturb': return isRelativeChange(value) ? [DIMENSIONLESS] : propertyDimension(named(slot.target), slot.property, inference);
        case 'Vary': return property === 'steps' ? [DIMENSIONLESS] : propertyDimension(named(slot.target), slot.property, inference);
        case 'Distribution': {
            // A cv, or a normal spread written in percent, is a fraction of the base value; other values are the property's.
            if (slot.kind === 'lognormal' || (property === 'spread' && isPercentage(value))) return [DIMENSIONLESS];
            return propertyDimension(named(slot.$container.target), slot.$container.property, inference);
        }
        case 'PopulationSize': case 'PopulationSeed': return [DIMENSIONLESS];
        case 'Estimate': return propertyDimension(named(slot.target), slot.property, inference);
        case 'DataPoint': return property === 'time' ? [TIME] : observableDimensions(slot.quantity?.target?.ref, slot.quantity?.member, inference);
        case 'RateRule': {
            const target = targetDimension(named(slot.target), inference);
            return target && perTime(target);
        }
        case 'InitialAssignment': return targetDimension(named(slot.target), inference);
        case 'Argument': {
            const call = slot.$container;
            const callee = slot.name && call.$type === 'Call' ? resolveCall(call) : undefined;
            return callee?.kind === 'builtin' && isTimeArgument(callee.name, slot.name!) ? [TIME] : undefined;
        }
        default: return undefined;
    }
}

/** Where a whole value may stand. */
type Slot = PropertyValue | KmValue | Requires | InhibitedBy | BlockedBy | SubstrateInhibition | EffectClause | Simulate
    | TimedAction | CascadeAt | Expect | SetAction | DoseAction | InhibitAction | ScaleAction | Perturb | Vary | Estimate | DataPoint | RateRule
    | InitialAssignment | Argument | TimedValue | Schedule | Infusion | Distribution | PopulationSize | PopulationSeed | { $type: 'other'; $container: unknown };

/** What a dose adds (an infusion, per time): a concentration of the species, an amount,, or a mass (docs/reference.md#dose). */
function addedQuantities(target: NamedElement | undefined, inference: DimensionInference): Expected {
    return isSpecies(target) ? [...inference.speciesConcentrations(target), AMOUNT, MASS] : [];
}

/** The dimensions an observed quantity (`X`, `E.rate`, `R.occupancy`) may be written in; a species' include mass with a molar mass. */
export function observableDimensions(target: NamedElement | undefined, member: string | undefined, inference: DimensionInference): Expected | undefined {
    if (isSpecies(target) && !member) return inference.speciesConcentrations(target);
    // `.rate` of what has no flux is wrong-kind (kind-checks), not a second error here.
    if (member === 'rate' && !(isEnzyme(target) || isTransporter(target) || isRelease(target) || isReaction(target))) return undefined;
    const dimension = inference.observableDimension(target, member);
    return dimension && [dimension];
}

/** The species an expect's subject reads, when it reads one species at one time (`X at steady`). */
function singleSpecies(subject: Expression): Species | undefined {
    const value = subject.$type === 'TimedValue' ? subject.value : undefined;
    const target = value?.$type === 'Ref' && !value.member ? value.target?.ref : undefined;
    return isSpecies(target) ? target : undefined;
}

/**
 * The dimension of `property` of a declaration, as `set`, `perturb` and block members address it;
 * no property means the declaration's own value (a species' concentration, a parameter's value).
 */
export function propertyDimension(target: NamedElement | undefined, property: string | undefined, inference: DimensionInference): Expected | undefined {
    if (!target) return undefined;
    switch (property) {
        case undefined: return targetDimension(target, inference);
        case 'volume': return [VOLUME];
        case 'initial': return isSpecies(target) ? inference.speciesConcentrations(target) : undefined;
        case 'supply': return isSpecies(target) ? perTime(inference.speciesConcentrations(target)) : undefined;
        case 'clearance': return [PER_TIME];
        case 'molar_mass': return [MOLAR_MASS];
        case 'hill': case 'density': case 'activity': return [DIMENSIONLESS];
        case 'level': {
            const level = isModulator(target) ? inference.levelDimension(target) : undefined;
            return level && [level];
        }
        case 'rate':
            if (isReaction(target)) return perTime(concentrations(firstSubstrate(target.members), inference));
            return [PER_TIME];
        case 'vmax': {
            const rates = perTime(concentrations(hasMembers(target) ? firstSubstrate(target.members) : undefined, inference));
            // An enzyme's specific activity is converted with its `protein` (a check asks for one).
            return isEnzyme(target) ? [...rates, SPECIFIC_ACTIVITY] : rates;
        }
        case 'protein': return [MASS_CONCENTRATION];
        case 'keq': return [DIMENSIONLESS];
        case 'km_product': return hasMembers(target) ? concentrationOf(firstProduct(target.members), inference) : undefined;
        case 'kf': case 'kr': {
            const equation = hasMembers(target) ? equationOf(target.members) : undefined;
            const terms = (property === 'kf' ? equation?.reactants : equation?.products) ?? [];
            return [massActionConstant(terms, inference)];
        }
        case 'km': return hasMembers(target) ? concentrationOf(firstSubstrate(target.members), inference) : undefined;
        case 'kd': return isReceptor(target) ? concentrationOf(ligandOf(target.members), inference) : undefined;
        case 'ki': return hasMembers(target) ? concentrationOf(firstInhibitor(target.members), inference) : undefined;
        default: return undefined;
    }
}

/**
 * The species whose concentration a property of `target` is measured in (a km its first substrate's,
 * a kd its ligand's, a supply its own), so a value written in mass converts through that species'
 * molar mass; undefined when the property is not a concentration or a rate of one.
 */
export function measuredSpecies(target: NamedElement | undefined, property: string | undefined): NamedElement | undefined {
    if (!target) return undefined;
    if (isSpecies(target)) return property === undefined || property === 'value' || property === 'initial' || property === 'supply' ? target : undefined;
    if (!hasMembers(target)) return undefined;
    switch (property) {
        case 'km': case 'vmax': return firstSubstrate(target.members);
        case 'rate': return isReaction(target) ? fluxSpecies(target.members) : undefined;
        case 'km_product': return firstProduct(target.members);
        case 'kd': return ligandOf(target.members);
        case 'ki': return firstInhibitor(target.members);
        default: return undefined;
    }
}

/** What a name's value is measured in: a species' concentration, a parameter's value, a volume. */
function targetDimension(target: NamedElement | undefined, inference: DimensionInference): Expected | undefined {
    if (isSpecies(target)) return inference.speciesConcentrations(target);
    if (isCompartment(target)) return [VOLUME];
    if (isParameter(target)) {
        const value = isBareNumber(target.value) ? undefined : inference.nameDimension(target);
        return value && [value];
    }
    return undefined;
}

/** k of k·Π Xᵛ, a concentration per time: concentration^(1 − Σν) per time, in the first species' concentration. */
function massActionConstant(terms: StoichTerm[], inference: DimensionInference): Dimension {
    const order = terms.reduce((n, term) => n + (term.coefficient ?? 1), 0);
    const first = terms[0]?.species?.ref as NamedElement | undefined;
    const concentration = isSpecies(first) ? inference.speciesDimension(first) : AMOUNT_CONCENTRATION;
    return per(power({ scale: 1, dimension: concentration }, 1 - order).dimension, TIME);
}

/** The concentration dimensions of a species, or the dimension of another name used as an inhibitor. */
function concentrationOf(target: NamedElement | undefined, inference: DimensionInference): Expected | undefined {
    if (isSpecies(target)) return inference.speciesConcentrations(target);
    if (isModulator(target)) {
        const level = inference.levelDimension(target);
        return level && [level];
    }
    const other = inference.nameDimension(target);
    return other && [other];
}

/** Like concentrationOf, defaulting to amount concentration when the species is not known. */
function concentrations(species: NamedElement | undefined, inference: DimensionInference): Expected {
    return isSpecies(species) ? inference.speciesConcentrations(species) : [AMOUNT_CONCENTRATION];
}

/** K of an effect clause has the source's dimension: a modulator's level, a receptor's occupancy, a species. */
function effectSourceDimension(source: AstNode, inference: DimensionInference): Expected | undefined {
    if (isReceptor(source)) return [DIMENSIONLESS];
    if (isSpecies(source)) return inference.speciesConcentrations(source);
    if (isModulator(source)) {
        const level = inference.levelDimension(source);
        return level && [level];
    }
    return undefined;
}

function hasMembers(node: AstNode): node is NamedElement & { members: Member[] } {
    return isEnzyme(node) || isTransporter(node) || isRelease(node) || isReaction(node) || isReceptor(node);
}

/** The reactants of a process's equation, in written order (the substrates; for transport, the source). */
/** The first substrate, without building the list (asked for every `vmax`, `km` and `ki`). */
function firstSubstrate(members: Member[]): NamedElement | undefined {
    return equationOf(members)?.reactants[0]?.species?.ref as NamedElement | undefined;
}

function firstProduct(members: Member[]): NamedElement | undefined {
    return equationOf(members)?.products[0]?.species?.ref as NamedElement | undefined;
}

/** The first species of a process's equation (a reactant, or a product when it has none): what its flux is measured in. */
export function fluxSpecies(members: Member[]): NamedElement | undefined {
    return firstSubstrate(members) ?? firstProduct(members);
}

/** The reactants of every equation (a carrier has one per `moves` line). */
export function substratesOf(members: Member[]): NamedElement[] {
    const reactants = members.flatMap(member => member.$type === 'Equation' ? member.reactants : []);
    return reactants.flatMap(term => term.species?.ref ? [term.species?.ref as NamedElement] : []);
}

export function equationOf(members: Member[]): Equation | undefined {
    for (const member of members) if (member.$type === 'Equation') return member;
    return undefined;
}

export function ligandOf(members: Member[]): NamedElement | undefined {
    return members.find(isBinds)?.ligand?.ref as NamedElement | undefined;
}

function firstInhibitor(members: Member[]): NamedElement | undefined {
    for (const member of members) {
        if (isInhibitedBy(member)) return member.inhibitor?.ref as NamedElement | undefined;
        if (isBlockedBy(member)) return member.antagonist?.ref as NamedElement | undefined;
    }
    return undefined;
}
