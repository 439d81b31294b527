import type { ValidationAcceptor, ValidationChecks } from 'langium';
import { isScenario, isSimulate, type CascadeAstType, type Scenario } from '../generated/ast.js';
import { CODE_EXTENDS_CYCLE, CODE_MISSING_KINETICS } from './diagnostic-codes.js';

/**
 * The checks that follow `extends` chains (docs/reference.md#extends): a scenario may not extend itself, directly or
 * through others (extends-cycle), and every chain must say `simulate` somewhere
 * (missing-kinetics). Walked once per file with every scenario's answer remembered, so a chain
 * of thousands of scenarios, each extending the one before, is checked in linear time (walking
 * each scenario's chain on its own was quadratic, with a cubic cycle test).
 */
export function scenarioChainChecks(): ValidationChecks<CascadeAstType> {
    return {
        CascadeFile: (file, accept) => checkChains(file.declarations.filter(isScenario), accept)
    };
}

/** At most this many names of a cycle in its message. */
const CYCLE_NAMES_SHOWN = 6;

function checkChains(scenarios: Scenario[], accept: ValidationAcceptor): void {
    /** Whether each scenario's chain says `simulate` (a base of the wrong kind counts as yes: it is reported as such). */
    const simulates = new Map<Scenario, boolean>();
    for (const start of scenarios) {
        if (simulates.has(start)) continue;
        const path: Scenario[] = [];
        const onPath = new Set<Scenario>();
        let next: unknown = start;
        while (isScenario(next) && !simulates.has(next) && !onPath.has(next)) {
            path.push(next);
            onPath.add(next);
            next = next.base?.ref;
        }
        let inherited: boolean;
        let end = path.length;
        if (isScenario(next) && onPath.has(next)) {
            const cycle = path.slice(path.indexOf(next));
            inherited = cycle.some(saysSimulate);
            cycle.forEach((scenario, i) => {
                reportCycle(scenario, [...cycle.slice(i), ...cycle.slice(0, i)], accept);
                simulates.set(scenario, inherited);
            });
            end = path.length - cycle.length;
        } else {
            inherited = isScenario(next) ? simulates.get(next)! : next !== undefined;
        }
        for (let i = end - 1; i >= 0; i--) {
            inherited ||= saysSimulate(path[i]);
            simulates.set(path[i], inherited);
        }
    }
    for (const scenario of scenarios) {
        if (simulates.get(scenario)) continue;
        accept('error', `${scenario.name} does not say how long to run: add 'simulate <duration>' (here or in a scenario it extends).`,
            { node: scenario, property: 'name', data: { code: CODE_MISSING_KINETICS, missing: ['simulate'] } });
    }
}

function saysSimulate(scenario: Scenario): boolean {
    return scenario.statements.some(isSimulate);
}

function reportCycle(scenario: Scenario, cycle: Scenario[], accept: ValidationAcceptor): void {
    const names = [...cycle.slice(0, CYCLE_NAMES_SHOWN), scenario].map(c => c.name);
    const path = cycle.length > CYCLE_NAMES_SHOWN ? `${names.slice(0, -1).join(' → ')} → … (${cycle.length} scenarios) → ${scenario.name}` : names.join(' → ');
    accept('error', `Scenarios extend each other: ${path}.`, { node: scenario, property: 'base', data: { code: CODE_EXTENDS_CYCLE } });
}
