import assert from 'node:assert/strict';
import { ModelError, SimulationError, simulateScenario, type Expr, type ModelIR } from '@neurocascade/simulator';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPOSITORY } from './cascade-inputs.js';
import { fuzzSimulator, runChecked, STOP_LATENCY_MS } from './simulator-fuzz.js';
import { TEST_SEED } from './language-fuzz.js';

/** Thousands of steps: a supply that oscillates every minute, for weeks. */
function endless(): ModelIR {
    const num = (value: number) => ({ kind: 'number' as const, value });
    return {
        name: 'Endless', unitsChecked: true, compartments: [{ name: 'c', volume: num(1) }], processes: [], receptors: [], effects: [],
        species: [{ name: 'B', kind: 'precursor', compartment: 'c', initial: num(0), clearance: num(0.1), fixed: false, tone: 'modulatory', unit: 'uM',
            supply: { kind: 'call', fn: 'circadian', args: [num(1), num(0.5), num(0), num(1)] } }],
        modulators: [], parameters: [], functions: [], rules: [], rateRules: [], initialAssignments: [], events: [], cascades: [],
        scenarios: [{ name: 'Long', lineage: ['Long'], duration: 1e7, step: 1e5, observe: [], expects: [], actions: [], events: [] }]
    };
}

describe('simulator under random valid models', function () {
    this.timeout(120_000);

    it(`100 models (seed ${TEST_SEED}) each finish with finite numbers or a clear error`, async () => {
        const outcomes = await fuzzSimulator(100, TEST_SEED);
        assert.equal(Object.values(outcomes).reduce((a, b) => a + b), 100);
        assert.ok(outcomes.finished > 50, `most random models should simulate: ${JSON.stringify(outcomes)}`);
    });

    describe('models that once failed', () => {
        const fixtures = path.join(REPOSITORY, 'test/robustness/fixtures');
        for (const file of readdirSync(fixtures).filter(name => name.endsWith('.json')).sort()) {
            it(file, () => { runChecked(JSON.parse(readFileSync(path.join(fixtures, file), 'utf8')) as ModelIR); });
        }
    });

    for (const after of [5, 50, 200]) {
        it(`a run asked to stop after ${after} ms stops within ${STOP_LATENCY_MS} ms`, () => {
            const started = performance.now();
            let asked = Infinity;
            const shouldStop = () => {
                if (performance.now() - started < after) return false;
                asked = Math.min(asked, performance.now());
                return true;
            };
            assert.throws(() => simulateScenario(endless(), 'Long', { shouldStop, maxSteps: 1e9 }),
                (e: unknown) => e instanceof SimulationError && e.reason === 'cancelled');
            assert.ok(performance.now() - asked < STOP_LATENCY_MS, `stopped ${(performance.now() - asked).toFixed(0)} ms after the request`);
        });
    }

    it('an observed rule that becomes infinite is an error naming it, not Infinity in the result (found by fuzzing, seed 2)', () => {
        const model = endless();
        model.parameters.push({ name: 'k', value: { kind: 'number', value: 1 }, unit: '1' });
        // ln(ln(1)) = ln(0) = -Infinity.
        const ln = (arg: Expr): Expr => ({ kind: 'call', fn: 'ln', args: [arg] });
        model.rules.push({ name: 'r', unit: '1', expression: { kind: 'call', fn: 'abs', args: [ln(ln({ kind: 'name', name: 'k' }))] } });
        model.scenarios = [{ name: 'Short', lineage: ['Short'], duration: 1, step: 0.2, observe: [{ name: 'r', expression: { kind: 'name', name: 'r' }, unit: '1' }], expects: [], actions: [], events: [] }];
        assert.throws(() => simulateScenario(model, 'Short'),
            (e: unknown) => e instanceof SimulationError && e.reason === 'not-finite' && e.quantity === 'r' && /\br is -?Infinity at t = /.test(e.message));
    });

    it('an aborted signal stops a run before it starts integrating', () => {
        assert.throws(() => simulateScenario(endless(), 'Long', { signal: AbortSignal.abort(), maxSteps: 1e9 }),
            (e: unknown) => e instanceof SimulationError && e.reason === 'cancelled');
    });

    it('a run over its step budget ends with a clear error', () => {
        assert.throws(() => simulateScenario(endless(), 'Long', { maxSteps: 1000 }),
            (e: unknown) => (e instanceof SimulationError && e.reason === 'max-steps') || e instanceof ModelError);
    });
});
