import assert from 'node:assert/strict';
import { resolveScenario, simulateScenario } from '@neurocascade/simulator';
import { buildWorkspace, codeOf } from '../validation/validation-fixtures.js';
import { lower } from './lower-helper.js';

/** Scenario S0 runs 100 min; each S_i extends S_(i-1) and doses 1 µM of A at (i mod 100) min. */
function scenarioChain(length: number): string {
    const lines = ['compartment c { volume 1 uL }', 'precursor A in c { initial 1 uM  clearance 0.1 /min }', 'scenario S0 { simulate 100 min }'];
    for (let i = 1; i < length; i++) lines.push(`scenario S${i} extends S${i - 1} { at ${i % 100} min dose A 1 uM }`);
    return lines.join('\n');
}

describe('a long chain of scenarios, each extending the one before', function () {
    this.timeout(60_000);
    const LENGTH = 1500;

    it('is lowered with each inherited event stored once, and its last scenario runs every dose of the chain', async () => {
        const model = await lower(scenarioChain(LENGTH));
        assert.equal(model.scenarios.length, LENGTH);
        // n events in all, not n²/2: every scenario names its base instead of copying it.
        assert.equal(model.scenarios.reduce((sum, s) => sum + s.events.length, 0), LENGTH - 1);
        const last = resolveScenario(model, model.scenarios.at(-1)!);
        assert.equal(last.events.length, LENGTH - 1);
        assert.deepEqual(last.lineage?.slice(0, 2), ['S0', 'S1']);
        // A(100 min) = e^(-0.1·100) + Σ e^(-0.1·(100 - t_i)) µM: each dose decays from its own time.
        let expected = Math.exp(-10);
        for (let i = 1; i < LENGTH; i++) expected += Math.exp(-0.1 * (100 - (i % 100)));
        const result = simulateScenario(model, `S${LENGTH - 1}`, { rtol: 1e-9, atol: 1e-12 });
        const a = result.series.find(s => s.name === 'A')!.values.at(-1)!;
        assert.ok(Math.abs(a - expected) < 1e-5 * expected, `A(100 min) = ${a}, expected ${expected}`);
    });

    it('is checked without an error, and a cycle and a chain without simulate are still reported', async () => {
        const files = {
            'chain.cascade': scenarioChain(LENGTH),
            'broken.cascade': [
                'scenario Loop1 extends Loop3 { simulate 1 h }', 'scenario Loop2 extends Loop1 { }', 'scenario Loop3 extends Loop2 { }',
                'scenario IntoLoop extends Loop2 { }', 'scenario Bare { }', 'scenario BareChild extends Bare { }'
            ].join('\n')
        };
        const documents = await buildWorkspace(files);
        const errors = (name: string) => (documents.get(name)!.diagnostics ?? []).filter(d => d.severity === 1)
            .map(d => `${d.range.start.line}:${codeOf(d)}`);
        assert.deepEqual(errors('chain.cascade'), []);
        assert.deepEqual(errors('broken.cascade').sort(), ['0:extends-cycle', '1:extends-cycle', '2:extends-cycle', '4:missing-kinetics', '5:missing-kinetics']);
        const cycle = documents.get('broken.cascade')!.diagnostics!.find(d => d.range.start.line === 1)!;
        assert.equal(cycle.message, 'Scenarios extend each other: Loop2 → Loop1 → Loop3 → Loop2.');
    });
});
