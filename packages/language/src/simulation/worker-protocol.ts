/** Messages between the language server and its simulation worker thread. */
import type { ModelIR } from '@neurocascade/simulator';
import type {
    CascadeRunResult, FitRunResult, ScenarioRunResult, SimulationOptions, SteadyStateResult
} from './simulation-protocol.js';

export type SimulationTask = 'scenario' | 'steady-state' | 'cascade' | 'fit';

export interface WorkerJob {
    id: number;
    task: SimulationTask;
    model: ModelIR;
    /** The scenario, cascade or fit to run; absent for the model's own steady state. */
    name?: string;
    options: SimulationOptions;
    /** Steady state only: see SteadyStateParams.skipTimeDependent. */
    skipTimeDependent?: boolean;
    /** Int32 flag the host sets to 1 to ask the run to stop between solver steps. */
    stop: SharedArrayBuffer;
}

/** What the worker computes; the host adds the document URI and the elapsed time. */
export type WorkerOutcome =
    | Omit<ScenarioRunResult, 'uri' | 'elapsedMs'>
    | Omit<SteadyStateResult, 'uri' | 'elapsedMs'>
    | Omit<CascadeRunResult, 'uri' | 'elapsedMs'>
    | Omit<FitRunResult, 'uri' | 'elapsedMs'>;

export type WorkerReply =
    | { id: number; type: 'progress'; fraction: number }
    | { id: number; type: 'done'; outcome: WorkerOutcome }
    | { id: number; type: 'failed'; message: string; cancelled: boolean };
