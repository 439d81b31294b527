/**
 * What the worker thread runs: takes the job's model (lowering a long one from its texts),
 * checks the request against the model, calls the simulator
 * and shapes its results for the protocol (time courses with the E/I balance beside them,
 * steady-state tables, expects located in their documents, cascade responses per node).
 */
import { pathToFileURL } from 'node:url';
import {
    CompiledModelCache, CompiledModels, type JobContext, observer, resolveScenario, runCascadeSequential, runScenario, runSweepPool, scanResult, scenarioControlAnalysis,
    sweepRunner, type OutcomeOf, type PlanOf, type SweepJob,
    scenarioSensitivities, scenarioSteadyState, stabilityAt, stabilitySummary, sweepResult,
    type CompiledModel, type ModelIR, type SweepMethod, type Observable, type RunOptions, type Scenario, type SourceRef, type SteadyState
} from '@neurocascade/simulator';
import { cascadeNetwork } from '../diagram/network-model.js';
import { cascadeDisplayUnits } from '../results/cascade-table.js';
import { reportableQuantities } from '../results/reportable-quantities.js';
import { fitOutcome } from './fit-task.js';
import { timeCourseSensitivityOutcome } from './time-course-sensitivity-task.js';
import type { ExpectOutcome, Range, SimulationOptions, SteadyValue } from './simulation-protocol.js';
import type { WorkerDocuments } from './worker-documents.js';
import type { ModelSource, SimulationJob, WorkerOutcome } from './worker-protocol.js';

/**
 * A repeated run (Run again, the preview coming back to a file) skips compiling its model; so
 * does the first run of a model this user compiled before, from the disk cache.
 */
const compiledModels = new CompiledModels(4, CompiledModelCache.forUser());

/** How long a sweep runs in this thread before the rest goes to the pool's threads. */
export const IN_THREAD_MS = 1000;
/** How often a sweep's wait looks at the job's stop flag (the pool's threads read theirs between solver steps). */
const STOP_POLL_MS = 20;

const BALANCE: Observable = { name: 'balance', expression: { kind: 'balance' }, unit: '1' };

/** The model as written, before any scenario acts on it. */
const INITIAL_STATE: Scenario = { name: 'initial state', lineage: [], duration: 0, step: 1, observe: [], expects: [], actions: [], events: [] };

let documents: Promise<WorkerDocuments> | undefined;

/** The job's model: lowered by the server, or lowered here from its texts (the parser is loaded on the first such job). */
async function modelOf(source: ModelSource): Promise<ModelIR> {
    if ('model' in source) return source.model;
    documents ??= import('./worker-documents.js').then(({ WorkerDocuments }) => new WorkerDocuments());
    return (await documents).model(source.documents, source.roots);
}

export async function runTask(job: SimulationJob, { shouldStop, onProgress }: JobContext): Promise<WorkerOutcome> {
    const { name } = job;
    const model = await modelOf(job.source);
    const { method, rtol, atol } = job.options;
    const run: RunOptions = { method, rtol, atol, shouldStop, onProgress };
    switch (job.task) {
        case 'scenario': return scenarioOutcome(model, required(name, 'scenario'), job.options, run);
        case 'steady-state': return steadyStateOutcome(model, name, job.skipTimeDependent ?? false, run);
        case 'cascade': return cascadeOutcome(model, required(name, 'cascade'), run);
        case 'steady-analysis': return steadyAnalysisOutcome(model, name, run);
        case 'scan': return await scanOutcome(model, required(name, 'scan'), run);
        case 'fit': return fitOutcome(compiledModels.compile(model), required(name, 'fit'), run);
        case 'population':
        case 'sobol':
        case 'morris': return await sweepOutcome(model, job.task, required(name, 'population'), job.members ?? 0, run);
        case 'time-course-sensitivity': return timeCourseSensitivityOutcome(compiledModels.compile(model), name, job.quantity, run);
    }
}

function required(name: string | undefined, what: string): string {
    if (!name) throw new Error(`No ${what} was named.`);
    return name;
}

function hasBalance(model: ModelIR): boolean {
    return model.receptors.some(r => r.effect === 'excitatory') && model.receptors.some(r => r.effect === 'inhibitory');
}

function scenarioOutcome(model: ModelIR, name: string, options: SimulationOptions, run: RunOptions): WorkerOutcome {
    const written = model.scenarios.find(s => s.name === name);
    if (!written) throw new Error(`The model has no scenario '${name}'.`);
    const scenario = resolveScenario(model, written);
    if (options.maxSimulatedHours !== undefined && scenario.duration > 60 * options.maxSimulatedHours) {
        throw new Error(`Scenario '${name}' simulates ${scenario.duration / 60} h, more than the maximum simulated time setting (${options.maxSimulatedHours} h).`);
    }
    const observed = scenario.observe.length > 0 ? scenario.observe
        : model.species.map((s): Observable => ({ name: s.name, expression: { kind: 'name', name: s.name }, unit: s.unit, display: s.display }));
    const withBalance = hasBalance(model) && !observed.some(o => o.expression.kind === 'balance');
    const extended: Scenario = { ...scenario, observe: withBalance ? [...observed, BALANCE] : observed };
    const compiled = compiledModels.compile({ ...model, scenarios: model.scenarios.map(s => s === written ? extended : s) });
    const { result, steady } = runScenario(compiled, name, run);
    return {
        scenario: name,
        title: scenario.title,
        time: result.time,
        // The simulator's series follow the observables' order; each carries its author's unit.
        series: result.series.map((series, i) => extended.observe[i].display ? { ...series, display: extended.observe[i].display } : series),
        ...steadyTable(compiled, reportableQuantities(model, scenario), steady, run),
        warnings: result.warnings.map(warning => ({ ...warning, ...firstLine(scenario.source) })),
        expects: result.expects.map((judged, i): ExpectOutcome => {
            const expectation = scenario.expects[i];
            return { ...judged, scenario: name, low: expectation.low, high: expectation.high, unit: expectation.unit, ...location(expectation.source) };
        })
    };
}

/**
 * The steady-state table beside a time course: its failure is shown, not thrown. A model that
 * reads the time may still settle, but searching costs more than the run, so the preview
 * leaves that to Find Steady State.
 */
function steadyTable(compiled: CompiledModel, quantities: readonly Observable[], search: () => SteadyState, run: RunOptions): { steadyState?: SteadyValue[]; steadyStateMessage?: string; steadyStateStability?: string } {
    if (compiled.dependsOnTime) {
        return { steadyStateMessage: 'The model depends on time (t or a time course); use Find Steady State to search for a steady state.' };
    }
    try {
        const steady = steadyValues(compiled, quantities, search());
        return steady.converged ? { steadyState: steady.values, steadyStateStability: steady.stability } : { steadyStateMessage: steady.message };
    } catch (error) {
        if (run.shouldStop?.()) throw error;
        return { steadyStateMessage: error instanceof Error ? error.message : String(error) };
    }
}

/** Every quantity `cascade steady` lists (reportableQuantities), at the steady state, each with the unit its author wrote. */
function steadyValues(compiled: CompiledModel, quantities: readonly Observable[], steady: SteadyState): { converged: boolean; message?: string; values: SteadyValue[]; stability?: string } {
    if (!steady.converged) return { converged: false, message: `No steady state: ${steady.reason ?? 'the search did not converge'}.`, values: [] };
    const values = observer(compiled, quantities)(steady.time, steady.state);
    return {
        converged: true,
        values: quantities.map(({ name, unit, display }, k) => ({ name, unit, ...(display ? { display } : {}), value: values[k] })),
        stability: stabilitySummary(stabilityAt(compiled, steady.state, steady.time))
    };
}

function steadyStateOutcome(model: ModelIR, name: string | undefined, skipTimeDependent: boolean, run: RunOptions): WorkerOutcome {
    const written = name === undefined ? INITIAL_STATE : model.scenarios.find(s => s.name === name);
    if (!written) throw new Error(`The model has no scenario '${name}'.`);
    const scenario = resolveScenario(model, written);
    const compiled = compiledModels.compile(model);
    if (skipTimeDependent && compiled.dependsOnTime) {
        return { scenario: name, converged: false, message: 'The model depends on time; no steady state was searched for.', values: [] };
    }
    return { scenario: name, ...steadyValues(compiled, reportableQuantities(model, scenario), scenarioSteadyState(compiled, scenario, run)) };
}

/** Runs the cascade measuring every species and receptor occupancy too, to colour the whole network. */
function cascadeOutcome(model: ModelIR, name: string, run: RunOptions): WorkerOutcome {
    const cascade = model.cascades.find(c => c.name === name);
    if (!cascade) throw new Error(`The model has no cascade '${name}'.`);
    const measured = new Set(cascade.measure.map(m => m.name));
    const nodes: (Observable & { node: string })[] = [
        ...model.species.map(s => ({ node: s.name, name: s.name, expression: { kind: 'name', name: s.name } as const, unit: s.unit })),
        ...model.receptors.map(r => ({ node: r.name, name: `${r.name}.occupancy`, expression: { kind: 'member', name: r.name, member: 'occupancy' } as const, unit: '1' }))
    ];
    const extra = nodes.filter(n => !measured.has(n.name));
    const extended = { ...cascade, measure: [...cascade.measure, ...extra] };
    const result = runCascadeSequential(compiledModels.compile({ ...model, cascades: model.cascades.map(c => c === cascade ? extended : c) }), name, run);
    const nodeOf = new Map(nodes.map(n => [n.name, n.node]));
    // The responses the cascade measures; the other nodes' only colour the network.
    const perturbations = result.perturbations.map(p => ({ ...p, responses: p.responses.slice(0, cascade.measure.length) }));
    return {
        ...result,
        title: cascade.title,
        from: cascade.from,
        network: cascadeNetwork(model),
        perturbations,
        displayUnits: cascadeDisplayUnits({ ...result, perturbations }, cascade.measure),
        nodeResponses: result.perturbations.map(p => Object.fromEntries(p.responses
            .filter(r => nodeOf.has(r.name) && r.coefficient !== null)
            .map(r => [nodeOf.get(r.name)!, r.coefficient!])))
    };
}

/**
 * Sensitivities, control analysis and stability of one scenario's steady state. Each of the
 * three finds the steady state itself (the scenario's run and a Newton search), so the request
 * costs about three searches: 81–389 ms in all on the serotonin example (docs/performance.md).
 */
function steadyAnalysisOutcome(model: ModelIR, name: string | undefined, run: RunOptions): WorkerOutcome {
    const compiled = compiledModels.compile(model);
    const { scenario, parameters, quantities, coefficients } = scenarioSensitivities(compiled, { scenario: name }, run);
    const { scenario: _scenario, ...control } = scenarioControlAnalysis(compiled, scenario, run);
    const written = model.scenarios.find(s => s.name === scenario);
    const steady = scenarioSteadyState(compiled, written ? resolveScenario(model, written) : INITIAL_STATE, run);
    const stability = stabilityAt(compiled, steady.state, steady.time);
    return {
        scenario, sensitivities: { parameters, quantities, coefficients }, control,
        stability, stabilitySummary: stabilitySummary(stability), network: cascadeNetwork(model)
    };
}

/** A declared scan, its runs as a population's (here first, then the pool), the result the CLI's (same functions). */
async function scanOutcome(model: ModelIR, name: string, run: RunOptions): Promise<WorkerOutcome> {
    const title = model.scans?.find(s => s.name === name)?.title;
    const { plan, outcomes } = await runHereThenOnPool(model, { method: 'scan', scan: name }, run);
    return { ...scanResult(plan, outcomes), ...(title ? { title } : {}) };
}

/**
 * A many-run job's runs (a population's members, its Sobol or Morris design, a scan's points)
 * run here first; those not done after IN_THREAD_MS go to the worker pool, on as many threads
 * as there are cores, while this worker waits (starting the pool's threads costs a few hundred
 * milliseconds, more than a short job takes). An edit's stop flag stops both. Each run depends
 * on its index alone, so the outcomes are the CLI's.
 */
async function runHereThenOnPool<J extends SweepJob>(model: ModelIR, job: J, run: RunOptions): Promise<{ plan: PlanOf<J>; outcomes: OutcomeOf<J>[]; threads: number }> {
    const compiled = compiledModels.compile(model);
    const { plan, run: runOne } = sweepRunner(compiled, job, { ...run, onProgress: undefined });
    const outcomes: OutcomeOf<J>[] = [];
    const started = performance.now();
    try {
        while (outcomes.length < plan.runs && performance.now() - started < IN_THREAD_MS) {
            outcomes.push(runOne(outcomes.length));
            run.onProgress?.(outcomes.length / plan.runs);
        }
    } finally {
        compiled.reset();
    }
    let threads = 1;
    if (outcomes.length < plan.runs) {
        const done = outcomes.length;
        const indices = Array.from({ length: plan.runs - done }, (_, k) => done + k);
        const stop = new AbortController();
        const watch = setInterval(() => { if (run.shouldStop?.()) stop.abort(); }, STOP_POLL_MS);
        try {
            const pooled = await runSweepPool(model, job, {
                method: run.method, rtol: run.rtol, atol: run.atol, indices, signal: stop.signal,
                onProgress: fraction => run.onProgress?.((done + fraction * indices.length) / plan.runs)
            });
            outcomes.push(...pooled.outcomes);
            threads = pooled.workers;
        } finally {
            clearInterval(watch);
        }
    }
    return { plan, outcomes, threads };
}

/**
 * A population's members (or its Sobol or Morris design), here first then on the pool: the
 * CLI's result with the own values of the first `members` members that ran, Morris effects
 * with their quantities' units, and the number of threads.
 */
async function sweepOutcome(model: ModelIR, method: SweepMethod, population: string, members: number, run: RunOptions): Promise<WorkerOutcome> {
    const { plan, outcomes, threads } = await runHereThenOnPool(model, { method, population }, run);
    const result = sweepResult(plan, outcomes, { members: members > 0 });
    if ('method' in result && result.method === 'morris') return { ...result, quantities: plan.quantities, threads };
    if ('members' in result && result.members) return { ...result, members: result.members.slice(0, members), threads };
    return { ...result, threads } as WorkerOutcome;
}

/** A source reference as a document URI and an LSP range (its file may be a path or a URI). */
/** The scenario's `scenario` keyword: a warning on the whole block would underline all of it. */
function firstLine(source: SourceRef | undefined): { uri?: string; range?: Range } {
    const { uri, range } = location(source);
    return range ? { uri, range: { start: range.start, end: { line: range.start.line, character: range.start.character + 'scenario'.length } } } : { uri };
}

export function location(source: SourceRef | undefined): { uri?: string; range?: Range } {
    if (!source) return {};
    const uri = /^[a-z][a-z0-9+.-]+:/i.test(source.file) ? source.file : pathToFileURL(source.file).href;
    return {
        uri,
        range: {
            start: { line: source.line - 1, character: source.column - 1 },
            end: { line: source.endLine - 1, character: source.endColumn - 1 }
        }
    };
}
