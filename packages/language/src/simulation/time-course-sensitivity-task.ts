/**
 * Time-course sensitivities in the simulation worker (the editor's view of
 * `cascade sensitivity --time-course`; docs/analysis.md, In the editor): the scaled
 * sensitivity of one observed quantity to a bounded set of parameters along the scenario's run.
 * The forward sensitivity equations cost one back-substitution per parameter and stage, so the
 * view takes at most TIME_COURSE_PARAMETERS of them: every parameter of a small model, else
 * the largest |R| at the scenario's steady state, else (no steady state) the largest |R(t)| over the run.
 */
import {
    findScenario, modelParameters, scenarioSensitivities, timeCourseSensitivities, type CompiledModel, type RunOptions, type TimeCourseSensitivityReport
} from '@neurocascade/simulator';
import type { TimeCourseSensitivityResult } from './simulation-protocol.js';

/** One line per parameter, each in its own colour of the charts' eight-colour palette. */
export const TIME_COURSE_PARAMETERS = 8;

/**
 * Where there is no steady state, the parameters are ranked over a run with all of them: at most
 * this many sensitivities (states × parameters) — a 64-parameter model of 30 states over 3 days
 * takes about a second.
 */
export const MAX_RANKING_SIZE = 100_000;

type Parameter = TimeCourseSensitivityReport['parameters'][number];

/** `E.vmax`, `E.km.S`, `k1.value`: the form `--wrt` reads. */
const label = (p: Omit<Parameter, 'value'>) => `${p.name}.${p.property}${p.substrate ? `.${p.substrate}` : ''}`;

export function timeCourseSensitivityOutcome(
    model: CompiledModel, scenarioName: string | undefined, quantity: string | undefined, run: RunOptions
): Omit<TimeCourseSensitivityResult, 'uri' | 'elapsedMs'> {
    const scenario = findScenario(model.ir, scenarioName);
    const observed = scenario.observe.length > 0 ? scenario.observe.map(o => o.name) : model.ir.species.map(s => s.name);
    const chosen = quantity ?? observed[0];
    if (chosen === undefined) throw new Error(`Scenario ${scenario.name} observes nothing to differentiate.`);
    // A quantity the scenario does not observe (a flux chosen in the tornado) stays among the choices.
    const quantities = observed.includes(chosen) ? observed : [...observed, chosen];
    const request = { scenario: scenarioName, of: [chosen] };
    const shaped = (report: TimeCourseSensitivityReport, chosenBy: TimeCourseSensitivityResult['chosenBy'], of: number) => ({
        scenario: report.scenario, quantity: chosen, quantities, unit: report.quantities[0].unit, time: report.time, values: report.quantities[0].values,
        parameters: report.parameters.map((p, j) => ({ ...p, coefficients: report.coefficients[0][j] })),
        chosenBy, of
    });
    const ranking = model.dependsOnTime ? undefined : steadyRanks(model, request, run);
    if (ranking) {
        const few = ranking.ranked.length <= TIME_COURSE_PARAMETERS;
        const wrt = few ? undefined : ranking.ranked.slice(0, TIME_COURSE_PARAMETERS);
        return shaped(timeCourseSensitivities(model, { ...request, wrt }, run), few ? 'all' : 'steady', ranking.ranked.length);
    }
    // No steady state to rank by: the run with every parameter, of which the largest |R(t)| are kept.
    const count = modelParameters(model).length;
    if (count > TIME_COURSE_PARAMETERS && count * model.stateNames.length > MAX_RANKING_SIZE) {
        throw new Error(`Scenario ${scenario.name} has no steady state to rank the model's ${count} parameters by, and following all of them along the run `
            + `(${model.stateNames.length} states × ${count} parameters) is too large for the preview: name the parameters with cascade sensitivity --time-course --wrt.`);
    }
    const all = timeCourseSensitivities(model, request, run);
    if (all.parameters.length <= TIME_COURSE_PARAMETERS) return shaped(all, 'all', all.parameters.length);
    const largest = all.coefficients[0].map(row => Math.max(0, ...row.map(r => (r === null || !Number.isFinite(r) ? 0 : Math.abs(r)))));
    const order = largest.map((size, j) => ({ size, j })).sort((a, b) => b.size - a.size || label(all.parameters[a.j]).localeCompare(label(all.parameters[b.j])));
    const kept = order.slice(0, TIME_COURSE_PARAMETERS).map(o => o.j);
    return shaped({
        ...all,
        parameters: kept.map(j => all.parameters[j]),
        coefficients: [kept.map(j => all.coefficients[0][j])],
        unscaled: [kept.map(j => all.unscaled[0][j])]
    }, 'run', all.parameters.length);
}

/**
 * The parameters by |R| at the scenario's steady state, largest first (those with no
 * coefficient, where Y = 0, last); undefined when there is no steady state.
 */
function steadyRanks(model: CompiledModel, request: { scenario?: string; of: string[] }, run: RunOptions): { ranked: string[] } | undefined {
    try {
        const { parameters, coefficients } = scenarioSensitivities(model, request, run);
        const size = (r: number | null) => (r === null || !Number.isFinite(r) ? -1 : Math.abs(r));
        const ranked = parameters.map((p, j) => ({ name: label(p), size: size(coefficients[0][j]) }))
            .sort((a, b) => b.size - a.size || a.name.localeCompare(b.name));
        return { ranked: ranked.map(r => r.name) };
    } catch (error) {
        if (run.shouldStop?.()) throw error;
        return undefined;
    }
}
