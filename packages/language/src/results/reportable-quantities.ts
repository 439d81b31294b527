/**
 * Every quantity of a model a run can report, as the steady-state tables list them and
 * `--observe` names them. Langium-free (subpath `@neurocascade/language/results/*`).
 */
import type { ModelIR, Observable, Scenario } from '@neurocascade/simulator';

/** The scenario's observables, then each species, rule and parameter, receptor occupancy and activation, modulator level and process flux. */
export function reportableQuantities(model: ModelIR, scenario: Scenario): Observable[] {
    const named = (name: string, unit: string, display?: Observable['display']): Observable => ({ name, expression: { kind: 'name', name }, unit, ...(display ? { display } : {}) });
    const all = [
        ...scenario.observe,
        ...model.species.map(s => named(s.name, s.unit, s.display)),
        ...model.rules.map(r => named(r.name, r.unit)),
        ...model.parameters.map(p => named(p.name, p.unit)),
        ...model.receptors.flatMap(r => (['occupancy', 'activation'] as const).map(member => ({ name: `${r.name}.${member}`, expression: { kind: 'member' as const, name: r.name, member }, unit: '1' }))),
        ...model.modulators.map(m => ({ name: `${m.name}.level`, expression: { kind: 'member' as const, name: m.name, member: 'level' as const }, unit: m.unit })),
        ...model.processes.map(p => ({ name: `${p.name}.rate`, expression: { kind: 'member' as const, name: p.name, member: 'rate' as const }, unit: fluxUnit(model, p) }))
    ];
    return [...new Map(all.map(quantity => [quantity.name, quantity])).values()];
}

/** A process's flux is a concentration of the species it changes per minute (docs/reference.md, fluxes). */
function fluxUnit(model: ModelIR, process: ModelIR['processes'][number]): string {
    const changed = process.reactants[0]?.species ?? process.products[0]?.species;
    const unit = model.species.find(s => s.name === changed)?.unit ?? 'uM';
    return unit === '1' ? '/min' : `${unit}/min`;
}
