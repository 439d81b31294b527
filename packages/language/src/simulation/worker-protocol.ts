/** The jobs the language server posts to its simulation workers (through the simulator's worker pool). */
import type {
    CascadeRunResult, ScenarioRunResult, SimulationOptions, SteadyStateResult
} from './simulation-protocol.js';

export type SimulationTask = 'scenario' | 'steady-state' | 'cascade';

/** A document as the server has it (an open editor's text, which may differ from the file). */
export interface DocumentText {
    uri: string;
    text: string;
}

export interface SimulationJob {
    task: SimulationTask;
    /** The document to run first, then every document it imports: the worker lowers them itself. */
    documents: DocumentText[];
    /** The workspace folders imports may reach. */
    roots: string[];
    /** The scenario or cascade to run; absent for the model's own steady state. */
    name?: string;
    options: SimulationOptions;
    /** Steady state only: see SteadyStateParams.skipTimeDependent. */
    skipTimeDependent?: boolean;
}

/** What the worker computes; the host adds the document URI and the elapsed time. */
export type WorkerOutcome =
    | Omit<ScenarioRunResult, 'uri' | 'elapsedMs'>
    | Omit<SteadyStateResult, 'uri' | 'elapsedMs'>
    | Omit<CascadeRunResult, 'uri' | 'elapsedMs'>;
