/** Small protocol results for the pure modules' tests. */
import type { CascadeRunResult, ScenarioRunResult } from '../../language/src/simulation/simulation-protocol.js';

/** A run's result; `balance`: the E/I balance the server adds after the observed series. */
export function scenarioResult(scenario: string, time: number[], series: Record<string, number[]>, balance?: number[]): ScenarioRunResult {
    return {
        uri: 'file:///model.cascade', scenario, time,
        series: [
            ...Object.entries(series).map(([name, values]) => ({ name, unit: name.includes('.') ? '1' : 'uM', values })),
            ...(balance ? [{ name: 'balance', unit: '1', values: balance }] : [])
        ],
        expects: [], warnings: [], elapsedMs: 5
    };
}

export function cascadeResult(): CascadeRunResult {
    return {
        uri: 'file:///model.cascade', cascade: 'Loading', from: 'Baseline', at: 'steady', elapsedMs: 7,
        network: { nodes: [], edges: [] }, nodeResponses: [{}, {}], displayUnits: { Serotonin: { unit: 'nM', scale: 0.001 } },
        perturbations: [{
            change: 'Trp supply +50%', target: 'Trp', property: 'supply',
            responses: [
                { name: 'Serotonin', unit: 'uM', base: 2, perturbed: 3, change: 1, percent: 50, coefficient: 1, localCoefficient: 1.2 },
                { name: 'HT1A.occupancy', unit: '1', base: 0, perturbed: 0.1, change: 0.1, percent: null, coefficient: null, localCoefficient: null }
            ]
        }, {
            change: 'MAO activity 0', target: 'MAO', property: 'activity', responses: [],
            error: 'Cascade Loading: no steady state with MAO activity 0: Serotonin grows without bound'
        }]
    };
}
