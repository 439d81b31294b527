import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { CascadeAstType, Member } from '../generated/ast.js';
import { CODE_DUPLICATE } from './diagnostic-codes.js';
import { memberWord } from './declaration-kinds.js';
import { membersOf } from '../lowering/block-members.js';

/**
 * duplicate: a member written twice in one block where the model reads only one (a second
 * `vmax`, a second equation, two `km` for one substrate). The model would silently keep one of
 * them, so the repeat is an error (docs/reference.md#duplicate).
 */
export function memberRepeatChecks(): ValidationChecks<CascadeAstType> {
    const block = (node: { members: Member[] }, accept: ValidationAcceptor) => checkRepeats(node.members, keyOf, accept);
    return {
        Compartment: block, Species: block, Enzyme: block, Release: block, Receptor: block, Modulator: block, Reaction: block,
        // A carrier has several `moves` lines, each with its own vmax and (unnamed) km.
        Transporter: (transporter, accept) => {
            const lines = membersOf(transporter);
            checkRepeats(transporter.members, member => {
                if (member.$type === 'Equation') return undefined;
                const key = keyOf(member);
                return key === 'vmax' || key === 'km ' ? `${key} ${lines.lineOf(member)}` : key;
            }, accept);
        }
    };
}

/** What a member sets: two members with one key set the same thing; undefined for members that may repeat. */
function keyOf(member: Member): string | undefined {
    switch (member.$type) {
        case 'PropertyValue': return member.key;
        case 'KmValue': return `km ${member.substrate?.$refText ?? ''}`;
        case 'Equation': return 'equation';
        case 'Requires': return `requires ${member.cofactor?.$refText}`;
        case 'InhibitedBy': return `inhibited by ${member.inhibitor?.$refText} ${member.mode ?? 'competitive'}`;
        case 'BlockedBy': return `blocked by ${member.antagonist?.$refText}`;
        case 'EffectClause': return undefined; // several effects on one target multiply
        default: return memberWord(member);
    }
}

function checkRepeats(members: Member[], keyOf: (member: Member) => string | undefined, accept: ValidationAcceptor): void {
    const seen = new Set<string>();
    for (const member of members) {
        const key = keyOf(member);
        if (key === undefined) continue;
        if (!seen.has(key)) {
            seen.add(key);
            continue;
        }
        const what = key === 'equation' ? 'a second equation' : `'${key.replace(/ -?\d+$/, '').trim()}' a second time`;
        const why = key === 'equation' ? 'a block has one equation (write several substrates as A + B)' : 'only one is used';
        accept('error', `This block has ${what}: ${why}.`, { node: member, data: { code: CODE_DUPLICATE } });
    }
}
