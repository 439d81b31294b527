/**
 * The simulator under random valid models: each run returns finite numbers or throws a
 * ModelError/SimulationError with a message, within a step budget and a wall-time budget.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ModelError, SimulationError, simulateScenario, type ModelIR } from '@neurocascade/simulator';
import { validModel } from './model-arbitrary.js';

export const MAX_STEPS = 20_000;
/** A run still going after this long is stopped through `shouldStop`. */
export const WALL_MS = 3000;
/** A stop request is honoured within this, so a user's Stop feels immediate. */
export const STOP_LATENCY_MS = 100;

export type RunOutcome = 'finished' | 'model error' | 'simulation error' | 'stopped';

export function runChecked(ir: ModelIR): RunOutcome {
    const started = performance.now();
    const deadline = started + WALL_MS;
    try {
        const result = simulateScenario(ir, ir.scenarios[0]?.name, { maxSteps: MAX_STEPS, shouldStop: () => performance.now() > deadline });
        for (const series of result.series) {
            const bad = series.values.findIndex(v => !Number.isFinite(v));
            assert.equal(bad, -1, `${series.name} is ${series.values[bad]} at t = ${result.time[bad]} min without an error`);
        }
        for (const e of result.expects) assert.ok(e.value === null || Number.isFinite(e.value), `expect ${e.label} measured ${e.value}`);
        return 'finished';
    } catch (error) {
        if (error instanceof assert.AssertionError) throw error;
        assert.ok(error instanceof ModelError || error instanceof SimulationError, `not a clear error: ${error instanceof Error ? error.stack : String(error)}`);
        assert.ok(error.message.length > 10, `an error without a message: '${error.message}'`);
        const stopped = error instanceof SimulationError && error.reason === 'cancelled';
        if (stopped) assert.ok(performance.now() - deadline < STOP_LATENCY_MS, `stopped ${(performance.now() - deadline).toFixed(0)} ms after the request`);
        return stopped ? 'stopped' : error instanceof ModelError ? 'model error' : 'simulation error';
    }
}

/** Runs `runs` random models; returns how each ended. */
export async function fuzzSimulator(runs: number, seed: number): Promise<Record<RunOutcome, number>> {
    const outcomes: Record<RunOutcome, number> = { finished: 0, 'model error': 0, 'simulation error': 0, stopped: 0 };
    await fc.assert(fc.property(validModel, ir => { outcomes[runChecked(ir)]++; }), { numRuns: runs, seed });
    return outcomes;
}
