import type { Action, Expectation, ModelEvent, ModelIR, Scenario } from '../ir.js';
import { ModelError } from '../model/errors.js';

/**
 * The whole of `scenario`, with what it inherits along its `base` chain (docs/reference.md#extends): events of every
 * link in written order, root first (the root holds the model's events); for actions and
 * expects, a later link's restatement replaces the earlier one (an action moves to where it is
 * restated, an expect keeps its place). Linear in the length of the chain.
 */
export function resolveScenario(ir: ModelIR, scenario: Scenario): Scenario {
    const byName = new Map(ir.scenarios.map(s => [s.name, s]));
    const chain: Scenario[] = [];
    const seen = new Set<Scenario>();
    for (let link: Scenario | undefined = scenario; link; link = link.base === undefined ? undefined : byName.get(link.base)) {
        if (seen.has(link)) throw new ModelError(`scenario '${scenario.name}' extends itself through '${link.name}'`, 'extends-cycle');
        seen.add(link);
        chain.push(link);
        if (link.base !== undefined && !byName.has(link.base)) throw new ModelError(`scenario '${link.name}' extends '${link.base}', which the model does not have`, 'unresolved');
    }
    chain.reverse();
    const actions = new Map<string, Action>();
    const expects = new Map<string, Expectation>();
    const events: ModelEvent[] = [];
    for (const link of chain) {
        for (const action of link.actions) {
            const key = restatementKey(action);
            actions.delete(key);
            actions.set(key, action);
        }
        for (const expectation of link.expects) expects.set(`${expectation.label} ${expectation.at}`, expectation);
        for (const event of link.events) events.push(event);
    }
    const { base: _base, ...own } = scenario;
    return { ...own, lineage: chain.map(link => link.name), expects: [...expects.values()], actions: [...actions.values()], events };
}

/** What an action restates: a later action with the same key replaces it. */
function restatementKey(action: Action): string {
    return action.kind === 'dose' ? `dose ${action.species}` : `${action.kind} ${action.target} ${'property' in action ? action.property : ''}`;
}
