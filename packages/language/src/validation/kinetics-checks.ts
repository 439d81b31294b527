import type { ValidationAcceptor, ValidationChecks } from 'langium';
import {
    isKmValue, isSpecies, type CascadeAstType, type KmValue, type Enzyme, type Member, type NamedElement, type Receptor,
    type Release, type Reaction, type Transporter
} from '../generated/ast.js';
import { membersOf } from '../lowering/block-members.js';
import { propertyOf } from '../units/written-values.js';
import { equationOf, ligandOf, substratesOf } from '../units/expected-dimensions.js';
import { withArticle } from './declaration-kinds.js';
import { CODE_KM_NOT_SUBSTRATE, CODE_MISSING_KINETICS, CODE_NOT_COFACTOR } from './diagnostic-codes.js';

type Block = Enzyme | Transporter | Release | Reaction | Receptor;

/** missing-kinetics, km-not-substrate and not-cofactor (docs/reference.md#checks). */
export function kineticsChecks(): ValidationChecks<CascadeAstType> {
    return {
        Enzyme: (enzyme, accept) => {
            const missing = requireMembers(enzyme, ['converts'], equationOf(enzyme.members)?.reversible ? ['vmax', 'keq'] : ['vmax']);
            report(enzyme, missing, accept);
            checkKms(enzyme, accept, true);
        },
        Transporter: (transporter, accept) => {
            const saturable = !propertyOf(transporter.members, 'rate');
            report(transporter, requireMembers(transporter, ['moves'], saturable ? ['vmax'] : []), accept);
            checkKms(transporter, accept, saturable);
        },
        Release: (release, accept) => report(release, requireMembers(release, ['moves'], ['rate']), accept),
        Reaction: (reaction, accept) => report(reaction,
            requireMembers(reaction, ['an equation'], equationOf(reaction.members)?.reversible ? ['kf', 'kr'] : ['rate']), accept),
        Receptor: (receptor, accept) => report(receptor, [...(ligandOf(receptor.members) || hasBinds(receptor.members) ? [] : ['binds']),
            ...(propertyOf(receptor.members, 'kd') ? [] : ['kd'])], accept),
        Requires: (req, accept) => {
            const cofactor = req.cofactor?.ref;
            if (isSpecies(cofactor) && cofactor.kind !== 'cofactor') {
                accept('warning', `'${cofactor.name}' is ${withArticle(cofactor.kind)}, not a cofactor: requires reads it without consuming it. Declare it 'cofactor', or make it a substrate.`,
                    { node: req, property: 'cofactor', data: { code: CODE_NOT_COFACTOR } });
            }
        }
    };
}

/** The names of the missing members: the equation word and the numeric properties. */
function requireMembers(block: Block, equation: string[], properties: string[]): string[] {
    const km = properties.includes('km') && block.members.some(isKmValue);
    return [
        ...(equationOf(block.members) ? [] : equation),
        ...properties.filter(key => key === 'km' ? !km : !propertyOf(block.members, key))
    ];
}

function hasBinds(members: Member[]): boolean {
    return members.some(member => member.$type === 'Binds');
}

function report(block: Block, missing: string[], accept: ValidationAcceptor): void {
    if (missing.length === 0) return;
    accept('error', `${block.name} has no ${missing.map(m => m.startsWith('an ') ? m : `'${m}'`).join(' and no ')}.`,
        { node: block, property: 'name', data: { code: CODE_MISSING_KINETICS, missing } });
}

/**
 * `km X` must name a substrate. Every substrate of an enzyme, and of a transporter given `vmax`
 * (a co-transported ion too), needs a km: `km 40 uM` for a single one, `km S 40 uM` for each of several.
 */
function checkKms(block: Enzyme | Transporter, accept: ValidationAcceptor, requireEach: boolean): void {
    const substrates = substratesOf(block.members);
    const kms = block.members.filter(isKmValue);
    // A carrier's unnamed km belongs to the `moves` line before it.
    const lines = membersOf(block);
    const carrier = lines.equations.length > 1;
    const lineSubstrate = (km: KmValue) => carrier ? lines.equations[lines.lineOf(km)]?.reactants[0]?.species?.ref as NamedElement | undefined : undefined;
    for (const km of kms) {
        const named = km.substrate?.ref as NamedElement | undefined;
        if (named && isSpecies(named) && !substrates.includes(named)) {
            const list = substrates.map(s => s.name).join(', ') || 'none';
            accept('error', `'${named.name}' is not a substrate of ${block.name} (substrates: ${list}).`,
                { node: km, property: 'substrate', data: { code: CODE_KM_NOT_SUBSTRATE } });
        } else if (!km.substrate && substrates.length > 1 && !lineSubstrate(km)) {
            accept('error', `${block.name} has ${substrates.length} substrates: name the one this km is for ('km ${substrates[0].name} …').`,
                { node: km, data: { code: CODE_MISSING_KINETICS } });
        }
    }
    if (!requireEach) return;
    // An unnamed km is the single substrate's.
    const covered = new Set(kms.map(km => km.substrate?.ref ?? lineSubstrate(km) ?? (substrates.length === 1 ? substrates[0] : undefined)));
    const uncovered = substrates.filter(s => !covered.has(s));
    for (const substrate of uncovered) {
        accept('error', `Substrate '${substrate.name}' of ${block.name} has no km: write 'km ${substrates.length === 1 ? '' : substrate.name + ' '}<value>'.`,
            { node: block, property: 'name', data: { code: CODE_MISSING_KINETICS, missing: [`km ${substrate.name}`] } });
    }
}

