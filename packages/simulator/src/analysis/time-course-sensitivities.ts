/**
 * `cascade sensitivity --time-course`: how each observed quantity's whole time course moves
 * with each parameter, dY(t)/dp = ∂Y/∂x·s(t) + ∂Y/∂p, from the forward sensitivity
 * equations integrated with the state (BDF, staggered, by default).
 */
import type { ModelIR } from '../ir.js';
import type { CompiledModel } from '../model/compiled-model.js';
import { startState } from '../run/actions.js';
import { initialState } from '../run/initial-state.js';
import type { RunOptions } from '../run/run-options.js';
import type { MethodName } from '../solvers/problem.js';
import { compiled, findScenario, outputGrid } from '../run/simulate.js';
import { integrateTrajectory } from '../run/trajectory.js';
import { modelParameters, namedParameters, reportedParameter, type ReportedParameter } from './analysis-parameters.js';
import { modelQuantities, namedQuantities } from './analysis-quantities.js';
import type { SensitivityRequest } from './scenario-analysis.js';
import { sensitivitySystem } from './sensitivity-equations.js';
import { SensitivityJumps } from './sensitivity-jumps.js';
import { reported, scaledCoefficient } from './steady-sensitivities.js';

export interface TimeCourseSensitivityReport {
    scenario: string;
    time: number[];
    /** Values at t = 0 (a property written as an expression of the state changes along the run). */
    parameters: ReportedParameter[];
    quantities: { name: string; unit: string; values: number[] }[];
    /** coefficients[i][j][k]: (dYᵢ/Yᵢ)/(dpⱼ/pⱼ) at time[k]; null where Yᵢ = 0. */
    coefficients: (number | null)[][][];
    /** unscaled[i][j][k] = dYᵢ/dpⱼ at time[k], base units. */
    unscaled: number[][][];
}

/**
 * BDF, staggered, unless a method is named: `auto` (the default everywhere) chooses it too, since
 * the extended system is as stiff as the state and BDF solves the sensitivities in one pass per
 * step (docs/analysis.md#time-course-sensitivities); `stiff` keeps the Rosenbrock method.
 */
function sensitivityMethod(method: RunOptions['method']): MethodName {
    return method === undefined || method === 'auto' ? 'bdf' : method;
}

export function timeCourseSensitivities(model: ModelIR | CompiledModel, request: SensitivityRequest = {}, options: RunOptions = {}): TimeCourseSensitivityReport {
    const m = compiled(model);
    const scenario = findScenario(m.ir, request.scenario);
    const quantities = request.of ? namedQuantities(m, request.of) : modelQuantities(m, scenario.observe).filter(q =>
        scenario.observe.length === 0 ? m.ir.species.some(s => s.name === q.name) : scenario.observe.some(o => o.name === q.name));
    const x0 = startState(m, scenario.actions, initialState);
    const parameters = request.wrt ? namedParameters(m, request.wrt, { state: x0, time: 0 }) : modelParameters(m, { state: x0, time: 0 });
    const system = sensitivitySystem(m, parameters);
    const jumps = new SensitivityJumps(m, parameters);
    // The t = 0 actions on the state jump the sensitivities as any action does.
    const y0 = startState(m, scenario.actions, () => system.initialState(initialState(m)), (a, y) => jumps.action(a, 0, y, 'states'));
    const n = m.stateNames.length;
    const terms = quantities.map(q => q.term);
    const observe = m.program(terms);
    const qx = m.derivatives(terms, 'y'), qp = m.derivatives(terms, 'p');
    const qxValues = new Float64Array(qx.pattern.colIndex.length), qpValues = new Float64Array(qp.pattern.colIndex.length);
    const column = new Map(parameters.map((p, j) => [p.slot, j]));
    const values = new Float64Array(terms.length);
    const time = outputGrid(scenario.duration, scenario.step);
    const series = quantities.map(() => [] as number[]);
    const parameterValue = m.program(parameters.map(p => p.term));
    const pValues = new Float64Array(parameters.length);
    const parameterSeries = parameters.map(() => [] as number[]);
    const unscaled = quantities.map(() => parameters.map(() => [] as number[]));
    const extended: CompiledModel = { ...m, rhs: system.rhs, jacobian: system.jacobian, stateNames: system.stateNames, forwardSensitivities: system.forwardSensitivities };
    integrateTrajectory(extended, y0, scenario.duration, time, scenario.events, {
        ...options, method: sensitivityMethod(options.method), errorComponents: request.sensitivityErrorControl === false ? n : undefined
    }, (t, y) => {
        const x = y.subarray(0, n);
        observe(t, x, values);
        qx.evaluate(t, x, qxValues);
        qp.evaluate(t, x, qpValues);
        parameterValue(t, x, pValues);
        pValues.forEach((v, j) => parameterSeries[j].push(v));
        quantities.forEach((_, i) => {
            series[i].push(values[i]);
            const direct = new Float64Array(parameters.length);
            for (let q = qp.pattern.rowStart[i]; q < qp.pattern.rowStart[i + 1]; q++) {
                const j = column.get(qp.pattern.colIndex[q]);
                if (j !== undefined) direct[j] += qpValues[q];
            }
            parameters.forEach((_, j) => {
                let d = direct[j];
                for (let q = qx.pattern.rowStart[i]; q < qx.pattern.rowStart[i + 1]; q++) d += qxValues[q] * y[n * (1 + j) + qx.pattern.colIndex[q]];
                unscaled[i][j].push(d);
            });
        });
    }, jumps);
    return {
        scenario: scenario.name, time,
        parameters: parameters.map(reportedParameter),
        quantities: quantities.map((q, i) => ({ name: q.name, unit: q.unit, values: series[i] })),
        coefficients: unscaled.map((rows, i) => rows.map((row, j) => reported(row.map((d, k) => scaledCoefficient(d, parameterSeries[j][k], series[i][k]))))),
        unscaled
    };
}
