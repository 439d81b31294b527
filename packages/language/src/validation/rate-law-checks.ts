import type { ValidationAcceptor, ValidationChecks } from 'langium';
import {
    isEnzyme, isPropertyValue, isSubstrateInhibition, type CascadeAstType, type Compartment, type Enzyme, type Equation,
    type Expression, type Member, type Reaction, type Transporter
} from '../generated/ast.js';
import { equationOf } from '../units/expected-dimensions.js';
import { propertyOf } from '../units/written-values.js';
import { CODE_MISSING_KINETICS, CODE_WRONG_KIND } from './diagnostic-codes.js';
import type { ModelAnalyses } from './model-analysis.js';
import { enzymeCompartment, membersOf, proteinOf } from '../lowering/block-members.js';
import { SPECIFIC_ACTIVITY, sameDimension } from '../units/units.js';

/**
 * Clauses that only mean something in one form of rate law (docs/reference.md, kinetics): `keq`
 * and `km_product` with `converts S <-> P`, `kf`/`kr` with a reaction's `<->`, `hill` with an
 * irreversible single-site law, `protein` with a specific activity. Anywhere else they would be
 * ignored, so they are reported.
 */
export function rateLawChecks(analyses: ModelAnalyses): ValidationChecks<CascadeAstType> {
    return {
        Enzyme: (enzyme, accept) => {
            checkEnzymeForm(enzyme, accept);
            checkProtein(enzyme, analyses, accept);
        },
        Reaction: (reaction, accept) => checkReactionForm(reaction, accept),
        Transporter: (transporter, accept) => checkCarrier(transporter, accept),
        Equation: (equation, accept) => {
            const block = equation.$container;
            if (equation.reversible && block.$type !== 'Enzyme' && block.$type !== 'Reaction') {
                accept('error', `A ${block.$type.toLowerCase()} moves one way: '<->' is for enzymes (with keq) and reactions (with kf and kr).`,
                    { node: equation, keyword: '<->', data: { code: CODE_WRONG_KIND } });
            }
        },
        Compartment: (compartment, accept) => checkCompartmentProtein(compartment, analyses, accept)
    };
}

function property(members: Member[], key: string) {
    return members.filter(isPropertyValue).find(member => member.key === key);
}

function misplaced(members: Member[], keys: string[], why: string, accept: ValidationAcceptor): void {
    for (const key of keys) {
        const member = property(members, key);
        if (member) accept('error', `'${key}' ${why}.`, { node: member, property: 'key', data: { code: CODE_WRONG_KIND } });
    }
}

function checkEnzymeForm(enzyme: Enzyme, accept: ValidationAcceptor): void {
    const equation = equationOf(enzyme.members);
    if (!equation?.reversible) {
        misplaced(enzyme.members, ['keq', 'km_product'], "belongs to a reversible enzyme: write 'converts S <-> P'", accept);
        return;
    }
    if (!isUniUni(equation)) {
        accept('error', `A reversible enzyme converts one substrate into one product ('converts S <-> P'); ${enzyme.name} has ${equation.reactants.length} and ${equation.products.length}.`,
            { node: equation, data: { code: CODE_WRONG_KIND } });
    }
    misplaced(enzyme.members, ['hill'], 'does not combine with a reversible enzyme (the Haldane form has no cooperativity)', accept);
    const inhibition = enzyme.members.find(isSubstrateInhibition);
    if (inhibition) {
        accept('error', "'substrate_inhibition' does not combine with a reversible enzyme.", { node: inhibition, data: { code: CODE_WRONG_KIND } });
    }
}

function isUniUni(equation: Equation): boolean {
    return equation.reactants.length === 1 && equation.products.length === 1
        && (equation.reactants[0].coefficient ?? 1) === 1 && (equation.products[0].coefficient ?? 1) === 1;
}

function checkReactionForm(reaction: Reaction, accept: ValidationAcceptor): void {
    if (equationOf(reaction.members)?.reversible) {
        misplaced(reaction.members, ['rate'], "does not belong in a reversible reaction: its flux is kf·Π reactants − kr·Π products", accept);
    } else {
        misplaced(reaction.members, ['kf', 'kr'], "belongs to a reversible reaction: write '<->' in the equation", accept);
    }
}

/** A carrier (several `moves` lines): one substrate per line, each line with a vmax, and no first-order `rate`. */
function checkCarrier(transporter: Transporter, accept: ValidationAcceptor): void {
    const lines = membersOf(transporter);
    if (lines.equations.length < 2) return;
    misplaced(transporter.members, ['rate'], 'does not combine with several moves lines: a carrier is saturable (vmax and km per line)', accept);
    const vmaxLines = new Set(transporter.members.filter(m => isPropertyValue(m) && m.key === 'vmax').map(m => lines.lineOf(m)));
    lines.equations.forEach((line, index) => {
        if (line.reactants.length !== 1) {
            accept('error', `Each moves line of a carrier moves one substrate; this one has ${line.reactants.length}.`, { node: line, data: { code: CODE_WRONG_KIND } });
        }
        if (!vmaxLines.has(index) && !vmaxLines.has(-1)) {
            accept('error', `This moves line has no vmax: write 'vmax …' after it (or one before the first line for every line).`,
                { node: line, data: { code: CODE_MISSING_KINETICS, missing: ['vmax'] } });
        }
    });
}

/** A specific activity needs a protein concentration, and a protein concentration needs a specific activity to act on. */
function checkProtein(enzyme: Enzyme, analyses: ModelAnalyses, accept: ValidationAcceptor): void {
    const vmax = propertyOf(enzyme.members, 'vmax');
    const specific = isSpecificActivity(vmax, analyses);
    const own = property(enzyme.members, 'protein');
    if (specific && !proteinOf(enzyme)) {
        accept('error', `A vmax per mass of protein needs the protein concentration: add 'protein <mass>/<volume>' (e.g. protein 2 mg/mL) to ${enzyme.name} or its compartment.`,
            { node: vmax!, data: { code: CODE_MISSING_KINETICS, missing: ['protein'] } });
    }
    if (own && !specific) {
        accept('warning', `'protein' only converts a vmax given per mass of protein (e.g. nmol/min/mg); ${enzyme.name}'s vmax is a concentration per time, so it is not used.`,
            { node: own, property: 'key', data: { code: CODE_WRONG_KIND } });
    }
}

function checkCompartmentProtein(compartment: Compartment, analyses: ModelAnalyses, accept: ValidationAcceptor): void {
    const protein = property(compartment.members, 'protein');
    if (!protein) return;
    const used = analyses.of(compartment).readingDeclarations.some(d => isEnzyme(d) && enzymeCompartment(d) === compartment
        && !propertyOf(d.members, 'protein') && isSpecificActivity(propertyOf(d.members, 'vmax'), analyses));
    if (!used) {
        accept('warning', `'protein' is used by enzymes in ${compartment.name} whose vmax is per mass of protein (e.g. nmol/min/mg); none is, so it is not used.`,
            { node: protein, property: 'key', data: { code: CODE_WRONG_KIND } });
    }
}

/** A vmax written per mass of protein (`nmol/min/mg`). */
function isSpecificActivity(vmax: Expression | undefined, analyses: ModelAnalyses): boolean {
    const { inference, unitsChecked } = vmax ? analyses.of(vmax) : { inference: undefined, unitsChecked: false };
    const dimension = unitsChecked ? inference?.dimensionOf(vmax) : undefined;
    return dimension !== undefined && sameDimension(dimension, SPECIFIC_ACTIVITY);
}
