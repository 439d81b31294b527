/**
 * The custom LSP requests that run simulations, shared by the server and every client.
 * Only types and method names: clients import it without pulling in the server.
 * Every quantity is in base units (µM, minutes, fractions) with its unit named beside it.
 * Results are the simulator's own types (`Series`, `SteadyValue`, `ExpectResult`, `RunWarning`)
 * with what a request adds: the document, the scenario, where an expect is written.
 */
import type { ControlAnalysis, DisplayUnit, ExpectResult, RunWarning, ScanResult, SensitivityReport, Series, StabilityReport, SteadyValue } from '@neurocascade/simulator';
import type { NetworkGraph } from '../diagram/network-model.js';

export type { Series, SteadyValue };
export type { NetworkEdgeKind, NetworkGraph, NetworkNodeCategory, NetworkNodeKind } from '../diagram/network-model.js';

export type SimulationMethod = 'auto' | 'rk45' | 'stiff';

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

export interface ScenarioRunResult {
    uri: string;
    scenario: string;
    title?: string;
    /** Minutes. */
    times: number[];
    series: Series[];
    /** `balance` over time, when the model has excitatory and inhibitory receptors. */
    balance?: number[];
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

export interface Response {
    name: string;
    unit: string;
    base: number;
    perturbed: number;
    delta: number;
    /** ΔY/Y as a percentage; absent when the base value is 0. */
    percent?: number;
    /** (ΔY/Y)/(ΔP/P); absent when Y or P is 0 at base. */
    coefficient?: number;
    /** The exact (dY/Y)/(dP/P) at the base steady state; absent at a time T or where Y = 0. */
    localCoefficient?: number;
}

export interface PerturbationResult {
    label: string;
    target: string;
    property: string;
    /** The measured quantities, in the order the cascade lists them. */
    responses: Response[];
    /** Response coefficient of every network node that has one, for colouring the graph. */
    nodeResponses: Record<string, number>;
    /** Why this perturbation has no result (its responses are then empty). */
    error?: string;
}

export interface CascadeRunResult {
    uri: string;
    cascade: string;
    title?: string;
    from: string;
    at: 'steady' | number;
    perturbations: PerturbationResult[];
    network: NetworkGraph;
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

/** A declared scan as the simulator runs it (values in base units); a measured species carries the unit its author wrote. */
export interface ScanRunResult extends Omit<ScanResult, 'measures'> {
    measures: (ScanResult['measures'][number] & { display?: DisplayUnit })[];
    uri: string;
    title?: string;
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
}

export type SimulationMethodName = keyof SimulationRequests;
