import { findScenario, type ModelIR, type Observable, type Scenario } from '@neurocascade/simulator';
import { nearestNames } from '@neurocascade/language';
import { reportableQuantities } from '@neurocascade/language/results/reportable-quantities';
import { UsageError } from '../usage.js';

/** `--observe a,b`: these quantities of the model, in this order; an unknown name is a usage error with the nearest names. */
export function chosenQuantities(model: ModelIR, scenario: Scenario, names: readonly string[]): Observable[] {
    const all = reportableQuantities(model, scenario);
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
