import type { AstNode, Reference, ValidationAcceptor, ValidationChecks } from 'langium';
import {
    isCompartment, isFunctionParam, isModulator, isParameter, isReceptor, isRule, isScenario, isSpecies,
    type CascadeAstType, type Enzyme, type Member, type NamedElement, type Reaction,
    type Species
} from '../generated/ast.js';
import { BLOCK_MEMBERS, EFFECT_PROPERTIES, isProcess, kindName, memberWord, withArticle } from './declaration-kinds.js';
import { CODE_UNRESOLVED, CODE_WRONG_KIND } from './diagnostic-codes.js';
import type { ModelAnalyses } from './model-analysis.js';

type Accepts = (target: NamedElement) => boolean;

const isConcentrationName: Accepts = target => isSpecies(target) || isParameter(target) || isRule(target);
const isValueName: Accepts = target => isConcentrationName(target) || isCompartment(target) || isFunctionParam(target);

/** wrong-kind: a member in a block that has no such member, a name of the wrong kind in a slot. */
export function kindChecks(analyses: ModelAnalyses): ValidationChecks<CascadeAstType> {
    const block = (node: AstNode & { members: Member[] }, accept: ValidationAcceptor) => checkMembers(node, accept);
    const located = (node: Species | Enzyme | Reaction, accept: ValidationAcceptor) =>
        requireKind(node, 'compartment', node.compartment, isCompartment, 'a compartment', 'in', accept);
    return {
        Compartment: block, Enzyme: [block, located], Transporter: block, Release: block, Receptor: block,
        Modulator: block, Reaction: [block, located],
        Species: [block, located, (species, accept) => {
            if (species.compartment) return;
            const compartments = analyses.of(species).memo('compartments', () => analyses.of(species).declarations.filter(isCompartment).length);
            if (compartments > 1) {
                accept('error', `'${species.name}' must say 'in <compartment>': this model has ${compartments} compartments.`,
                    { node: species, property: 'name', data: { code: CODE_UNRESOLVED } });
            }
        }],
        StoichTerm: (term, accept) => requireKind(term, 'species', term.species, isSpecies, 'a species', 'an equation', accept),
        Binds: (binds, accept) => requireKind(binds, 'ligand', binds.ligand, isSpecies, 'a species (usually a transmitter)', 'binds', accept),
        Requires: (req, accept) => requireKind(req, 'cofactor', req.cofactor, isSpecies, 'a species (a cofactor)', 'requires', accept),
        InhibitedBy: (inh, accept) => requireKind(inh, 'inhibitor', inh.inhibitor, isConcentrationName, 'a species, parameter or rule', 'inhibited by', accept),
        // A modulator blocks with its level: an antagonist given as a time course.
        BlockedBy: (blk, accept) => requireKind(blk, 'antagonist', blk.antagonist, target => isConcentrationName(target) || isModulator(target),
            'a species, parameter, rule or modulator', 'blocked by', accept),
        KmValue: (km, accept) => requireKind(km, 'substrate', km.substrate, isSpecies, 'a substrate species', 'km', accept),
        EffectClause: (effect, accept) => requireKind(effect, 'target', effect.target,
            target => EFFECT_PROPERTIES[target.$type]?.includes(effect.property) ?? false,
            EFFECT_TARGETS[effect.property], `${effect.direction} … ${effect.property}`, accept),
        Scenario: (scenario, accept) => requireKind(scenario, 'base', scenario.base, isScenario, 'a scenario', 'extends', accept),
        CascadeFrom: (from, accept) => requireKind(from, 'scenario', from.scenario, isScenario, 'a scenario', 'from', accept),
        RateRule: (rule, accept) => requireKind(rule, 'target', rule.target,
            target => isSpecies(target) || isParameter(target), 'a species or parameter', 'rate of', accept),
        InitialAssignment: (init, accept) => requireKind(init, 'target', init.target,
            target => isSpecies(target) || isParameter(target) || isCompartment(target), 'a species, parameter or compartment', 'initial', accept),
        Ref: (ref, accept) => {
            if (ref.member === 'level') requireKind(ref, 'target', ref.target, isModulator, 'a modulator', '.level', accept);
            else if (ref.member === 'rate') requireKind(ref, 'target', ref.target, isProcess, 'an enzyme, transporter, release or reaction', '.rate', accept);
            else if (ref.member) requireKind(ref, 'target', ref.target, isReceptor, 'a receptor', `.${ref.member}`, accept);
            else requireKind(ref, 'target', ref.target, isValueName, valueHint(ref.target?.ref as NamedElement | undefined), 'an expression', accept);
        }
    };
}

/** Reports a member the block's kind does not have, listing the ones it does. */
function checkMembers(node: AstNode & { members: Member[] }, accept: ValidationAcceptor): void {
    const allowed = BLOCK_MEMBERS[node.$type] ?? [];
    const kind = kindName(node);
    for (const member of node.members) {
        const word = memberWord(member);
        if (allowed.includes(word) && !(word === 'tone' && kind !== 'transmitter')) continue;
        const takes = allowed.filter(w => w !== 'tone' || kind === 'transmitter').map(w => `'${w}'`).join(', ');
        accept('error', `'${word}' does not belong in ${withArticle(kind)}; ${withArticle(kind)} takes ${takes}.`,
            { node: member, data: { code: CODE_WRONG_KIND } });
    }
}

/** wrong-kind on `property` when the reference resolves to a declaration `accepts` rejects. */
export function requireKind<N extends AstNode>(node: N, property: string, reference: Reference | undefined, accepts: Accepts,
    expected: string, context: string, accept: ValidationAcceptor): void {
    const target = reference?.ref as NamedElement | undefined;
    if (!target || accepts(target)) return;
    accept('error', `'${target.name}' is ${withArticle(kindName(target))}; ${context} needs ${expected}.`,
        { node, property: property as never, data: { code: CODE_WRONG_KIND } });
}

/** "something with activity (enzymes, transporters, releases, reactions)", per effect property. */
const EFFECT_TARGETS: Record<string, string> = Object.fromEntries(['activity', 'density', 'supply', 'clearance'].map(property => {
    const owners = Object.entries(EFFECT_PROPERTIES).filter(([, properties]) => properties.includes(property)).map(([type]) => type.toLowerCase());
    return [property, `something with ${property} (${owners.map(owner => owner === 'species' ? 'a species' : `${owner}s`).join(', ')})`];
}));

/** What to write instead of a bare receptor, modulator or process name in an expression. */
function valueHint(target: NamedElement | undefined): string {
    if (isReceptor(target)) return `a value — write ${target.name}.occupancy or ${target.name}.activation`;
    if (isModulator(target)) return `a value — write ${target.name}.level`;
    if (isProcess(target)) return `a value — write ${target.name}.rate for its flux`;
    return 'a species, parameter, rule or compartment';
}
