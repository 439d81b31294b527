/** Small protocol results for the pure modules' tests. */
import type { CascadeRunResult, ScenarioRunResult } from '../../language/src/simulation/simulation-protocol.js';

export function scenarioResult(scenario: string, times: number[], series: Record<string, number[]>, balance?: number[]): ScenarioRunResult {
    return {
        uri: 'file:///model.cascade', scenario, times,
        series: Object.entries(series).map(([name, values]) => ({ name, unit: name.includes('.') ? '1' : 'uM', values })),
        balance, expects: [], warnings: [], elapsedMs: 5
    };
}

export function cascadeResult(): CascadeRunResult {
    return {
        uri: 'file:///model.cascade', cascade: 'Loading', from: 'Baseline', at: 'steady', elapsedMs: 7,
        network: { nodes: [], edges: [] },
        perturbations: [{
            label: 'Trp supply +50%', target: 'Trp', property: 'supply', nodeResponses: {},
            responses: [
                { name: 'Serotonin', unit: 'uM', base: 2, perturbed: 3, delta: 1, percent: 50, coefficient: 1 },
                { name: 'HT1A.occupancy', unit: '1', base: 0, perturbed: 0.1, delta: 0.1 }
            ]
        }]
    };
}
