/** The jobs the language server posts to its simulation workers (through the simulator's worker pool). */
import type { ModelIR } from '@neurocascade/simulator';
import type {
    CascadeRunResult, ScenarioRunResult, SimulationOptions, SteadyStateResult
} from './simulation-protocol.js';

export type SimulationTask = 'scenario' | 'steady-state' | 'cascade';

export interface SimulationJob {
    task: SimulationTask;
    model: ModelIR;
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
