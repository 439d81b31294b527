import type * as IR from '@neurocascade/simulator';
import {
    isEnzyme, isModulator, isReceptor, isRelease, isTransporter,
    type Compartment, type EffectClause, type Enzyme, type Expression, type InhibitedBy, type Modulator, type Reaction,
    type Receptor, type Release, type Species, type StoichTerm, type Transporter
} from '../generated/ast.js';
import { membersOf } from './block-members.js';
import type { LoweringContext } from './lowering-context.js';

/** The compartment of a model without any (docs/reference.md#compartments). */
export const DEFAULT_COMPARTMENT = 'default';

export function lowerCompartment(node: Compartment, context: LoweringContext): IR.Compartment {
    return { name: node.name, title: node.title, volume: context.expression(membersOf(node).value('volume'), 1) };
}

export function lowerSpecies(node: Species, compartment: (node: Species) => string, context: LoweringContext, file: string): IR.Species {
    const members = membersOf(node);
    const initial = members.value('initial');
    return {
        name: node.name,
        kind: node.kind as IR.SpeciesKind,
        title: node.title,
        doc: context.doc(node),
        compartment: compartment(node),
        initial: context.concentrationOf(node.name, initial),
        supply: context.expression(members.value('supply'), 0),
        clearance: context.expression(members.value('clearance'), 0),
        fixed: members.fixed,
        tone: (members.tone ?? 'modulatory') as IR.Tone,
        molarMass: context.molarMass(node.name),
        unit: context.speciesUnit(node),
        source: context.sourceOf(node, file)
    };
}

function terms(list: StoichTerm[]): IR.StoichiometricTerm[] {
    return list.map(term => ({ species: term.species.$refText, coefficient: term.coefficient ?? 1 }));
}

function inhibitions(list: InhibitedBy[], context: LoweringContext): IR.Inhibition[] {
    return list.map(node => ({
        inhibitor: node.inhibitor.$refText,
        ki: context.concentrationOf(node.inhibitor.$refText, node.ki, Number.NaN),
        mode: (node.mode ?? 'competitive') as IR.InhibitionMode
    }));
}

type ProcessNode = Enzyme | Transporter | Release | Reaction;

export function lowerProcess(node: ProcessNode, compartmentOf: (species: string) => string | undefined, context: LoweringContext, file: string): IR.Process {
    const members = membersOf(node);
    const reactants = terms(members.equation?.reactants ?? []);
    const products = terms(members.equation?.products ?? []);
    const explicit = 'compartment' in node ? node.compartment?.$refText : undefined;
    const anchor = reactants[0]?.species ?? products[0]?.species;
    return {
        name: node.name,
        kind: isEnzyme(node) ? 'enzyme' : isTransporter(node) ? 'transporter' : isRelease(node) ? 'release' : 'reaction',
        title: node.title,
        doc: context.doc(node),
        reactants,
        products,
        compartment: explicit ?? (anchor ? compartmentOf(anchor) : undefined) ?? DEFAULT_COMPARTMENT,
        law: rateLaw(node, reactants, context),
        source: context.sourceOf(node, file)
    };
}

function rateLaw(node: ProcessNode, reactants: IR.StoichiometricTerm[], context: LoweringContext): IR.RateLaw {
    const members = membersOf(node);
    const inhibitors = inhibitions(members.inhibitors, context);
    const substrate = reactants[0]?.species ?? '';
    if (isEnzyme(node)) {
        const kmOf = (species: string, index: number) => {
            const written = members.kms.find(km => km.substrate?.$refText === species)
                ?? (index === 0 ? members.kms.find(km => !km.substrate) : undefined);
            return context.concentrationOf(species, written?.value, Number.NaN);
        };
        return {
            type: 'enzyme',
            vmax: context.expression(members.value('vmax')),
            substrates: reactants.map((term, index) => ({ species: term.species, km: kmOf(term.species, index) })),
            cofactors: members.requires.map(node => ({ species: node.cofactor.$refText, km: context.concentrationOf(node.cofactor.$refText, node.km, Number.NaN) })),
            inhibitors,
            substrateInhibitionKi: members.substrateInhibition ? context.concentrationOf(substrate, members.substrateInhibition) : undefined
        };
    }
    const rate = members.value('rate');
    if (isTransporter(node) && !rate) {
        const km = members.kms[0]?.value;
        return { type: 'michaelis-menten', vmax: context.expression(members.value('vmax')), km: context.concentrationOf(substrate, km, Number.NaN), substrate, inhibitors };
    }
    if (isTransporter(node) || isRelease(node)) return { type: 'first-order', rate: context.expression(rate), substrate, inhibitors };
    return { type: 'expression', rate: context.expression(rate) };
}

export function lowerReceptor(node: Receptor, context: LoweringContext, file: string): IR.Receptor {
    const members = membersOf(node);
    const ligand = members.binds?.ligand.$refText ?? '';
    return {
        name: node.name,
        title: node.title,
        doc: context.doc(node),
        ligand,
        kd: context.concentrationOf(ligand, members.value('kd'), Number.NaN),
        hill: context.expression(members.value('hill'), 1),
        density: context.expression(members.value('density'), 1),
        effect: (members.effect ?? 'modulatory') as IR.Tone,
        antagonists: members.antagonists.map(node => ({ antagonist: node.antagonist.$refText, ki: context.concentrationOf(node.antagonist.$refText, node.ki, Number.NaN) })),
        source: context.sourceOf(node, file)
    };
}

export function lowerModulator(node: Modulator, context: LoweringContext, file: string): IR.Modulator {
    const level = membersOf(node).value('level');
    return {
        name: node.name,
        title: node.title,
        doc: context.doc(node),
        level: context.expression(level, 0),
        unit: context.unitOf(level),
        source: context.sourceOf(node, file)
    };
}

/** Effect clauses of a modulator, receptor or species, each with the source it reads. */
export function lowerEffects(node: Modulator | Receptor | Species, context: LoweringContext, file: string): IR.Effect[] {
    const source: IR.EffectSource = {
        kind: isModulator(node) ? 'modulator' : isReceptor(node) ? 'receptor' : 'species',
        name: node.name
    };
    return membersOf(node).effectClauses.map((clause: EffectClause) => ({
        source,
        direction: clause.direction as IR.Effect['direction'],
        target: clause.target.$refText,
        property: clause.property as IR.EffectProperty,
        max: context.expression(clause.max),
        ec50: effectEc50(source, clause.ec50, context),
        hill: context.expression(clause.hill, 1),
        sourceRef: context.sourceOf(clause, file)
    }));
}

function effectEc50(source: IR.EffectSource, ec50: Expression, context: LoweringContext): IR.Expr {
    return source.kind === 'species' ? context.concentrationOf(source.name, ec50, Number.NaN) : context.expression(ec50);
}
