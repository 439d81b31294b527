/**
 * Many-run jobs (docs/analysis.md#sweeps): a population, its Sobol or Morris design, a scan, a
 * fit's multistart or its profiles; each has a plan (what its runs mean, as plain data) and the run of one index.
 * A run depends on the model, the job and its index alone, so any split of the indices into
 * shards, workers or machines gives the same values. This file holds the population's runs.
 */
import type { Action, ModelIR, Observable, Population, PopulationVary, Scenario } from '../../ir.js';
import type { CompiledModel } from '../../model/compiled-model.js';
import { ModelError, SimulationError } from '../../model/errors.js';
import { startState } from '../../run/actions.js';
import { initialState } from '../../run/initial-state.js';
import { defaultObservables, observer } from '../../run/observables.js';
import type { RunOptions } from '../../run/run-options.js';
import { findScenario, MAX_OUTPUT_VALUES, outputGrid, scenarioSteadyState } from '../../run/simulate.js';
import { integrateTrajectory } from '../../run/trajectory.js';
import { propertyUnit } from '../analysis-parameters.js';
import { termValues } from '../conservation.js';
import { fitRunner, type FitJob, type FitPlan, type FitStartOutcome } from '../fit/fit-model.js';
import { profileRunner, type ProfileJob, type ProfilePlan, type ProfileSide } from '../fit/profile-likelihood.js';
import { declaredScan, scanRunner, type ScanJob, type ScanPlan, type ScanRunOutcome } from '../parameter-scan.js';
import { drawnValue, inRange, rangeOf } from './distributions.js';
import { designOf, runCount, type SweepMethod } from './sampling-designs.js';

export interface PopulationJob {
    method: SweepMethod;
    population: string;
}

export type SweepJob = PopulationJob | ScanJob | FitJob | ProfileJob;

/** The declaration a job runs. */
export const jobTarget = (job: SweepJob): string => (job.method === 'scan' ? job.scan : job.method === 'fit' || job.method === 'profile' ? job.fit : job.population);

/** Everything a run's values mean, as plain data: shard files carry it so a merge needs no model. */
export interface PopulationPlan {
    job: PopulationJob;
    size: number;
    seed: number;
    runs: number;
    /** Minutes, or 'steady'. */
    time: (number | 'steady')[];
    quantities: { name: string; unit: string }[];
    parameters: { name: string; unit: string; base: number }[];
}

/** One run's varied values (in the plan's order) and its measured values, values[time][quantity], or why it has none. */
export type PopulationOutcome = { index: number; parameters: number[] } & ({ values: number[][] } | { error: string; values?: undefined });

export function findPopulation(ir: ModelIR, name?: string): Population {
    const populations = ir.populations ?? [];
    const found = name === undefined ? populations[0] : populations.find(p => p.name === name);
    if (!found) throw new ModelError(name === undefined ? 'the model declares no population' : `no population '${name}'`, 'unresolved');
    return found;
}

const parameterName = (v: PopulationVary) => (v.property === 'value' ? v.target : `${v.target}.${v.property}`);
const relative = (v: PopulationVary) => v.distribution.kind === 'lognormal' || (v.distribution.kind === 'normal' && v.distribution.relative);

/** The property's value in the base scenario (after its actions from t = 0). */
function baseValues(m: CompiledModel, scenario: Scenario, vary: readonly PopulationVary[]): number[] {
    const y0 = startState(m, scenario.actions, initialState);
    const values = vary.map(v => {
        const properties = m.properties(v);
        if (properties.length === 0) throw new ModelError(`population: '${parameterName(v)}' is not a property of the model`, 'unresolved');
        const each = properties.map(p => (p.slot.kind === 'state' ? y0[p.slot.index] : termValues(m, [p.value], { time: 0, state: y0 })[0]));
        // An absolute spread needs one centre: `E ki` of several inhibitors with different values has none.
        if (!relative(v) && v.distribution.kind === 'normal' && each.some(x => x !== each[0])) {
            throw new ModelError(`population: '${parameterName(v)}' has several values (${each.join(', ')}); name one (e.g. its inhibitor) or use a relative spread`, 'range');
        }
        if (v.distribution.kind === 'lognormal' && !(each[0] > 0)) {
            throw new ModelError(`population: a lognormal needs a base value above 0; '${parameterName(v)}' is ${each[0]}`, 'range');
        }
        return each[0];
    });
    m.reset();
    return values;
}

export type PlanOf<J extends SweepJob> = J extends ScanJob ? ScanPlan : J extends FitJob ? FitPlan : J extends ProfileJob ? ProfilePlan : PopulationPlan;
export type OutcomeOf<J extends SweepJob> = J extends ScanJob ? ScanRunOutcome : J extends FitJob ? FitStartOutcome : J extends ProfileJob ? ProfileSide : PopulationOutcome;
export type SweepPlan = PlanOf<SweepJob>;
export type RunOutcome = OutcomeOf<SweepJob>;

export interface SweepRunner<J extends SweepJob = SweepJob> {
    plan: PlanOf<J>;
    run(index: number): OutcomeOf<J>;
}

export function sweepRunner<J extends SweepJob>(m: CompiledModel, job: J, options: RunOptions = {}): SweepRunner<J> {
    const any: SweepJob = job;
    const runner = any.method === 'scan' ? scanRunner(declaredScan(m, any.scan), options)
        : any.method === 'fit' ? fitRunner(m, any, options)
            : any.method === 'profile' ? profileRunner(m, any, options)
                : populationRunner(m, any, options);
    return runner as SweepRunner<J>;
}

function populationRunner(m: CompiledModel, job: PopulationJob, options: RunOptions): SweepRunner<PopulationJob> {
    const population = findPopulation(m.ir, job.population);
    if (!(Number.isInteger(population.size) && population.size >= 1)) throw new ModelError(`population ${population.name}: size must be a whole number ≥ 1`, 'range');
    if (job.method !== 'population' && population.vary.length === 0) throw new ModelError(`population ${population.name} varies nothing`, 'range');
    const scenario = findScenario(m.ir, population.from);
    const measure: readonly Observable[] = population.measure.length > 0 ? population.measure : defaultObservables(m.ir, scenario.observe);
    const observe = observer(m, measure);
    const at = population.at;
    const time: PopulationPlan['time'] = at === 'steady' ? ['steady'] : at !== undefined ? [at] : outputGrid(scenario.duration, scenario.step);
    const vary = population.vary;
    const bases = baseValues(m, scenario, vary);
    const ranges = vary.map(v => rangeOf(v, m.ir.species.some(s => s.name === v.target)));
    const design = designOf(job.method, population.seed, vary.length);
    const plan: PopulationPlan = {
        job, size: population.size, seed: population.seed,
        runs: runCount(job.method, population.size, vary.length),
        time,
        quantities: measure.map(o => ({ name: o.name, unit: o.unit })),
        parameters: vary.map((v, k) => ({
            name: parameterName(v), base: bases[k],
            unit: propertyUnit(m.ir, v.target, v.property, m.properties(v)[0]?.sub ?? '')
        }))
    };
    if (plan.runs * time.length * measure.length > MAX_OUTPUT_VALUES) {
        throw new ModelError(`population ${population.name}: ${plan.runs.toLocaleString('en')} runs × ${time.length} times × ${measure.length} quantities are more than `
            + `${MAX_OUTPUT_VALUES.toLocaleString('en')} values: use fewer members, a larger step, 'at', or fewer quantities`, 'range');
    }
    /** Relative spreads scale every slot the property addresses; absolute ones set it. */
    const drawn = (index: number) => {
        const u = design.point(index);
        return vary.map((v, k) => {
            // A relative spread of a base at or below 0 has no valid range to scale into: its values are checked as drawn.
            const factorOrValue = drawnValue(v, relative(v) ? 1 : bases[k], u[k], !relative(v) || bases[k] > 0 ? ranges[k] : 'any');
            const value = relative(v) ? bases[k] * factorOrValue : factorOrValue;
            return { value, factorOrValue };
        });
    };
    const run = (index: number): PopulationOutcome => {
        const values = drawn(index);
        const parameters = values.map(x => x.value);
        const outside = values.findIndex((x, k) => !inRange(x.value, ranges[k]));
        if (outside >= 0) {
            const p = plan.parameters[outside];
            return { index, parameters, error: `${p.name} = ${values[outside].value} ${p.unit} is outside its range (${ranges[outside] === 'positive' ? '> 0' : '≥ 0'}); write 'truncated' to draw inside it` };
        }
        const actions: Action[] = vary.map((v, k) => relative(v)
            ? { kind: 'scale', target: v.target, property: v.property, substrate: v.substrate, factor: { kind: 'number', value: values[k].factorOrValue } }
            : { kind: 'set', target: v.target, property: v.property, substrate: v.substrate, value: { kind: 'number', value: values[k].value } });
        const member: Scenario = { ...scenario, actions: [...scenario.actions, ...actions] };
        try {
            const y0 = startState(m, member.actions, initialState);
            if (at === 'steady') {
                const steady = scenarioSteadyState(m, member, options, y0);
                if (!steady.converged) return { index, parameters, error: `no steady state: ${steady.reason}` };
                return { index, parameters, values: [[...observe(steady.time, steady.state)]] };
            }
            const end = typeof at === 'number' ? at : scenario.duration;
            const wanted = new Set(time as number[]);
            const rows: number[][] = [];
            integrateTrajectory(m, y0, end, time as number[], member.events, options, (t, y) => { if (wanted.has(t)) rows.push([...observe(t, y)]); });
            return { index, parameters, values: rows };
        } catch (e) {
            if (e instanceof SimulationError && e.reason === 'cancelled') throw e;
            if (e instanceof SimulationError || e instanceof ModelError) return { index, parameters, error: e.message };
            throw e;
        }
    };
    return { plan, run };
}
