import { compileModel, findScenario, scenarioSteadyState } from '@neurocascade/simulator';
import { oneOf, parseArguments } from '../arguments.js';
import { UsageError } from '../usage.js';
import { loadCheckedModel } from '../simulation/load-model.js';
import { emit } from '../simulation/output.js';
import { SOLVER_ARGUMENTS, solverRunOptions } from '../simulation/run-options.js';

/** `cascade steady <file> [--scenario S] --format json`: the steady state of the scenario's observed quantities. */
export async function steady(args: string[]): Promise<number> {
    const { values, positionals } = parseArguments(args, { scenario: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, ...SOLVER_ARGUMENTS });
    if (positionals.length !== 1) throw new UsageError('steady needs exactly one file');
    oneOf(values.format, ['json'] as const, 'json', '--format');
    const { model } = await loadCheckedModel(positionals[0]);
    const compiled = compileModel(model);
    const scenario = findScenario(model, values.scenario);
    const state = scenarioSteadyState(compiled, scenario, solverRunOptions(values));
    const observables = scenario.observe.length > 0 ? scenario.observe
        : model.species.map(species => ({ name: species.name, expression: { kind: 'name' as const, name: species.name }, unit: species.unit }));
    const result = {
        converged: state.converged,
        ...(state.reason ? { reason: state.reason } : {}),
        method: state.method,
        values: observables.map(o => ({ name: o.name, unit: o.unit, value: state.converged ? compiled.evaluate(o.expression, state.time, state.state) : null }))
    };
    await emit(JSON.stringify(result, null, 2) + '\n', values.out);
    return state.converged ? 0 : 1;
}
