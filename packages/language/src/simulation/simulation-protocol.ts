/**
 * The custom LSP requests that run simulations, shared by the server and every client.
 * Only types and method names: clients import it without pulling in the server.
 * Every quantity is in base units (µM, minutes, fractions) with its unit named beside it.
 * Results are the simulator's own types (`Series`, `SteadyValue`, `ExpectResult`, `RunWarning`, `CascadeResult`)
 * with what a request adds: the document, the scenario, where an expect is written.
 */
import type {
    CascadeResponse, CascadeResult, ControlAnalysis, DisplayUnit, ExpectResult, FitResidual, FittedParameter, MorrisResult, PerturbationResult, PopulationResult,
    RunWarning, ScanResult, SensitivityReport, Series, SimulationResult, SobolResult, StabilityReport, SteadyValue
} from '@neurocascade/simulator';
import type { NetworkGraph } from '../diagram/network-model.js';

export type { CascadeResponse, CascadeResult, MorrisResult, PerturbationResult, PopulationResult, Series, SobolResult, SteadyValue };
export type { NetworkEdgeKind, NetworkGraph, NetworkNodeCategory, NetworkNodeKind } from '../diagram/network-model.js';

export type SimulationMethod = 'auto' | 'rk45' | 'stiff' | 'bdf';

/** Solver settings a client passes along (its user settings). */
export interface SimulationOptions {
    method?: SimulationMethod;
    rtol?: number;
    atol?: number;
    /** Scenarios that simulate more than this many hours are refused before they start. */
    maxSimulatedHours?: number;
}

export interface DocumentRunParams {
    uri: string;
    options?: SimulationOptions;
}

export interface RunScenarioParams extends DocumentRunParams {
    scenario: string;
}

export interface RunCascadeParams extends DocumentRunParams {
    cascade: string;
}

export interface RunFitParams extends DocumentRunParams {
    fit: string;
}

/** Without a scenario: the model's own steady state (no scenario actions). */
export interface SteadyStateParams extends DocumentRunParams {
    scenario?: string;
    /** Give up at once on a model that reads the time (t or a time course), where the search is costly. */
    skipTimeDependent?: boolean;
}

/** Without a scenario: the first scenario's steady state. */
export interface SteadyAnalysisParams extends DocumentRunParams {
    scenario?: string;
}

export interface RunScanParams extends DocumentRunParams {
    scan: string;
}

export interface RunPopulationParams extends DocumentRunParams {
    population: string;
    /** Percentile bands only: also the own values of the first this many members that ran (`members` of the result). */
    members?: number;
}

/** Without a scenario: the first one; without a quantity: the scenario's first observed quantity. */
export interface TimeCourseSensitivityParams extends DocumentRunParams {
    scenario?: string;
    quantity?: string;
}

/** The simulator's verdict on an expect (`value` null when it could not be evaluated), located in its document. */
export interface ExpectOutcome extends ExpectResult {
    /** The scenario whose run checked it (an inherited expect is checked by every heir). */
    scenario: string;
    low: number;
    high: number;
    unit: string;
    /** Where the expect is written. */
    uri?: string;
    range?: Range;
}

/** A warning of a run (`negative-concentration`), located on its scenario's first line. */
export interface RunWarningOutcome extends RunWarning {
    uri?: string;
    range?: Range;
}

/** An LSP range (0-based lines and characters). */
export interface Range {
    start: { line: number; character: number };
    end: { line: number; character: number };
}

/**
 * A scenario's run as the simulator returns it (`time` in minutes, `series` in base units):
 * the observed quantities, then the E/I `balance` when the model has excitatory and inhibitory
 * receptors and the scenario does not observe it.
 */
export interface ScenarioRunResult extends Pick<SimulationResult, 'scenario' | 'time' | 'series'> {
    uri: string;
    title?: string;
    steadyState?: SteadyValue[];
    /** Why the steady-state table is missing, when it is. */
    steadyStateMessage?: string;
    /** The steady state's stability in one sentence (eigenvalues, slowest time scale). */
    steadyStateStability?: string;
    expects: ExpectOutcome[];
    /** What the run did that the model should not (a concentration driven below zero). */
    warnings: RunWarningOutcome[];
    elapsedMs: number;
}

export interface SteadyStateResult {
    uri: string;
    scenario?: string;
    converged: boolean;
    message?: string;
    values: SteadyValue[];
    /** The steady state's stability in one sentence, when there is one. */
    stability?: string;
    elapsedMs: number;
}

/**
 * A cascade's responses as the simulator returns them (`CascadeResult`), with what the
 * request adds: the document, the cascade's title and scenario, the network to colour and,
 * per perturbation, each network node's response coefficient.
 */
export interface CascadeRunResult extends CascadeResult {
    uri: string;
    title?: string;
    /** The scenario every perturbation starts from. */
    from: string;
    network: NetworkGraph;
    /** In the order of `perturbations`: the response coefficient of every network node that has one (empty for a failed perturbation). */
    nodeResponses: Record<string, number>[];
    /** The unit each measured quantity is shown in (cascadeDisplayUnits); absent: its base unit. */
    displayUnits: Record<string, DisplayUnit>;
    elapsedMs: number;
}

/**
 * Everything the sensitivity and control views show of one steady state: the response
 * coefficients of every quantity to every numeric property, metabolic control analysis,
 * the stability and the network to colour by control coefficients.
 */
export interface SteadyAnalysisResult {
    uri: string;
    scenario: string;
    sensitivities: Omit<SensitivityReport, 'scenario' | 'unscaled'>;
    control: ControlAnalysis;
    stability: StabilityReport;
    /** `stability` in one sentence. */
    stabilitySummary: string;
    network: NetworkGraph;
    elapsedMs: number;
}

/** A declared scan as the simulator runs it (values in base units, each axis and measure with the unit its author wrote, if any). */
export interface ScanRunResult extends ScanResult {
    uri: string;
    title?: string;
    elapsedMs: number;
}

/** An estimate as fitted (base units), with its 95 % profile-likelihood interval (docs/analysis.md#identifiability). */
export interface FittedEstimate extends Pick<FittedParameter, 'name' | 'property' | 'substrate' | 'label' | 'value' | 'unit' | 'written' | 'atBound'> {
    bounds: [number, number];
    interval: [number, number];
    /** Whether each side of the interval crossed the threshold inside the bounds (an open side is a bound). */
    closed: [boolean, boolean];
    /** False for a flat profile: the data do not determine the value. */
    identifiable: boolean;
}

/** One measurement against the fitted model, with the unit its value was written in. */
export interface FitPoint extends Omit<FitResidual, 'dataset'> {
    display?: DisplayUnit;
}

export interface FitRunResult {
    uri: string;
    fit: string;
    title?: string;
    residualModel: 'normal' | 'lognormal';
    estimates: FittedEstimate[];
    chi2: number;
    objective: number;
    aic: number;
    bic: number;
    dataPoints: number;
    converged: boolean;
    /** The optimiser's reason for stopping. */
    reason: string;
    points: FitPoint[];
    /** The fitted model's time course of every scenario measured at times, through its last measurement. */
    curves: { scenario: string; times: number[]; series: Series[] }[];
    elapsedMs: number;
}

/** The title of the quick fix that writes a fit's values into the model (the fit view's button looks for it). */
export const WRITE_FITTED_VALUES_TITLE = 'Write fitted values into the model';

/** A population's percentile bands (docs/analysis.md, Populations), as `cascade population --format json` gives them. */
export interface PopulationRunResult extends PopulationResult {
    /** The threads the runs were spread over (the cores). */
    threads: number;
    uri: string;
    elapsedMs: number;
}

/** A population's Sobol indices, as `cascade sobol --format json` gives them. */
export interface SobolRunResult extends SobolResult {
    /** The threads the runs were spread over (the cores). */
    threads: number;
    uri: string;
    elapsedMs: number;
}

/** A population's Morris elementary effects, as `cascade morris --format json` gives them, with each measured quantity's unit (that of μ* and σ). */
export interface MorrisRunResult extends MorrisResult {
    /** The threads the runs were spread over (the cores). */
    threads: number;
    quantities: { name: string; unit: string }[];
    uri: string;
    elapsedMs: number;
}

/**
 * The scaled sensitivities (dY/Y)/(dp/p) of one quantity along a scenario's run
 * (docs/analysis.md, Time-course sensitivities) to a bounded set of parameters.
 */
export interface TimeCourseSensitivityResult {
    uri: string;
    scenario: string;
    quantity: string;
    /** The quantities the scenario observes (the ones a reader may choose), and `quantity` if it does not observe it. */
    quantities: string[];
    unit: string;
    /** Minutes. */
    time: number[];
    /** The quantity along the run, in `unit`. */
    values: number[];
    /** `coefficients[j][k]`: with respect to parameter j at time[k]; null where Y = 0. */
    parameters: (Omit<SensitivityReport['parameters'][number], 'value'> & { value: number; coefficients: (number | null)[] })[];
    /**
     * How the parameters were chosen: all of them (`all`, a small model), the largest |R| at the
     * scenario's steady state (`steady`), or the largest |R| over the run where there is no steady state (`run`).
     */
    chosenBy: 'all' | 'steady' | 'run';
    /** Of how many numeric properties. */
    of: number;
    elapsedMs: number;
}

export interface OutlineEntry {
    name: string;
    title?: string;
    /** 0-based line of the declaration. */
    line: number;
}

export interface OutlineResult {
    scenarios: OutlineEntry[];
    cascades: OutlineEntry[];
    scans: OutlineEntry[];
    fits: OutlineEntry[];
    populations: OutlineEntry[];
}

/**
 * The first error of a model a run refused (the `data` of the request's error): where it is
 * (`file` only when it is in an imported file; `line` 1-based) and what it says.
 */
export interface ModelError {
    file?: string;
    line: number;
    message: string;
}

/** Method name → [params, result]: the whole request surface. */
export interface SimulationRequests {
    'cascade/outline': [{ uri: string }, OutlineResult];
    'cascade/runScenario': [RunScenarioParams, ScenarioRunResult];
    'cascade/runCascade': [RunCascadeParams, CascadeRunResult];
    'cascade/steadyState': [SteadyStateParams, SteadyStateResult];
    'cascade/steadyAnalysis': [SteadyAnalysisParams, SteadyAnalysisResult];
    'cascade/runScan': [RunScanParams, ScanRunResult];
    'cascade/runFit': [RunFitParams, FitRunResult];
    'cascade/runPopulation': [RunPopulationParams, PopulationRunResult];
    'cascade/runSobol': [RunPopulationParams, SobolRunResult];
    'cascade/runMorris': [RunPopulationParams, MorrisRunResult];
    'cascade/timeCourseSensitivities': [TimeCourseSensitivityParams, TimeCourseSensitivityResult];
}

export type SimulationMethodName = keyof SimulationRequests;
