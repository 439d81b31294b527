// The first scenario of a compiled model as the benchmarks solve it: its start state (t = 0
// actions applied), output times, and where the integration restarts (as ours does).
import { startState } from '../out/src/run/actions.js';
import { initialState } from '../out/src/run/initial-state.js';
import { outputGrid } from '../out/src/run/simulate.js';

export function firstScenario(m) {
    const scenario = m.ir.scenarios[0];
    if (!scenario) throw new Error(`${m.ir.name} has no scenario to benchmark`);
    if (scenario.events.length > 0) throw new Error(`${m.ir.name}: scenario ${scenario.name} has events, which the Python and C printers do not model`);
    const y0 = startState(m, scenario.actions, initialState);
    const breaks = [...new Set([...m.system.breakpoints, scenario.duration])].filter(b => b > 0 && b <= scenario.duration).sort((a, b) => a - b);
    return { scenario, y0, times: outputGrid(scenario.duration, scenario.step), breaks };
}
