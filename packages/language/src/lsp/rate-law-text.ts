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
    if (isReaction(node)) return `v = ${written(membersOf(node).value('rate'))}${activity}`;
    if (isReceptor(node)) return occupancyLaw(membersOf(node));
    return undefined;
}

function enzymeLaw(block: BlockMembers, activity: string): string {
    const substrates = block.equation?.reactants.map(term => term.species.$refText) ?? [];
    const competitive = block.inhibitors.filter(i => mode(i) === 'competitive');
    const uncompetitive = block.inhibitors.filter(i => mode(i) === 'uncompetitive');
    const factors = substrates.map((substrate, index) => {
        const km = written((block.kms.find(k => k.substrate?.$refText === substrate) ?? block.kms.find(k => !k.substrate))?.value);
        if (index > 0) return `${substrate}/(${km} + ${substrate})`;
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
    const source = block.equation?.reactants[0]?.species.$refText ?? 'S';
    const rate = block.value('rate');
    if (rate && !block.value('vmax')) return `v = ${written(rate)} · ${source}${activity}`;
    const km = written(block.kms[0]?.value);
    const inhibitors = block.inhibitors.filter(i => mode(i) !== 'noncompetitive');
    const saturation = inhibitors.length > 0 ? `${km}·(1 + ${ratios(inhibitors)})` : km;
    return `v = ${written(block.value('vmax'))} · ${source}/(${saturation} + ${source})${activity}`;
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
