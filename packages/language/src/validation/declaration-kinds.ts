import type { AstNode } from 'langium';
import {
    isEnzyme, isReaction, isRelease, isSpecies, isTransporter, type Enzyme, type Member, type Reaction, type Release,
    type Transporter
} from '../generated/ast.js';

export type Process = Enzyme | Transporter | Release | Reaction;

export function isProcess(node: unknown): node is Process {
    return isEnzyme(node) || isTransporter(node) || isRelease(node) || isReaction(node);
}

/** How a modeler names what a declaration is: "transmitter", "enzyme", "function parameter". */
export function kindName(node: AstNode | undefined): string {
    if (!node) return 'nothing';
    if (isSpecies(node)) return node.kind;
    return node.$type === 'FunctionDecl' ? 'function' : node.$type === 'FunctionParam' ? 'function parameter' : node.$type.toLowerCase();
}

/** "a transmitter", "an enzyme". */
export function withArticle(kind: string): string {
    return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

/** Numeric properties that `set`, `scale` and `perturb` may address, per declaration type (docs/reference.md#set). */
const ADDRESSABLE_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
    Compartment: ['volume'],
    Species: ['initial', 'supply', 'clearance', 'molar_mass'],
    Enzyme: ['vmax', 'km', 'ki', 'activity', 'hill', 'keq', 'km_product'],
    Transporter: ['vmax', 'km', 'rate', 'ki', 'activity'],
    Release: ['rate', 'ki', 'activity'],
    Reaction: ['rate', 'kf', 'kr', 'activity'],
    Receptor: ['kd', 'hill', 'density', 'ki'],
    Modulator: ['level']
};

/**
 * The properties `set`, `scale` and `perturb` may address on this declaration: its type's, less
 * those of a rate-law form it does not have (`keq` without `<->`, `hill` not written in an enzyme).
 */
export function addressableProperties(node: AstNode): readonly string[] {
    const all = ADDRESSABLE_PROPERTIES[node.$type] ?? [];
    if (!isEnzyme(node) && !isReaction(node)) return all;
    const reversible = node.members.some(member => member.$type === 'Equation' && member.reversible);
    const absent = isEnzyme(node)
        ? [...(reversible ? [] : ['keq', 'km_product']), ...(node.members.some(m => m.$type === 'PropertyValue' && m.key === 'hill') ? [] : ['hill'])]
        : reversible ? ['rate'] : ['kf', 'kr'];
    return all.filter(property => !absent.includes(property));
}

/** Which effect-clause property each declaration type has (docs/reference.md#effect-clauses). */
export const EFFECT_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
    Species: ['supply', 'clearance'],
    Enzyme: ['activity'],
    Transporter: ['activity'],
    Release: ['activity'],
    Reaction: ['activity'],
    Receptor: ['density']
};

/** The members each block accepts, by the word that starts them (docs/reference.md, per declaration). */
export const BLOCK_MEMBERS: Readonly<Record<string, readonly string[]>> = {
    Compartment: ['volume', 'protein'],
    Species: ['initial', 'supply', 'clearance', 'molar_mass', 'fixed', 'tone', 'increases', 'decreases'],
    Enzyme: ['converts', 'vmax', 'km', 'requires', 'inhibited by', 'substrate_inhibition', 'hill', 'keq', 'km_product', 'protein'],
    Transporter: ['moves', 'vmax', 'km', 'rate', 'inhibited by'],
    Release: ['moves', 'rate', 'inhibited by'],
    Receptor: ['binds', 'kd', 'hill', 'density', 'effect', 'blocked by', 'increases', 'decreases'],
    Modulator: ['level', 'increases', 'decreases'],
    Reaction: ['->', 'rate', 'kf', 'kr']
};

/** The word a member starts with, as BLOCK_MEMBERS lists it. */
export function memberWord(member: Member): string {
    switch (member.$type) {
        case 'PropertyValue': return member.key;
        case 'KmValue': return 'km';
        case 'Equation': return member.verb ?? '->';
        case 'Requires': return 'requires';
        case 'InhibitedBy': return 'inhibited by';
        case 'BlockedBy': return 'blocked by';
        case 'SubstrateInhibition': return 'substrate_inhibition';
        case 'Binds': return 'binds';
        case 'EffectKind': return 'effect';
        case 'Tone': return 'tone';
        case 'Fixed': return 'fixed';
        case 'EffectClause': return member.direction;
    }
}
