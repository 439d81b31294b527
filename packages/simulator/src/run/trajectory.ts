/**
 * Integrates a model over [0, duration] through its events: `at` events split the run at
 * their exact times (applied in written order, integration restarts after each), `when`
 * events are located by the solver's root finding and fire on each false → true crossing
 * (those that turn true at one instant all fire, in written order), and re-arm once their
 * condition is false again. The solver's steps follow the states, not the conditions: each
 * condition is also looked at inside every step, at most `scanSpacing` apart, so a short true
 * window (a daily `t/24 h - floor(t/24 h) < 0.01`, the peak of a sine) is not stepped over;
 * integration also stops where a condition's `floor`/`ceil` jumps, and where a species first
 * falls below zero (a warning). Time-course switch points are segment boundaries too, so a
 * short pulse is never stepped over.
 */
import type { Action, ModelEvent } from '../ir.js';
import type { CompiledModel } from '../model/compiled-model.js';
import { SimulationError } from '../model/errors.js';
import { compare, num, sub, type Term } from '../model/terms.js';
import { solve } from '../solvers/registry.js';
import type { EventFunction, OdeProblem } from '../solvers/problem.js';
import { applyAction } from './actions.js';
import { jumpFunctions, rootFunction } from './conditions.js';
import { NegativeConcentrations, type RunWarning } from './negative-concentrations.js';
import { simulationError, solverOptions, type RunOptions } from './run-options.js';

export interface TrajectoryStats {
    method: string;
    steps: number;
    rhsEvaluations: number;
}

/** A finished run: its cost, the state at its end after the events there (the slots hold theirs), its warnings. */
export interface Trajectory {
    stats: TrajectoryStats;
    time: number;
    state: Float64Array;
    warnings: RunWarning[];
}

/**
 * Receives the state at each sample time, in order, while the slots still hold the values
 * of that moment (later events may change them).
 */
export type SampleRecorder = (t: number, y: Float64Array) => void;

/**
 * Told of each instant at which a run applies actions, so forward sensitivities can carry
 * their jump conditions through it (sensitivity-jumps.ts).
 */
export interface ActionObserver {
    /**
     * Before the actions of one instant (there may be none). `root` is the root function whose
     * zero fixed the instant (a located `when`, or a jump of a condition's floor/ceil); none at a fixed time.
     */
    begin(root?: Term): void;
    /** Before each action applies, with the state it applies to. */
    action(a: Action, t: number, y: Float64Array): void;
    /** After the instant's actions. */
    end(t: number, y: Float64Array): void;
}

/** More firings than this in one run means the events keep re-triggering each other. */
const MAX_FIRINGS = 100_000;

/**
 * The longest time between two looks at a `when` condition: a ten-thousandth of the run, and
 * at most a minute. A true window shorter than that may be missed (docs/reference.md#events).
 */
function scanSpacing(duration: number): number {
    return Math.min(duration / 10_000, 1);
}

interface Watched {
    event: ModelEvent;
    condition: Term;
    /** Whether the condition holds. */
    holds: (t: number, y: Float64Array) => boolean;
    /** The root function: positive where the condition holds. */
    g: (t: number, y: Float64Array) => number;
    root: Term;
    /** Armed: waiting for the condition to turn true. Disarmed: waiting for it to turn false. */
    armed: boolean;
    /** `a == b` turns true where a − b changes sign, in either direction. */
    equality: boolean;
}

function watch(m: CompiledModel, event: ModelEvent, condition: Term): Watched {
    const out = new Float64Array(2);
    const equality = condition.k === 'cmp' && condition.op === '==';
    const g = equality ? sub(condition.a, condition.b) : rootFunction(condition);
    const program = m.program([compare('!=', condition, num(0)), g]);
    return {
        event, condition, armed: true, equality, root: g,
        holds: (t, y) => (program(t, y, out), out[0] !== 0),
        g: (t, y) => (program(t, y, out), out[1])
    };
}

/** A constant placeholder state: the problem solved when a model has no states of its own. */
const CLOCK = { rhs: (_t: number, _y: Float64Array, dydt: Float64Array) => { dydt[0] = 0; }, names: ['t'] };

export function describeState(m: CompiledModel): (name: string) => string {
    return name => m.ir.species.some(s => s.name === name) ? `species '${name}'`
        : m.ir.parameters.some(p => p.name === name) ? `parameter '${name}'` : `'${name}'`;
}

/** The first index of the sorted `values` where `reached` holds (it holds from there on), or their length. */
function firstIndex(values: readonly number[], reached: (value: number) => boolean): number {
    let low = 0;
    let high = values.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (reached(values[middle])) high = middle;
        else low = middle + 1;
    }
    return low;
}

export function integrateTrajectory(
    m: CompiledModel, y0: Float64Array, duration: number, sampleTimes: readonly number[],
    events: readonly ModelEvent[], options: RunOptions, record: SampleRecorder, observer?: ActionObserver
): Trajectory {
    const timed = events.flatMap(e => e.trigger.kind === 'at' && e.trigger.time <= duration ? [{ time: e.trigger.time, actions: e.actions }] : []);
    const watched = events.flatMap(e => e.trigger.kind === 'when' ? [watch(m, e, m.resolve(e.trigger.condition))] : []);
    const boundaries = [...new Set([...timed.map(e => e.time), ...m.system.breakpoints, duration])]
        .filter(b => b > 0 && b <= duration).sort((a, b) => a - b);
    // Without states (parameters and rules alone) a placeholder keeps the clock, so `when` still root-finds on t.
    const clockOnly = y0.length === 0;
    const scan = scanSpacing(duration);
    const jumps = jumpFunctions(m, watched.map(w => w.condition));
    const negatives = new NegativeConcentrations(m, options.atol);
    const stats = { method: '', steps: 0, rhsEvaluations: 0 };
    const methods = new Set<string>();
    let recorded = 0;
    const take = (s: number, state: Float64Array) => { recorded++; record(s, state); };
    let firings = 0;
    let t = 0;
    let y = Float64Array.from(y0);
    const apply = (a: Action) => {
        observer?.action(a, t, y);
        applyAction(m, a, t, y);
    };

    const fire = (w: Watched) => {
        if (++firings > MAX_FIRINGS) throw new SimulationError(`Events keep firing at t = ${t} min`, 'events', t);
        w.armed = false;
        w.event.actions.forEach(apply);
    };
    /** Fires every armed event whose condition now holds, re-arms those that are false again. */
    const settle = () => {
        for (let changed = true; changed;) {
            changed = false;
            for (const w of watched) {
                const holds = w.holds(t, y);
                if (w.armed && holds) {
                    fire(w);
                    changed = true;
                } else if (!w.armed && (w.equality ? !holds : w.g(t, y) < 0)) {
                    // Re-armed only once g is below zero, where the solver can see it rise again.
                    w.armed = true;
                }
            }
        }
    };
    const applyTimed = () => {
        timed.filter(e => e.time === t).forEach(e => e.actions.forEach(apply));
    };

    /** The timed actions of this instant, then whatever `when` they make true. */
    const atFixedTime = () => {
        observer?.begin();
        applyTimed();
        settle();
        observer?.end(t, y);
    };

    watched.forEach(w => { w.armed = !w.holds(0, y); });
    atFixedTime();
    negatives.check(t, y);
    for (const end of boundaries) {
        while (t < end) {
            const last = end === duration;
            // Sample times are sorted: each interval's are found by binary search (a filter per event interval took 3,000 × 1 M steps).
            const outputTimes = sampleTimes.slice(firstIndex(sampleTimes, s => s >= t), firstIndex(sampleTimes, s => last ? s > end : s >= end));
            const events = [
                ...watched.map((w): EventFunction => ({ g: w.g, direction: w.equality ? 0 : w.armed ? 1 : -1, scan })),
                ...jumps.map(({ g }): EventFunction => ({ g, direction: 0, scan })),
                ...negatives.events()
            ];
            const problem: OdeProblem = clockOnly
                ? { ...CLOCK, y0: new Float64Array(1), t0: t, tEnd: end, events }
                : { rhs: m.rhs, jacobian: m.jacobian, forwardSensitivities: m.forwardSensitivities, y0: y, t0: t, tEnd: end, names: m.stateNames, events };
            let solution;
            try {
                solution = solve(problem, options.method ?? 'auto', solverOptions(options, t, end, duration, outputTimes));
            } catch (e) {
                throw simulationError(e, describeState(m));
            }
            solution.times.forEach((s, i) => {
                if (s < solution.tFinal || (last && s === end && solution.event === undefined)) take(s, clockOnly ? y : solution.values[i]);
            });
            methods.add(solution.stats.method);
            stats.steps += solution.stats.steps;
            stats.rhsEvaluations += solution.stats.rhsEvaluations;
            t = solution.tFinal;
            if (!clockOnly) y = Float64Array.from(solution.yFinal);
            if (solution.event !== undefined && solution.event >= watched.length + jumps.length) {
                negatives.check(t, y);
            } else if (solution.event !== undefined && solution.event >= watched.length) {
                // A jump of a condition: it may have turned true there.
                observer?.begin(jumps[solution.event - watched.length].term);
                settle();
                observer?.end(t, y);
            } else if (solution.event !== undefined) {
                if (++firings > MAX_FIRINGS) throw new SimulationError(`Events keep firing at t = ${t} min`, 'events', t);
                // The located point lies just past the crossing: the located event fires even if its
                // condition is borderline there, and so does every armed event that crossed at the
                // same instant (g reached 0), all in written order; a disarmed located one re-arms.
                const located = watched[solution.event];
                const crossed = watched.filter(w => w === located ? w.armed || w.equality : w.armed && !w.equality && w.g(t, y) >= 0);
                if (!crossed.includes(located)) located.armed = true;
                observer?.begin(located.root);
                crossed.forEach(fire);
                settle();
                observer?.end(t, y);
            }
        }
        atFixedTime();
        negatives.check(t, y);
    }
    // An event located exactly at the end leaves the last sample to take after it.
    while (recorded < sampleTimes.length) take(sampleTimes[recorded], y);
    stats.method = [...methods].join('+');
    return { stats, time: t, state: y, warnings: negatives.warnings };
}
