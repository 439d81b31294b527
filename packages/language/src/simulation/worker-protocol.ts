/** The jobs the language server posts to its simulation workers (through the simulator's worker pool). */
import type { ModelIR } from '@neurocascade/simulator';
import type {
    CascadeRunResult, FitRunResult, MorrisRunResult, PopulationRunResult, ScanRunResult, ScenarioRunResult, SimulationOptions, SobolRunResult, SteadyAnalysisResult,
    SteadyStateResult, TimeCourseSensitivityResult
} from './simulation-protocol.js';

export type SimulationTask = 'scenario' | 'steady-state' | 'cascade' | 'steady-analysis' | 'scan' | 'fit' | 'population' | 'sobol' | 'morris' | 'time-course-sensitivity';

/** A document as the server has it (an open editor's text, which may differ from the file). */
export interface DocumentText {
    uri: string;
    text: string;
}

/**
 * The model, lowered by the server; or, for a long one, the texts to lower: the document to
 * run first, then every document it imports, and the workspace folders imports may reach.
 */
export type ModelSource = { model: ModelIR } | { documents: DocumentText[]; roots: string[] };

export interface SimulationJob {
    task: SimulationTask;
    source: ModelSource;
    /** The scenario, cascade or fit to run; absent for the model's own steady state. */
    name?: string;
    options: SimulationOptions;
    /** Steady state only: see SteadyStateParams.skipTimeDependent. */
    skipTimeDependent?: boolean;
    /** Population only: see RunPopulationParams.members. */
    members?: number;
    /** Time-course sensitivities only: the quantity (see TimeCourseSensitivityParams). */
    quantity?: string;
}

/** What the worker computes; the host adds the document URI and the elapsed time. */
export type WorkerOutcome =
    | Omit<ScenarioRunResult, 'uri' | 'elapsedMs'>
    | Omit<SteadyStateResult, 'uri' | 'elapsedMs'>
    | Omit<CascadeRunResult, 'uri' | 'elapsedMs'>
    | Omit<SteadyAnalysisResult, 'uri' | 'elapsedMs'>
    | Omit<ScanRunResult, 'uri' | 'elapsedMs'>
    | Omit<FitRunResult, 'uri' | 'elapsedMs'>
    | Omit<PopulationRunResult, 'uri' | 'elapsedMs'>
    | Omit<SobolRunResult, 'uri' | 'elapsedMs'>
    | Omit<MorrisRunResult, 'uri' | 'elapsedMs'>
    | Omit<TimeCourseSensitivityResult, 'uri' | 'elapsedMs'>;
