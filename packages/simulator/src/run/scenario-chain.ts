import type { Action, DoseSchedule, Expectation, ModelEvent, ModelIR, Scenario } from '../ir.js';
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
        // Keys of this link's own expects: two in one scenario never override each other.
        const ownKeys = new Set<string>();
        for (const expectation of link.expects) {
            const key = restatementOfExpect(expectation);
            expects.set(ownKeys.has(key) ? `${key} ${ownKeys.size}` : key, expectation);
            ownKeys.add(key);
        }
        for (const event of link.events) events.push(event);
        for (const schedule of link.schedules ?? []) events.push(...scheduledDoses(schedule, scenario.duration));
    }
    const { base: _base, schedules: _schedules, ...own } = scenario;
    return { ...own, lineage: chain.map(link => link.name), expects: [...expects.values()], actions: [...actions.values()], events };
}

/** What an expect restates: the same readings, reference scenario and kind of bound. */
function restatementOfExpect(e: Expectation): string {
    const bounds = e.low === -Infinity ? 'below' : e.high === Infinity ? 'above' : 'between';
    return `${e.label} ${e.readings.map(r => r.at).join(' ')} ${e.relativeTo ?? ''} ${bounds}`;
}

/** More doses than this in one schedule are refused by a check; a run never expands more. */
export const MAX_SCHEDULED_DOSES = 10_000;

/** The times of a schedule's doses: start, start + period, …, `times` of them, or up to `until` (else the run's end), inclusive. */
export function doseTimes(start: number, period: number, count: number | undefined, until: number | undefined, duration: number): number[] {
    if (!(period > 0) || !Number.isFinite(start)) return [];
    const last = until ?? duration;
    const times: number[] = [];
    for (let k = 0; times.length < Math.min(count ?? Infinity, MAX_SCHEDULED_DOSES); k++) {
        const t = start + k * period;
        if (count === undefined && t > last * (1 + 1e-12)) break;
        times.push(t);
    }
    return times;
}

/** One `at` event per dose of a schedule, within a run of `duration` minutes. */
function scheduledDoses(schedule: DoseSchedule, duration: number): ModelEvent[] {
    return doseTimes(schedule.start, schedule.period, schedule.count, schedule.until, duration)
        .map(time => ({ trigger: { kind: 'at', time }, actions: [schedule.dose], source: schedule.source }));
}

/** What an action restates: a later action with the same key replaces it. */
function restatementKey(action: Action): string {
    return action.kind === 'dose' || action.kind === 'infuse' ? `${action.kind} ${action.species}` : `${action.kind} ${action.target} ${'property' in action ? action.property : ''}`;
}
