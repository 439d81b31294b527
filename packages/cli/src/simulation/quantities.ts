import { findScenario, type ModelIR, type Observable, type Scenario } from '@neurocascade/simulator';
import { nearestNames } from '@neurocascade/language';
import { UsageError } from '../usage.js';

/** Every quantity of the model a run can report: the scenario's observables, then each species, rule and parameter. */
export function modelQuantities(model: ModelIR, scenario: Scenario): Observable[] {
    const named = (name: string, unit: string, display?: Observable['display']): Observable => ({ name, expression: { kind: 'name', name }, unit, display });
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

/** `--observe a,b`: these quantities of the model, in this order; an unknown name is a usage error with the nearest names. */
export function chosenQuantities(model: ModelIR, scenario: Scenario, names: readonly string[]): Observable[] {
    const all = modelQuantities(model, scenario);
    return names.map(name => {
        const found = all.find(quantity => quantity.name === name);
        if (found) return found;
        const nearest = nearestNames(name, all.map(quantity => quantity.name));
        throw new UsageError(`--observe: the model has no quantity '${name}'${nearest.length > 0 ? `; did you mean ${nearest.map(n => `'${n}'`).join(' or ')}?` : ''}`);
    });
}

/** The model with one scenario observing `observe` instead of its own list; the scenario's name to run. */
export function observing(model: ModelIR, scenarioName: string | undefined, observe: (scenario: Scenario) => Observable[]): { model: ModelIR; scenario: string } {
    const scenario = findScenario(model, scenarioName);
    const changed = { ...scenario, observe: observe(scenario) };
    const others = model.scenarios.filter(other => other.name !== scenario.name);
    return { model: { ...model, scenarios: [changed, ...others] }, scenario: scenario.name };
}
