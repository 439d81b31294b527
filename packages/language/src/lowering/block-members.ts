import type { AstNode } from 'langium';
import {
    isBinds, isBlockedBy, isEffectClause, isEffectKind, isEquation, isFixed, isInhibitedBy, isKmValue,
    isPropertyValue, isRequires, isSpecies, isSubstrateInhibition, isTone,
    type BlockedBy, type Binds, type Compartment, type EffectClause, type Enzyme, type Equation, type Expression, type InhibitedBy, type KmValue,
    type Member, type Requires
} from '../generated/ast.js';

/** Typed access to the members of one declaration's `{ … }` block (the grammar keeps them as one union). */
export class BlockMembers {
    constructor(readonly members: readonly Member[]) {}

    /** The value of `<key> <value>`; the last one written wins (a check reports repeats). */
    value(key: string): Expression | undefined {
        return this.members.filter(isPropertyValue).filter(member => member.key === key).at(-1)?.value;
    }

    get equation(): Equation | undefined {
        return this.members.find(isEquation);
    }

    /** Every equation: one, or one per `moves` line of a carrier. */
    get equations(): Equation[] {
        return this.members.filter(isEquation);
    }

    /**
     * The `moves` line a member belongs to in a carrier: the last one written before it
     * (-1 before the first line: a `vmax` there is shared by the lines without their own).
     */
    lineOf(member: Member): number {
        return this.members.slice(0, this.members.indexOf(member)).filter(isEquation).length - 1;
    }

    /**
     * The vmax and km of one line of a carrier (docs/reference.md#one-carrier-for-several-substrates): those
     * written after the line; `km X` naming its substrate anywhere; a vmax before the first line for every line.
     */
    carrierLine(line: number): { substrate: string; vmax?: Expression; km?: Expression } {
        const substrate = this.equations[line]?.reactants[0]?.species.$refText ?? '';
        const vmaxOf = (at: number) => this.members.filter(isPropertyValue).filter(m => m.key === 'vmax' && this.lineOf(m) === at).at(-1)?.value;
        const km = this.kms.find(k => k.substrate?.$refText === substrate) ?? this.kms.find(k => !k.substrate && this.lineOf(k) === line);
        return { substrate, vmax: vmaxOf(line) ?? vmaxOf(-1), km: km?.value };
    }

    get kms(): KmValue[] {
        return this.members.filter(isKmValue);
    }

    get requires(): Requires[] {
        return this.members.filter(isRequires);
    }

    get inhibitors(): InhibitedBy[] {
        return this.members.filter(isInhibitedBy);
    }

    get antagonists(): BlockedBy[] {
        return this.members.filter(isBlockedBy);
    }

    get substrateInhibition(): Expression | undefined {
        return this.members.find(isSubstrateInhibition)?.ki;
    }

    get binds(): Binds | undefined {
        return this.members.find(isBinds);
    }

    get effect(): string | undefined {
        return this.members.find(isEffectKind)?.effect;
    }

    get tone(): string | undefined {
        return this.members.find(isTone)?.tone;
    }

    get fixed(): boolean {
        return this.members.some(isFixed);
    }

    get effectClauses(): EffectClause[] {
        return this.members.filter(isEffectClause);
    }
}

export function membersOf(node: AstNode & { members?: Member[] }): BlockMembers {
    return new BlockMembers(node.members ?? []);
}

/** The compartment an enzyme works in: written (`in C`), or its first substrate's. */
export function enzymeCompartment(enzyme: Enzyme): Compartment | undefined {
    const substrate = membersOf(enzyme).equation?.reactants[0]?.species?.ref;
    return enzyme.compartment?.ref ?? (isSpecies(substrate) ? substrate.compartment?.ref : undefined);
}

/** Specific activities (docs/reference.md#specific-activities): the enzyme's own `protein`, or its compartment's. */
export function proteinOf(enzyme: Enzyme): Expression | undefined {
    const compartment = enzymeCompartment(enzyme);
    return membersOf(enzyme).value('protein') ?? (compartment && membersOf(compartment).value('protein'));
}
