import type { AstNode, AstNodeDescription } from 'langium';
import { isEnzyme, isModulator, isReceptor, isSpecies, type Member } from '../generated/ast.js';
import { addressableProperties, BLOCK_MEMBERS, EFFECT_PROPERTIES, isProcess, memberWord } from '../validation/declaration-kinds.js';

/**
 * What a declared name is, in the modeler's words: the species kinds are kinds of their own
 * because completion, hover, symbols and highlighting all tell them apart.
 */
export type DeclarationKind =
    | 'compartment' | 'precursor' | 'cofactor' | 'intermediate' | 'transmitter' | 'metabolite'
    | 'enzyme' | 'transporter' | 'release' | 'receptor' | 'modulator' | 'reaction'
    | 'parameter' | 'rule' | 'function' | 'argument' | 'scenario' | 'cascade' | 'scan' | 'population' | 'data' | 'fit';

export const SPECIES_KINDS: readonly DeclarationKind[] = ['precursor', 'cofactor', 'intermediate', 'transmitter', 'metabolite'];

/** Declaration kinds by AST type; species take their kind from the keyword they were declared with. */
const KINDS: Readonly<Record<string, DeclarationKind>> = {
    Compartment: 'compartment', Enzyme: 'enzyme', Transporter: 'transporter', Release: 'release', Receptor: 'receptor',
    Modulator: 'modulator', Reaction: 'reaction', Parameter: 'parameter', Rule: 'rule', FunctionDecl: 'function',
    FunctionParam: 'argument', Scenario: 'scenario', Cascade: 'cascade', Scan: 'scan', Population: 'population',
    Data: 'data', Fit: 'fit'
};

export function declarationKind(node: AstNode | undefined): DeclarationKind | undefined {
    return isSpecies(node) ? node.kind as DeclarationKind : node && KINDS[node.$type];
}

/** The kind of a scope entry (Cascade's scope entries always carry their node). */
export function descriptionKind(description: AstNodeDescription): DeclarationKind | undefined {
    return declarationKind(description.node);
}

export function isSpeciesKind(kind: DeclarationKind | undefined): boolean {
    return kind !== undefined && SPECIES_KINDS.includes(kind);
}

/** Members that may be written more than once in a block (one `km` per substrate, several inhibitors, …). */
const REPEATABLE = new Set(['requires', 'inhibited by', 'blocked by', 'increases', 'decreases']);

/** The keyword a member word of the validator's table starts with (`inhibited by` → `inhibited`). */
const keywordOf = (word: string): string => word.split(' ')[0];

/** Every keyword that starts a block member. */
export const MEMBER_KEYWORDS: ReadonlySet<string> = new Set(Object.values(BLOCK_MEMBERS).flat().map(keywordOf));

/** Member keywords that fit this block and are not set in it yet (`tone` only for transmitters). */
export function openMemberKeywords(block: AstNode & { members?: Member[] }): string[] {
    const written = new Set((block.members ?? []).map(memberWord));
    const repeatable = (word: string) => REPEATABLE.has(word) || (word === 'km' && isEnzyme(block));
    const reversible = block.members?.some(member => member.$type === 'Equation' && member.reversible) ?? false;
    // keq and km_product only fit a reversible enzyme, kf and kr a reversible reaction; rate, hill and substrate inhibition an irreversible one.
    const formOnly = (word: string) => (word === 'keq' || word === 'km_product' || word === 'kf' || word === 'kr') && !reversible
        || (word === 'rate' || word === 'hill' || word === 'substrate_inhibition') && reversible;
    return (BLOCK_MEMBERS[block.$type] ?? [])
        .filter(word => word !== '->' && (word !== 'tone' || declarationKind(block) === 'transmitter') && !formOnly(word))
        .filter(word => repeatable(word) || !written.has(word))
        .map(keywordOf);
}

/** The properties an effect clause may target on this declaration (docs/reference.md#effect-clauses). */
export function effectProperties(node: AstNode | undefined): readonly string[] {
    return (node && EFFECT_PROPERTIES[node.$type]) ?? [];
}

/** Properties `set`, `scale` and `perturb` may name on this declaration (docs/reference.md#set). */
export function actionProperties(node: AstNode | undefined): readonly string[] {
    return node ? addressableProperties(node) : [];
}

/** Members read after a dot (`HT1A.occupancy`, `Cortisol.level`, `TPH2.rate`). */
export function dotMembers(node: AstNode | undefined): readonly string[] {
    if (isReceptor(node)) return ['occupancy', 'activation'];
    if (isModulator(node)) return ['level'];
    if (isProcess(node)) return ['rate'];
    return [];
}
