import { evaluateConstant } from '@neurocascade/simulator';
import type * as IR from '@neurocascade/simulator';
import {
    isCascadeAt, isCascadeFrom, isDoseAction, isExpect, isInfusion, isInhibitAction, isMeasure, isObserve, isPerturb,
    isScaleAction, isSchedule, isSetAction, isSimulate, isTimedAction, isVary, isWhenEvent,
    type Action, type Cascade, type Expression, type Infusion, type NamedElement, type Scan, type Scenario, type Schedule, type WhenEvent
} from '../generated/ast.js';
import { isRelativeChange } from '../units/written-values.js';
import { measuredSpecies } from '../units/expected-dimensions.js';
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
    return { kind: 'set', target, property, value: propertyValue(action.target.ref, property, action.value, context) };
}

export function lowerWhen(node: WhenEvent, context: LoweringContext, file: string): IR.ModelEvent {
    return {
        trigger: { kind: 'when', condition: context.expression(node.condition) },
        actions: node.actions.map(action => lowerAction(action, context)),
        source: context.sourceOf(node, file)
    };
}

/**
 * Lowers every scenario once, each from its base's lowered form (docs/reference.md#extends): what a scenario inherits
 * is named (`base`), not copied, so a chain of n scenarios each extending the one before costs
 * n, not n²/2 (simulator: resolveScenario joins a chain for a run). Bases are lowered first,
 * without recursion, so a chain of thousands cannot overflow the stack.
 */
export function lowerScenarios(scenarios: { node: Scenario; file: string }[], modelEvents: IR.ModelEvent[], observables: Observables, context: LoweringContext): IR.Scenario[] {
    const lowered = new Map<Scenario, IR.Scenario>();
    const files = new Map(scenarios.map(({ node, file }) => [node, file]));
    for (const { node } of scenarios) {
        const pending = new Set<Scenario>();
        for (let link: Scenario | undefined = node; link && !lowered.has(link) && !pending.has(link) && files.has(link); link = link.base?.ref) {
            pending.add(link);
        }
        for (const link of [...pending].reverse()) {
            const base = link.base?.ref && lowered.get(link.base.ref);
            lowered.set(link, lowerScenario(link, base, modelEvents, observables, context, files.get(link)!));
        }
    }
    return scenarios.map(({ node }) => lowered.get(node)!);
}

/** One scenario: what it writes, over its base's duration, step and observe (or the defaults at a chain's root, which also holds the model's events). */
function lowerScenario(scenario: Scenario, base: IR.Scenario | undefined, modelEvents: IR.ModelEvent[], observables: Observables, context: LoweringContext, file: string): IR.Scenario {
    let simulate: { duration: number; step: number | undefined } | undefined;
    let observe: IR.Observable[] | undefined;
    const expects: IR.Expectation[] = [];
    const actions: IR.Action[] = [];
    const events: IR.ModelEvent[] = base ? [] : [...modelEvents];
    const schedules: IR.DoseSchedule[] = [];
    for (const statement of scenario.statements) {
        if (isSimulate(statement)) {
            simulate = {
                duration: context.constant(statement.duration, DEFAULT_DURATION),
                step: statement.step ? context.constant(statement.step, Number.NaN) : undefined
            };
        } else if (isObserve(statement)) {
            observe = statement.items.map(item => lowerObservable(item, observables, context));
        } else if (isExpect(statement)) {
            expects.push(lowerExpect(statement, observables, context, file));
        } else if (isTimedAction(statement)) {
            const time = context.constant(statement.time, 0);
            if (statement.schedule) schedules.push(lowerSchedule(statement.schedule, time, context, file));
            else events.push({ trigger: { kind: 'at', time }, actions: statement.actions.map(action => lowerAction(action, context)), source: context.sourceOf(statement, file) });
        } else if (isSchedule(statement)) {
            schedules.push(lowerSchedule(statement, 0, context, file));
        } else if (isInfusion(statement)) {
            events.push(...infusionEvents(statement, context, file));
        } else if (isWhenEvent(statement)) {
            events.push(lowerWhen(statement, context, file));
        } else {
            actions.push(lowerAction(statement, context));
        }
    }
    const duration = simulate?.duration ?? base?.duration ?? DEFAULT_DURATION;
    const step = simulate ? (simulate.step !== undefined && simulate.step > 0 ? simulate.step : duration / 200) : base?.step ?? duration / 200;
    return {
        name: scenario.name,
        title: scenario.title,
        base: base?.name,
        duration,
        step,
        observe: observe ?? base?.observe ?? observables.defaults(),
        expects,
        actions,
        events,
        ...(schedules.length > 0 && { schedules }),
        source: context.sourceOf(scenario, file)
    };
}

/** `every P [times N | until U] dose X A`, expanded into doses by the run that uses it (its end bounds an open schedule). */
function lowerSchedule(schedule: Schedule, start: number, context: LoweringContext, file: string): IR.DoseSchedule {
    return {
        start,
        period: context.constant(schedule.period, Number.NaN),
        ...(schedule.count && { count: context.constant(schedule.count, Number.NaN) }),
        ...(schedule.until && { until: context.constant(schedule.until, Number.NaN) }),
        dose: lowerAction(schedule.dose, context),
        source: context.sourceOf(schedule, file)
    };
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

export function constantOf(expr: IR.Expr): number {
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
            change: perturbationChange(perturb.change, perturb.target.ref, perturb.property ?? 'value', context),
            label: perturb.$cstNode?.text ?? `${perturb.target.$refText} ${perturb.property ?? ''}`,
            source: context.sourceOf(perturb, file)
        })),
        measure: node.items.filter(isMeasure).flatMap(measure => measure.items.map(item => lowerObservable(item, observables, context))),
        at: !at || at.steady ? 'steady' : context.constant(at.time, 0),
        source: context.sourceOf(node, file)
    };
}

/** `+50%` / `-100%` (a signed percentage) is relative to the base value; anything else sets the value. */
function perturbationChange(change: Expression, target: NamedElement | undefined, property: string, context: LoweringContext): IR.PerturbationChange {
    if (isRelativeChange(change)) {
        const fraction = change.operand.value / 100;
        return { kind: 'relative', fraction: change.op === '-' ? -fraction : fraction };
    }
    return { kind: 'absolute', value: constantOf(propertyValue(target, property, change, context)) };
}

/**
 * A new value for a property, converted as the property itself is (docs/reference.md#units): a concentration or a rate of one
 * written in mass converts through the molar mass of the species it measures (`set Mel supply 5 pg/mL/h`).
 */
export function propertyValue(target: NamedElement | undefined, property: string, value: Expression, context: LoweringContext): IR.Expr {
    const species = measuredSpecies(target, property)?.name;
    return property === 'supply' || property === 'vmax' || property === 'rate'
        ? context.rateOf(species, value)
        : context.concentrationOf(species, value);
}

export function lowerScan(node: Scan, observables: Observables, context: LoweringContext, file: string): IR.Scan {
    const at = node.items.find(isCascadeAt);
    return {
        name: node.name,
        title: node.title,
        from: node.items.find(isCascadeFrom)?.scenario.$refText ?? '',
        vary: node.items.filter(isVary).map(vary => {
            const target = vary.target.$refText, property = vary.property ?? 'value';
            const from = constantOf(propertyValue(vary.target.ref, property, vary.low, context));
            const to = constantOf(propertyValue(vary.target.ref, property, vary.high, context));
            const display = context.rangeUnitOf([{ written: vary.low, lowered: from }, { written: vary.high, lowered: to }]);
            return {
                target, property, from, to,
                count: constantOf(context.expression(vary.steps)),
                log: vary.log,
                ...(display ? { display } : {}),
                source: context.sourceOf(vary, file)
            };
        }),
        measure: node.items.filter(isMeasure).flatMap(measure => measure.items.map(item => lowerObservable(item, observables, context))),
        at: !at || at.steady ? 'steady' : context.constant(at.time, 0),
        source: context.sourceOf(node, file)
    };
}
