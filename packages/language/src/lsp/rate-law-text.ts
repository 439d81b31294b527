import type { AstNode } from 'langium';
import {
    isEnzyme, isInhibitedBy, isReaction, isReceptor, isRelease, isTransporter, type BlockedBy, type InhibitedBy
} from '../generated/ast.js';
import { membersOf, type BlockMembers } from '../lowering/block-members.js';
import { written } from './value-text.js';

/**
 * The rate law of a process (or a receptor's occupancy) written out with its numbers,
 * as docs/reference.md defines it: `v = 2.4 uM/min · Trp/(40 uM·(1 + 5-HT/1000 uM) + Trp)`.
 * `activity` is appended as `· A` when something modulates the process.
 */
export function rateLawText(node: AstNode, modulated: boolean): string | undefined {
    const activity = modulated ? ' · A' : '';
    if (isEnzyme(node)) return enzymeLaw(membersOf(node), activity);
    if (isTransporter(node) || isRelease(node)) return transportLaw(membersOf(node), activity);
    if (isReaction(node)) return reactionLaw(membersOf(node), activity);
    if (isReceptor(node)) return occupancyLaw(membersOf(node));
    return undefined;
}

/** The km written for a substrate: named, or unnamed for the first. */
function kmOf(block: BlockMembers, substrate: string, index: number): string {
    return written((block.kms.find(k => k.substrate?.$refText === substrate) ?? (index === 0 ? block.kms.find(k => !k.substrate) : undefined))?.value);
}

function enzymeLaw(block: BlockMembers, activity: string): string {
    const substrates = block.equation?.reactants.map(term => term.species.$refText) ?? [];
    const competitive = block.inhibitors.filter(i => mode(i) === 'competitive');
    const uncompetitive = block.inhibitors.filter(i => mode(i) === 'uncompetitive');
    const hill = block.value('hill');
    const factors = substrates.map((substrate, index) => {
        const km = kmOf(block, substrate, index);
        if (index > 0) return `${substrate}/(${km} + ${substrate})`;
        if (block.equation?.reversible) {
            const product = block.equation.products[0]?.species.$refText ?? 'P';
            const kp = block.value('km_product') ? written(block.value('km_product')) : km;
            return `(${substrate} − ${product}/${written(block.value('keq'))})/${km} / (1 + ${substrate}/${km} + ${product}/${kp})`;
        }
        if (hill) return `${substrate}^${written(hill)}/(${km}^${written(hill)} + ${substrate}^${written(hill)})`;
        if (competitive.length > 0) return `${substrate}/(${km}·(1 + ${ratios(competitive)}) + ${substrate})`;
        if (uncompetitive.length > 0) return `${substrate}/(${km} + ${substrate}·(1 + ${ratios(uncompetitive)}))`;
        const ksi = block.substrateInhibition;
        if (ksi) return `${substrate}/(${km} + ${substrate} + ${substrate}²/${written(ksi)})`;
        return `${substrate}/(${km} + ${substrate})`;
    });
    const cofactors = block.requires.map(r => `${r.cofactor.$refText}/(${written(r.km)} + ${r.cofactor.$refText})`);
    const noncompetitive = block.inhibitors.filter(i => mode(i) === 'noncompetitive').map(i => `1/(1 + ${ratio(i)})`);
    return ['v = ' + written(block.value('vmax')), ...factors, ...cofactors, ...noncompetitive].join(' · ') + activity;
}

/** Michaelis–Menten on the source, or first order when only `rate` is given (docs/reference.md#transporters). */
function transportLaw(block: BlockMembers, activity: string): string {
    const [source = 'S', ...others] = block.equation?.reactants.map(term => term.species.$refText) ?? [];
    const rate = block.value('rate');
    if (rate && !block.value('vmax')) return `v = ${written(rate)} · ${source}${activity}`;
    if (block.equations.length > 1) return carrierLaw(block, activity);
    const km = kmOf(block, source, 0);
    const inhibitors = block.inhibitors.filter(i => mode(i) !== 'noncompetitive');
    const saturation = inhibitors.length > 0 ? `${km}·(1 + ${ratios(inhibitors)})` : km;
    const cotransported = others.map((species, index) => ` · ${species}/(${kmOf(block, species, index + 1)} + ${species})`).join('');
    return `v = ${written(block.value('vmax'))} · ${source}/(${saturation} + ${source})${cotransported}${activity}`;
}

/** One term per `moves` line, all sharing the carrier (docs/reference.md#one-carrier-for-several-substrates). */
function carrierLaw(block: BlockMembers, activity: string): string {
    const lines = block.equations.map((_, index) => {
        const line = block.carrierLine(index);
        return { substrate: line.substrate || 'S', vmax: written(line.vmax), km: written(line.km) };
    });
    const competitive = block.inhibitors.filter(i => mode(i) === 'competitive');
    const occupied = [...(competitive.length > 0 ? [ratios(competitive)] : []), ...lines.map(l => `${l.substrate}/${l.km}`)].join(' + ');
    return lines.map(l => `v(${l.substrate}) = ${l.vmax} · (${l.substrate}/${l.km})/(1 + ${occupied})${activity}`).join('; ');
}

/** The rate as written, or mass action both ways (docs/reference.md#reversible-reactions). */
function reactionLaw(block: BlockMembers, activity: string): string {
    if (!block.equation?.reversible) return `v = ${written(block.value('rate'))}${activity}`;
    const side = (terms: { coefficient?: number; species: { $refText: string } }[]) =>
        terms.map(term => term.coefficient && term.coefficient !== 1 ? `${term.species.$refText}^${term.coefficient}` : term.species.$refText).join('·');
    const forward = `${written(block.value('kf'))}·${side(block.equation.reactants)}`;
    const backward = `${written(block.value('kr'))}·${side(block.equation.products)}`;
    return `v = ${activity ? '(' : ''}${forward} − ${backward}${activity ? `)${activity}` : ''}`;
}

/** θ = (L/Kd)^n / (1 + (L/Kd)^n + Σ B/Ki) (docs/reference.md#occupancy-and-activation). */
function occupancyLaw(block: BlockMembers): string {
    const ligand = block.binds?.ligand.$refText ?? 'L';
    const hill = block.value('hill');
    const bound = `(${ligand}/${written(block.value('kd'))})${hill ? `^${written(hill)}` : ''}`;
    const antagonists = block.antagonists.length > 0 ? ` + ${ratios(block.antagonists)}` : '';
    return `θ = ${bound}/(1 + ${bound}${antagonists})`;
}

function mode(inhibitor: InhibitedBy): string {
    return inhibitor.mode ?? 'competitive';
}

function ratio(inhibitor: InhibitedBy | BlockedBy): string {
    const name = isInhibitedBy(inhibitor) ? inhibitor.inhibitor.$refText : inhibitor.antagonist.$refText;
    return `${name}/${written(inhibitor.ki)}`;
}

function ratios(inhibitors: (InhibitedBy | BlockedBy)[]): string {
    return inhibitors.map(ratio).join(' + ');
}
