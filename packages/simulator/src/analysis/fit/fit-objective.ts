/**
 * A fit's residuals and their exact Jacobian (docs/analysis.md#fitting). For measurement i,
 * rᵢ = (yᵢ − ŷᵢ(θ))/sdᵢ, or with log-normal residuals rᵢ = (ln yᵢ − ln ŷᵢ)/(sdᵢ/yᵢ); for an
 * included expect with range [lo, hi], r = (v − hi)/w above it, (v − lo)/w below it, 0 inside.
 * ∂ŷ/∂θ comes from the forward sensitivity equations (time points) and from the steady-state
 * sensitivities (`at steady`): one run per scenario and evaluation, no finite differences.
 * Estimated values become the model's own (its base slots), so a scenario's `scale` or `set`
 * of an estimated property acts on top of it, as it does on a written value.
 */
import { evaluateConstant } from '../../ir-constants.js';
import type { Action, Expectation, Expr, Fit, Measurement, PropertyRef, Scenario } from '../../ir.js';
import type { CompiledModel } from '../../model/compiled-model.js';
import { ModelError } from '../../model/errors.js';
import { setSlot, type PropertySlot } from '../../model/slots.js';
import type { RunOptions } from '../../run/run-options.js';
import { findScenario } from '../../run/simulate.js';
import { propertyUnit, referencedParameters } from '../analysis-parameters.js';
import { requireSteadyState } from '../scenario-analysis.js';
import { steadySensitivities } from '../steady-sensitivities.js';
import { timeCourseSensitivities } from '../time-course-sensitivities.js';

/** One estimated property, as the fit sees it. */
export interface EstimatedProperty extends PropertyRef {
    /** `TH.vmax`, `k_release` (a parameter's value), `TH.km.Tyr`: as `--wrt` names it. */
    label: string;
    unit: string;
    low: number;
    high: number;
    log: boolean;
    /** The model's own value: the first start. */
    written: number;
    slot: PropertySlot;
}

/** An included expect: its readings in its scenario and, for a relative one, in the reference scenario. */
interface SoftConstraint {
    expectation: Expectation;
    scenario: string;
    readings: Reading[];
    references?: Reading[];
    /** The width a value outside the range is measured in. */
    width: number;
}

/** Where a value is read: a scenario, 'steady' or a time, and what. */
interface Reading {
    scenario: string;
    at: 'steady' | number;
    expression: Expr;
    /** The quantity's name, for time courses (they read named quantities). */
    name?: string;
}

/** Model values and their gradients (∂ŷ/∂θ) at the readings, in reading order. */
interface Readout {
    values: Float64Array;
    gradients: Float64Array[];
}

export interface ObjectiveValue {
    /** Data residuals first, then one per included expect. */
    residuals: Float64Array;
    /** jacobian[i][j] = ∂rᵢ/∂θⱼ (natural units, not log). */
    jacobian: Float64Array[];
    /** The model's value at each measurement. */
    fitted: Float64Array;
    /** The value of each included expect. */
    expectValues: Float64Array;
}

/** Data times are put on one output grid: at most this many points per scenario. */
const MAX_GRID_POINTS = 200_000;

export class FitObjective {
    readonly estimates: EstimatedProperty[];
    readonly measurements: (Measurement & { dataset: string })[];
    readonly constraints: SoftConstraint[] = [];
    private readonly readings: Reading[] = [];
    private readonly baseSlots: Float64Array;

    constructor(readonly model: CompiledModel, readonly fit: Fit) {
        const m = model;
        this.baseSlots = m.baseSlots.slice();
        this.estimates = fit.estimates.map(e => {
            const found = referencedParameters(m, e);
            if (found.length !== 1) {
                throw new ModelError(`fit ${fit.name}: 'estimate ${e.target} ${e.property}' ${found.length === 0 ? 'names a state, not a parameter' : 'addresses several values; name one (km X, ki X)'}`, 'wrong-kind', e.source);
            }
            const [p] = found;
            const property = m.properties(e)[0];
            const label = e.property === 'value' ? e.target : [e.target, e.property, ...(p.substrate ? [p.substrate] : [])].join('.');
            return { ...e, label, unit: propertyUnit(m.ir, e.target, e.property, property.sub), written: p.value, slot: property.slot };
        });
        const datasets = new Map((m.ir.datasets ?? []).map(d => [d.name, d]));
        this.measurements = fit.data.flatMap(name => {
            const dataset = datasets.get(name);
            if (!dataset) throw new ModelError(`fit ${fit.name}: no data '${name}'`, 'unresolved', fit.source);
            return dataset.measurements.map(x => ({ ...x, dataset: name }));
        });
        if (this.measurements.length === 0) throw new ModelError(`fit ${fit.name}: its data hold no measurements`, 'range', fit.source);
        for (const x of this.measurements) {
            if (fit.residuals === 'lognormal' && !(x.value > 0)) {
                throw new ModelError(`fit ${fit.name}: log-normal residuals need values above 0; ${x.dataset} has ${x.value} for ${x.quantity}`, 'range', x.source);
            }
            this.readings.push({ scenario: x.scenario, at: x.time, expression: x.expression, name: x.quantity });
        }
        if (fit.includeExpects !== 'none') this.addExpects(fit.includeExpects === 'relative');
        for (const scenario of new Set(this.readings.map(r => r.scenario))) this.checkScenario(findScenario(m.ir, scenario));
    }

    /** Every expect of the data's scenarios (or only the relative ones), as a soft constraint (docs/analysis.md#fitting). */
    private addExpects(relativeOnly: boolean): void {
        for (const name of new Set(this.measurements.map(x => x.scenario))) {
            for (const expectation of findScenario(this.model.ir, name).expects) {
                if (relativeOnly && expectation.relativeTo === undefined) continue;
                const unsupported = unsupportedPart(expectation.value);
                if (unsupported) {
                    throw new ModelError(`fit ${this.fit.name}: 'include expects' combines readings with + − × ÷ and constant powers; '${expectation.label}' uses ${unsupported}`, 'unsupported', expectation.source);
                }
                const read = (scenario: string): Reading[] => expectation.readings.map(reading => {
                    const e = reading.expression;
                    const named = e.kind === 'name' ? e.name : e.kind === 'member' ? `${e.name}.${e.member}` : undefined;
                    if (reading.at !== 'steady' && !named) {
                        throw new ModelError(`fit ${this.fit.name}: 'include expects' reads a time course by name; '${expectation.label}' at ${reading.at} min reads an expression`, 'unsupported', expectation.source);
                    }
                    const r: Reading = { scenario, at: reading.at, expression: e, ...(named && { name: named }) };
                    this.readings.push(r);
                    return r;
                });
                const { low, high } = expectation;
                const bound = Number.isFinite(low) ? low : high;
                const width = Number.isFinite(low) && Number.isFinite(high) ? (high - low) / 2 : Math.abs(bound) > 0 ? 0.1 * Math.abs(bound) : 0.1;
                this.constraints.push({
                    expectation, scenario: name, readings: read(name),
                    ...(expectation.relativeTo !== undefined && { references: read(expectation.relativeTo) }),
                    width
                });
            }
        }
    }

    /** Events that change an estimated property would need the sensitivities' jumps: refused, not approximated. */
    private checkScenario(scenario: Scenario): void {
        for (const event of scenario.events) {
            for (const action of event.actions) {
                const hit = this.estimates.find(e => touches(action, e));
                if (hit) throw new ModelError(`fit ${this.fit.name}: scenario ${scenario.name} changes the estimated ${hit.label} in an event; a fit cannot follow that`, 'unsupported', event.source);
            }
        }
    }

    /** Lower and upper bounds in the optimiser's coordinates (log for `log` estimates). */
    bounds(): { lower: number[]; upper: number[] } {
        return {
            lower: this.estimates.map(e => (e.log ? Math.log(e.low) : e.low)),
            upper: this.estimates.map(e => (e.log ? Math.log(e.high) : e.high))
        };
    }

    toCoordinates(theta: readonly number[]): number[] {
        return theta.map((v, j) => (this.estimates[j].log ? Math.log(v) : v));
    }

    fromCoordinates(u: readonly number[]): number[] {
        return u.map((v, j) => (this.estimates[j].log ? Math.exp(v) : v));
    }

    /** Puts the model back as written. */
    restore(): void {
        this.model.baseSlots.set(this.baseSlots);
        this.model.reset();
    }

    /** Makes the values (natural units, in estimate order) the model's own until the next call or `restore`. */
    useValues(theta: readonly number[]): void {
        const m = this.model;
        const scratch = new Float64Array(m.stateNames.length);
        m.baseSlots.set(this.baseSlots);
        this.estimates.forEach((e, j) => setSlot(e.slot, m.baseSlots, scratch, theta[j]));
    }

    evaluate(theta: readonly number[], options: RunOptions = {}): ObjectiveValue {
        this.useValues(theta);
        const readout = this.read(options);
        const p = this.estimates.length;
        const n = this.measurements.length;
        const residuals = new Float64Array(n + this.constraints.length);
        const jacobian = Array.from({ length: residuals.length }, () => new Float64Array(p));
        const fitted = new Float64Array(n);
        this.measurements.forEach((x, i) => {
            const value = readout.values[i], gradient = readout.gradients[i];
            fitted[i] = value;
            if (this.fit.residuals === 'lognormal') {
                const sdLog = x.sd / x.value;
                residuals[i] = value > 0 ? (Math.log(x.value) - Math.log(value)) / sdLog : Number.NaN;
                for (let j = 0; j < p; j++) jacobian[i][j] = -gradient[j] / value / sdLog;
            } else {
                residuals[i] = (x.value - value) / x.sd;
                for (let j = 0; j < p; j++) jacobian[i][j] = -gradient[j] / x.sd;
            }
        });
        const expectValues = new Float64Array(this.constraints.length);
        const index = new Map(this.readings.map((r, k) => [r, k]));
        this.constraints.forEach((c, k) => {
            const combined = (readings: Reading[]) => combine(c.expectation.value, readings.map(r => {
                const at = index.get(r)!;
                return { value: readout.values[at], gradient: readout.gradients[at] };
            }));
            let { value, gradient } = combined(c.readings);
            if (c.references) {
                const { value: x0, gradient: g0 } = combined(c.references);
                gradient = gradient.map((g, j) => (g * x0 - value * g0[j]) / (x0 * x0));
                value = (value - x0) / x0;
            }
            expectValues[k] = value;
            const { low, high } = c.expectation;
            const outside = value > high ? value - high : value < low ? value - low : 0;
            residuals[n + k] = outside / c.width;
            if (outside !== 0) for (let j = 0; j < p; j++) jacobian[n + k][j] = gradient[j] / c.width;
        });
        return { residuals, jacobian, fitted, expectValues };
    }

    /** Every reading's value and gradient: per scenario, one steady-state solve and one time course with sensitivities. */
    private read(options: RunOptions): Readout {
        const m = this.model;
        const values = new Float64Array(this.readings.length);
        const gradients = this.readings.map(() => new Float64Array(this.estimates.length));
        const byScenario = new Map<string, number[]>();
        this.readings.forEach((r, k) => byScenario.set(r.scenario, [...(byScenario.get(r.scenario) ?? []), k]));
        for (const [name, indices] of byScenario) {
            const scenario = findScenario(m.ir, name);
            const factors = this.estimates.map(e => chainFactor(scenario.actions, e));
            const steady = indices.filter(k => this.readings[k].at === 'steady');
            if (steady.length > 0) {
                const state = requireSteadyState(m, name, options);
                const parameters = this.estimates.map(e => referencedParameters(m, e, state)[0]);
                const result = steadySensitivities({
                    model: m, state: state.state, time: state.time, parameters,
                    quantities: steady.map(k => ({ name: '', unit: '', term: m.resolve(this.readings[k].expression) }))
                });
                steady.forEach((k, q) => {
                    values[k] = result.values[q];
                    for (let j = 0; j < factors.length; j++) gradients[k][j] = result.unscaled[q][j] * factors[j];
                });
            }
            const timed = indices.filter(k => this.readings[k].at !== 'steady');
            if (timed.length > 0) this.readTimeCourse(scenario, timed, factors, values, gradients, options);
        }
        return { values, gradients };
    }

    /** Timed readings of one scenario: its run, on a grid through every reading time, with the forward sensitivities. */
    private readTimeCourse(scenario: Scenario, timed: number[], factors: number[], values: Float64Array, gradients: Float64Array[], options: RunOptions): void {
        const m = this.model;
        const times = timed.map(k => this.readings[k].at as number);
        const duration = Math.max(...times);
        const step = gridStep(times);
        if (duration / step > MAX_GRID_POINTS) {
            throw new ModelError(`fit ${this.fit.name}: the measurement times of scenario ${scenario.name} need an output step of ${step} min over ${duration} min, too fine a grid`, 'range', this.fit.source);
        }
        const names = [...new Set(timed.map(k => this.readings[k].name!))];
        const gridded = withScenarioChanged(m, scenario.name, { duration, step });
        const report = timeCourseSensitivities(gridded, { scenario: scenario.name, of: names, wrt: this.estimates.map(e => e.label) }, { ...options, onProgress: undefined });
        for (const k of timed) {
            const point = Math.round((this.readings[k].at as number) / step);
            const q = names.indexOf(this.readings[k].name!);
            values[k] = report.quantities[q].values[point];
            for (let j = 0; j < factors.length; j++) gradients[k][j] = report.unscaled[q][j][point] * factors[j];
        }
    }
}

/** The same compiled model (its slots, programs and getters) seen through an IR where one written scenario is changed (its grid, what it observes). */
export function withScenarioChanged(m: CompiledModel, name: string, change: Partial<Scenario>): CompiledModel {
    const ir = { ...m.ir, scenarios: m.ir.scenarios.map(s => (s.name === name ? { ...s, ...change } : s)) };
    return Object.create(Object.getPrototypeOf(m), { ...Object.getOwnPropertyDescriptors(m), ir: { value: ir, enumerable: true } }) as CompiledModel;
}

/** A value and its gradient with respect to the estimates. */
interface Dual {
    value: number;
    gradient: Float64Array;
}

/** What an expect's combination of readings uses beyond + − × ÷ and constant powers (undefined: nothing). */
function unsupportedPart(e: Expr): string | undefined {
    switch (e.kind) {
        case 'number': return undefined;
        case 'name': return /^\$\d+$/.test(e.name) ? undefined : `'${e.name}'`;
        case 'unary': return e.op === '-' ? unsupportedPart(e.operand) : `'${e.op}'`;
        case 'binary':
            if (e.op === '^') return e.right.kind === 'number' ? unsupportedPart(e.left) : 'a power that is not a constant';
            return ['+', '-', '*', '/'].includes(e.op) ? unsupportedPart(e.left) ?? unsupportedPart(e.right) : `'${e.op}'`;
        case 'call': return `${e.fn}(…)`;
        default: return `'${e.kind}'`;
    }
}

/** The expect's value over its readings ($0, $1, …) with its gradient, by the chain rule (forward mode). */
function combine(e: Expr, readings: readonly Dual[]): Dual {
    const size = readings[0]?.gradient.length ?? 0;
    const constant = (value: number): Dual => ({ value, gradient: new Float64Array(size) });
    const map = (a: Dual, value: number, slope: number): Dual => ({ value, gradient: a.gradient.map(g => slope * g) });
    switch (e.kind) {
        case 'number': return constant(e.value);
        case 'name': return readings[Number(e.name.slice(1))];
        case 'unary': {
            const a = combine(e.operand, readings);
            return map(a, -a.value, -1);
        }
        case 'binary': {
            const a = combine(e.left, readings);
            if (e.op === '^') {
                const n = (e.right as { value: number }).value;
                return map(a, a.value ** n, n * a.value ** (n - 1));
            }
            const b = combine(e.right, readings);
            const value = e.op === '+' ? a.value + b.value : e.op === '-' ? a.value - b.value : e.op === '*' ? a.value * b.value : a.value / b.value;
            const gradient = a.gradient.map((ga, j) => {
                const gb = b.gradient[j];
                return e.op === '+' ? ga + gb : e.op === '-' ? ga - gb : e.op === '*' ? ga * b.value + a.value * gb : (ga * b.value - a.value * gb) / (b.value * b.value);
            });
            return { value, gradient };
        }
        default: throw new ModelError(`an expect's combination of readings uses ${unsupportedPart(e)}`, 'unsupported');
    }
}

/** Whether an action changes the estimated property. */
function touches(action: Action, e: EstimatedProperty): boolean {
    if (action.kind === 'inhibit') return e.property === 'activity' && action.target === e.target;
    if (action.kind !== 'set' && action.kind !== 'scale') return false;
    return action.target === e.target && action.property === e.property && (action.substrate ?? e.substrate) === e.substrate;
}

/**
 * d(slot)/dθ after a scenario's untimed actions: a `set` of the property makes it 0, a `scale` or
 * `inhibit` multiplies it by its (constant) factor.
 */
function chainFactor(actions: readonly Action[], e: EstimatedProperty): number {
    let factor = 1;
    for (const action of actions) {
        if (!touches(action, e)) continue;
        if (action.kind === 'set') { factor = 0; continue; }
        const amount = action.kind === 'scale' ? evaluateConstant(action.factor) : action.kind === 'inhibit' ? evaluateConstant(action.fraction) : undefined;
        if (amount === undefined) throw new ModelError(`a scenario changes the estimated ${e.label} by a varying amount; a fit cannot follow that`, 'unsupported');
        factor *= action.kind === 'inhibit' ? 1 - amount : amount;
    }
    return factor;
}

/** The largest step that puts every time on the grid k·step (a float gcd, to 1e-9 relative). */
export function gridStep(times: readonly number[]): number {
    const positive = times.filter(t => t > 0);
    if (positive.length === 0) return 1;
    const tolerance = 1e-9 * Math.max(...positive);
    let step = positive[0];
    for (const t of positive.slice(1)) {
        let a = Math.max(step, t), b = Math.min(step, t);
        while (b > tolerance) {
            const rest = a % b;
            [a, b] = [b, rest < tolerance || b - rest < tolerance ? 0 : rest];
        }
        step = a;
    }
    return step;
}
