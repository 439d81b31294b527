import { evaluateConstant } from '@neurocascade/simulator';
import type * as IR from '@neurocascade/simulator';
import {
    isCascadeAt, isCascadeFrom, isDoseAction, isExpect, isInfusion, isInhibitAction, isMeasure, isObserve, isPerturb,
    isScaleAction, isSchedule, isSetAction, isSimulate, isTimedAction, isWhenEvent,
    type Action, type Cascade, type Expression, type Infusion, type Scenario, type Schedule, type WhenEvent
} from '../generated/ast.js';
import { isRelativeChange } from '../units/written-values.js';
import type { LoweringContext } from './lowering-context.js';
import { lowerExpect } from './lower-expects.js';
import { lowerObservable, type Observables } from './lower-observables.js';

/** Minutes simulated by a scenario chain that never says `simulate` (a check reports it). */
export const DEFAULT_DURATION = 100;

export function lowerAction(action: Action, context: LoweringContext): IR.Action {
    const target = action.target.$refText;
    if (isDoseAction(action)) return { kind: 'dose', species: target, amount: context.addedConcentration(target, action.amount, false) };
    if (isInhibitAction(action)) return { kind: 'inhibit', target, fraction: context.expression(action.amount) };
    if (isScaleAction(action)) return { kind: 'scale', target, property: action.property, factor: context.expression(action.amount) };
    const property = isSetAction(action) ? action.property ?? 'value' : 'value';
    const concentration = property === 'value' || property === 'initial';
    const value = concentration && context.species(target) ? context.concentrationOf(target, action.value) : context.expression(action.value);
    return { kind: 'set', target, property, value };
}

export function lowerWhen(node: WhenEvent, context: LoweringContext, file: string): IR.ModelEvent {
    return {
        trigger: { kind: 'when', condition: context.expression(node.condition) },
        actions: node.actions.map(action => lowerAction(action, context)),
        source: context.sourceOf(node, file)
    };
}

/** The scenarios from the root of the `extends` chain down to `scenario` (a cycle stops the walk). */
export function lineage(scenario: Scenario): Scenario[] {
    const chain: Scenario[] = [];
    for (let current: Scenario | undefined = scenario; current && !chain.includes(current); current = current.base?.ref) {
        chain.unshift(current);
    }
    return chain;
}

/** Key of what an inherited statement restates: a restated one overrides the inherited one. */
function restatementKey(action: IR.Action): string {
    return action.kind === 'dose' || action.kind === 'infuse' ? `${action.kind} ${action.species}` : `${action.kind} ${action.target} ${'property' in action ? action.property : ''}`;
}

export function lowerScenario(scenario: Scenario, modelEvents: IR.ModelEvent[], observables: Observables, context: LoweringContext, file: string): IR.Scenario {
    const chain = lineage(scenario);
    let duration: number | undefined;
    let step: number | undefined;
    let observe: IR.Observable[] | undefined;
    const expects = new Map<string, IR.Expectation>();
    const actions = new Map<string, IR.Action>();
    const events: IR.ModelEvent[] = [...modelEvents];
    const schedules: { schedule: Schedule; start: number }[] = [];
    for (const link of chain) {
        // Keys of this link's own expects: two in one scenario never override each other.
        const ownKeys = new Set<string>();
        for (const statement of link.statements) {
            if (isSimulate(statement)) {
                duration = context.constant(statement.duration, DEFAULT_DURATION);
                step = statement.step ? context.constant(statement.step, Number.NaN) : undefined;
            } else if (isObserve(statement)) {
                observe = statement.items.map(item => lowerObservable(item, observables, context));
            } else if (isExpect(statement)) {
                const expectation = lowerExpect(statement, observables, context, file);
                // A restated expect (same reading, same kind of bound) overrides the inherited one.
                const bounds = statement.low && statement.high ? 'between' : statement.low ? 'above' : 'below';
                const key = `${expectation.label} ${expectation.readings.map(r => r.at).join(' ')} ${expectation.relativeTo ?? ''} ${bounds}`;
                expects.set(ownKeys.has(key) ? `${key} ${ownKeys.size}` : key, expectation);
                ownKeys.add(key);
            } else if (isTimedAction(statement)) {
                const time = context.constant(statement.time, 0);
                if (statement.schedule) schedules.push({ schedule: statement.schedule, start: time });
                else events.push({ trigger: { kind: 'at', time }, actions: statement.actions.map(action => lowerAction(action, context)), source: context.sourceOf(statement, file) });
            } else if (isSchedule(statement)) {
                schedules.push({ schedule: statement, start: 0 });
            } else if (isInfusion(statement)) {
                events.push(...infusionEvents(statement, context, file));
            } else if (isWhenEvent(statement)) {
                events.push(lowerWhen(statement, context, file));
            } else {
                const action = lowerAction(statement, context);
                const key = restatementKey(action);
                actions.delete(key);
                actions.set(key, action);
            }
        }
    }
    const total = duration ?? DEFAULT_DURATION;
    for (const { schedule, start } of schedules) events.push(...scheduledDoses(schedule, start, total, context, file));
    return {
        name: scenario.name,
        title: scenario.title,
        lineage: chain.map(link => link.name),
        duration: total,
        step: step !== undefined && step > 0 ? step : total / 200,
        observe: observe ?? observables.defaults(),
        expects: [...expects.values()],
        actions: [...actions.values()],
        events,
        source: context.sourceOf(scenario, file)
    };
}

/** More doses than this in one schedule are refused by a check; lowering never expands more. */
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

/** `every P [times N | until U] dose X A`: one `at` event per dose. */
function scheduledDoses(schedule: Schedule, start: number, duration: number, context: LoweringContext, file: string): IR.ModelEvent[] {
    const period = context.constant(schedule.period, Number.NaN);
    const count = schedule.count ? context.constant(schedule.count, Number.NaN) : undefined;
    const until = schedule.until ? context.constant(schedule.until, Number.NaN) : undefined;
    const dose = lowerAction(schedule.dose, context);
    const source = context.sourceOf(schedule, file);
    return doseTimes(start, period, count, until, duration).map(time => ({ trigger: { kind: 'at', time }, actions: [dose], source }));
}

/** `infuse X R from A to B`: the input starts at A and stops at B (the same rate taken off). */
function infusionEvents(infusion: Infusion, context: LoweringContext, file: string): IR.ModelEvent[] {
    const species = infusion.target.$refText;
    const rate = context.addedConcentration(species, infusion.rate, true);
    const source = context.sourceOf(infusion, file);
    return [
        { trigger: { kind: 'at', time: context.constant(infusion.start, Number.NaN) }, actions: [{ kind: 'infuse', species, rate }], source },
        { trigger: { kind: 'at', time: context.constant(infusion.end, Number.NaN) }, actions: [{ kind: 'infuse', species, rate: { kind: 'unary', op: '-', operand: rate } }], source }
    ];
}

function constantOf(expr: IR.Expr): number {
    return evaluateConstant(expr) ?? Number.NaN;
}

export function lowerCascade(node: Cascade, observables: Observables, context: LoweringContext, file: string): IR.Cascade {
    const from = node.items.find(isCascadeFrom)?.scenario.$refText ?? '';
    const at = node.items.find(isCascadeAt);
    return {
        name: node.name,
        title: node.title,
        from,
        perturbations: node.items.filter(isPerturb).map(perturb => ({
            target: perturb.target.$refText,
            property: perturb.property ?? 'value',
            change: perturbationChange(perturb.change, perturb.target.$refText, perturb.property ?? 'value', context),
            label: perturb.$cstNode?.text ?? `${perturb.target.$refText} ${perturb.property ?? ''}`,
            source: context.sourceOf(perturb, file)
        })),
        measure: node.items.filter(isMeasure).flatMap(measure => measure.items.map(item => lowerObservable(item, observables, context))),
        at: !at || at.steady ? 'steady' : context.constant(at.time, 0),
        source: context.sourceOf(node, file)
    };
}

/** `+50%` / `-100%` (a signed percentage) is relative to the base value; anything else sets the value. */
function perturbationChange(change: Expression, target: string, property: string, context: LoweringContext): IR.PerturbationChange {
    if (isRelativeChange(change)) {
        const fraction = change.operand.value / 100;
        return { kind: 'relative', fraction: change.op === '-' ? -fraction : fraction };
    }
    const concentration = (property === 'initial' || property === 'value') && context.species(target);
    return { kind: 'absolute', value: constantOf(concentration ? context.concentrationOf(target, change) : context.expression(change)) };
}
