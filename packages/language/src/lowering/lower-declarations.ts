import type * as IR from '@neurocascade/simulator';
import {
    isEnzyme, isModulator, isReceptor, isRelease, isTransporter,
    type Compartment, type EffectClause, type Enzyme, type Expression, type InhibitedBy, type Modulator, type Reaction,
    type Receptor, type Release, type Species, type StoichTerm, type Transporter
} from '../generated/ast.js';
import { membersOf, proteinOf } from './block-members.js';
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
        supply: context.rateOf(node.name, members.value('supply'), undefined, 0),
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
    // A carrier (several `moves` lines) moves every line's species.
    const reactants = members.equations.flatMap(equation => terms(equation.reactants));
    const products = members.equations.flatMap(equation => terms(equation.products));
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
        law: rateLaw(node, reactants, products, context),
        source: context.sourceOf(node, file)
    };
}

function rateLaw(node: ProcessNode, reactants: IR.StoichiometricTerm[], products: IR.StoichiometricTerm[], context: LoweringContext): IR.RateLaw {
    const members = membersOf(node);
    const inhibitors = inhibitions(members.inhibitors, context);
    const substrate = reactants[0]?.species ?? '';
    const rate = members.value('rate');
    if (isTransporter(node) && !rate && members.equations.length > 1) return { type: 'carrier', routes: carrierRoutes(node, context), inhibitors };
    if (isEnzyme(node) || (isTransporter(node) && !rate)) {
        const kmOf = (species: string, index: number) => {
            const written = members.kms.find(km => km.substrate?.$refText === species)
                ?? (index === 0 ? members.kms.find(km => !km.substrate) : undefined);
            return context.concentrationOf(species, written?.value, Number.NaN);
        };
        const product = products[0]?.species ?? '';
        const keq = members.value('keq');
        const kmProduct = members.value('km_product');
        return {
            type: 'saturable',
            vmax: context.rateOf(substrate, members.value('vmax'), isEnzyme(node) ? proteinOf(node) : undefined),
            substrates: reactants.map((term, index) => ({ species: term.species, km: kmOf(term.species, index) })),
            cofactors: members.requires.map(node => ({ species: node.cofactor.$refText, km: context.concentrationOf(node.cofactor.$refText, node.km, Number.NaN) })),
            inhibitors,
            substrateInhibitionKi: members.substrateInhibition ? context.concentrationOf(substrate, members.substrateInhibition) : undefined,
            hill: members.value('hill') ? context.expression(members.value('hill')) : undefined,
            reversible: members.equation?.reversible
                ? { product, keq: context.expression(keq), kmProduct: kmProduct && context.concentrationOf(product, kmProduct, Number.NaN) }
                : undefined
        };
    }
    if (isTransporter(node) || isRelease(node)) return { type: 'first-order', rate: context.expression(rate), substrate, inhibitors };
    if (members.equation?.reversible) return { type: 'mass-action', kf: context.expression(members.value('kf')), kr: context.expression(members.value('kr')) };
    return { type: 'expression', rate: context.rateOf(substrate || products[0]?.species, rate) };
}

/** The lines of a carrier, each with its own vmax and km. */
function carrierRoutes(node: Transporter, context: LoweringContext): IR.CarrierRoute[] {
    const members = membersOf(node);
    return members.equations.map((equation, index) => {
        const line = members.carrierLine(index);
        return {
            reactants: terms(equation.reactants),
            products: terms(equation.products),
            vmax: context.rateOf(line.substrate, line.vmax),
            km: context.concentrationOf(line.substrate, line.km, Number.NaN)
        };
    });
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
