/**
 * The numeric properties scenario actions, cascade perturbations and events address
 * (`set TPH2 vmax 3 uM/min`, `perturb Tryptophan supply +50%`), per declaration.
 */
import type { Expr, Inhibition, ModelIR, PropertyRef, RateLaw } from '../ir.js';
import type { Declaration } from './declarations.js';

export interface PropertyDefinition {
    property: string;
    /** The substrate (for `km`) or inhibitor/antagonist (for `ki`) the property belongs to. */
    sub: string;
    expr: Expr;
}

const ONE: Expr = { kind: 'number', value: 1 };

const of = (property: string, expr: Expr, sub = ''): PropertyDefinition => ({ property, sub, expr });

/** The key under which substrate inhibition's constant is kept (`ki` without a name reaches it too). */
export const SUBSTRATE_INHIBITION = 'substrate_inhibition';

/**
 * The `sub` of an inhibitor's ki: its name, or name and mode for an inhibitor listed in
 * several modes (mixed inhibition), so each listing keeps its own constant.
 */
export function inhibitorKey(inhibitors: readonly Inhibition[], i: Inhibition): string {
    return inhibitors.filter(j => j.inhibitor === i.inhibitor).length > 1 ? `${i.inhibitor} ${i.mode}` : i.inhibitor;
}

const inhibitorConstants = (inhibitors: readonly Inhibition[]) =>
    inhibitors.map(i => of('ki', i.ki, inhibitorKey(inhibitors, i)));

function lawProperties(law: RateLaw): PropertyDefinition[] {
    switch (law.type) {
        case 'saturable': return [
            of('vmax', law.vmax),
            ...law.substrates.map(s => of('km', s.km, s.species)),
            ...law.cofactors.map(c => of('km', c.km, c.species)),
            ...inhibitorConstants(law.inhibitors),
            ...(law.substrateInhibitionKi ? [of('ki', law.substrateInhibitionKi, SUBSTRATE_INHIBITION)] : []),
            ...(law.hill ? [of('hill', law.hill)] : []),
            ...(law.reversible ? [of('keq', law.reversible.keq)] : []),
            ...(law.reversible?.kmProduct ? [of('km_product', law.reversible.kmProduct, law.reversible.product)] : [])
        ];
        case 'first-order': return [of('rate', law.rate), ...inhibitorConstants(law.inhibitors)];
        case 'expression': return [of('rate', law.rate)];
        case 'mass-action': return [of('kf', law.kf), of('kr', law.kr)];
        case 'carrier': return [
            ...law.routes.flatMap(r => [of('vmax', r.vmax, r.reactants[0].species), of('km', r.km, r.reactants[0].species)]),
            ...inhibitorConstants(law.inhibitors)
        ];
    }
}

const ZERO: Expr = { kind: 'number', value: 0 };

/** The property an `infuse` action adds its rate to: a species' input from infusions, 0 until one starts. */
export const INFUSION = 'infusion';

/** Species some scenario or event infuses: only their balances carry an infusion input. */
export function infusedSpecies(ir: ModelIR): Set<string> {
    const events = [...ir.events, ...ir.scenarios.flatMap(s => s.events)];
    return new Set(events.flatMap(e => e.actions.flatMap(a => a.kind === 'infuse' ? [a.species] : [])));
}

export function propertyDefinitions(d: Declaration, infused: ReadonlySet<string>): PropertyDefinition[] {
    switch (d.kind) {
        case 'compartment': return [of('volume', d.decl.volume)];
        case 'species': return [
            of('initial', d.decl.initial), of('supply', d.decl.supply), of('clearance', d.decl.clearance),
            ...(infused.has(d.decl.name) ? [of(INFUSION, ZERO)] : [])
        ];
        case 'process': return [...lawProperties(d.decl.law), of('activity', ONE)];
        case 'receptor': return [
            of('kd', d.decl.kd), of('hill', d.decl.hill), of('density', d.decl.density),
            ...d.decl.antagonists.map(a => of('ki', a.ki, a.antagonist))
        ];
        case 'modulator': return [of('level', d.decl.level)];
        case 'parameter': return [of('value', d.decl.value)];
        case 'rule': case 'function': return [];
    }
}

/**
 * Of one target's properties, those a reference addresses: `km` without a substrate the
 * first, anything else without one all (every `ki`); with one, those of that substrate.
 */
export function addressed<P extends { property: string; sub: string }>(all: readonly P[], ref: PropertyRef): P[] {
    const named = all.filter(p => p.property === ref.property);
    const sub = ref.substrate;
    return sub ? named.filter(p => p.sub === sub || p.sub.startsWith(`${sub} `))
        : ref.property === 'km' ? named.slice(0, 1) : named;
}
