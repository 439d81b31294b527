/**
 * Forward sensitivity equations: for parameters p₁…p_P the state is extended by sⱼ = ∂x/∂pⱼ
 * with sⱼ' = J(x)·sⱼ + ∂f/∂pⱼ, sⱼ(0) = ∂x₀/∂pⱼ. The extended right-hand side is also built as
 * terms (J's entries and ∂f/∂pⱼ become shared intermediates), so the stiff solver gets its
 * exact Jacobian symbolically like any model's, block lower-triangular with J on the
 * diagonal; it factors J alone, once per step, and solves the blocks in turn by block
 * forward substitution (BlockTriangularLU; docs/analysis.md). The BDF method instead corrects
 * the state alone and then the sensitivities (staggered), from f, J and ∂f/∂pⱼ.
 */
import type { CompiledModel } from '../model/compiled-model.js';
import { neededVariables } from '../model/compiled-model.js';
import { gradient, type Gradient } from '../model/derivative.js';
import { ModelError } from '../model/errors.js';
import { jacobianCode } from '../model/jacobian.js';
import { buildProgram, programSource, type Program, type Statement } from '../model/program.js';
import { mul, ref, sum, type Space, type Term } from '../model/terms.js';
import type { ForwardSensitivities, JacobianFunction, RightHandSide, SparsityPattern } from '../solvers/problem.js';
import type { AnalysisParameter } from './analysis-parameters.js';

export interface SensitivitySystem {
    /** n states, then n sensitivities per parameter (sⱼ at n·(1 + j)). */
    readonly stateNames: string[];
    readonly rhs: RightHandSide;
    /** Block lower-triangular, [[J, 0], [Bⱼ, J]]: `blocks` = 1 + parameters. */
    readonly jacobian: { pattern: SparsityPattern; evaluate: JacobianFunction; blocks: number };
    /** The model's f and J with ∂f/∂pⱼ, for a method that solves the sensitivities after the state (staggered). */
    readonly forwardSensitivities: ForwardSensitivities;
    /** The extended initial state: x₀ and ∂x₀/∂pⱼ. */
    initialState(x0: Float64Array): Float64Array;
}

const isSimple = (t: Term) => t.k === 'num' || t.k === 'ref' || t.k === 't';

/** Gradients of every intermediate, their non-trivial entries appended to `variables` as new intermediates. */
function variableGradients(variables: Term[], count: number, wrt: Space, keep: (j: number) => boolean): Gradient[] {
    const gradients: Gradient[] = [];
    const shared = (d: Term) => (isSimple(d) ? d : ref('w', variables.push(d) - 1));
    for (let k = 0; k < count; k++) {
        const stored: Gradient = new Map();
        for (const [j, d] of gradient(variables[k], i => gradients[i], wrt)) if (keep(j)) stored.set(j, shared(d));
        gradients[k] = stored;
    }
    return gradients;
}

/**
 * By model and parameter slots: deriving and compiling the extended system costs more than
 * a short run, and a fit asks for the same parameters' sensitivities at every iteration.
 * The compiled code reads the model's slots, so a cached system follows their changes.
 */
const systems = new WeakMap<CompiledModel, Map<string, SensitivitySystem>>();

export function sensitivitySystem(m: CompiledModel, parameters: readonly AnalysisParameter[]): SensitivitySystem {
    let byParameters = systems.get(m);
    if (!byParameters) systems.set(m, byParameters = new Map());
    const key = parameters.map(p => p.slot).join(' ');
    let known = byParameters.get(key);
    if (!known) byParameters.set(key, known = buildSensitivitySystem(m, parameters));
    return known;
}

function buildSensitivitySystem(m: CompiledModel, parameters: readonly AnalysisParameter[]): SensitivitySystem {
    if (m.ir.initialAssignments.length > 0) {
        throw new ModelError('time-course sensitivities of a model with initial assignments are not supported (their ∂x₀/∂p is not derived)', 'unsupported');
    }
    const { derivatives } = m.system;
    const n = derivatives.length;
    const variables = [...m.system.variables];
    const original = variables.length;
    const byY = variableGradients(variables, original, 'y', () => true);
    const slots = new Set(parameters.map(p => p.slot));
    const byP = variableGradients(variables, original, 'p', j => slots.has(j));
    const shared = (d: Term) => (isSimple(d) ? d : ref('w', variables.push(d) - 1));

    const jacobianRows = derivatives.map(f => [...gradient(f, i => byY[i], 'y')].map(([k, d]) => [k, shared(d)] as const));
    const parameterRows = derivatives.map(f => gradient(f, i => byP[i], 'p'));
    // The non-zero entries of ∂f/∂pⱼ, at their place in the extended state.
    const fpEntries = parameters.flatMap((p, j) => derivatives.flatMap((_, i) => {
        const d = parameterRows[i].get(p.slot);
        return d ? [{ at: n * (1 + j) + i, term: shared(d) }] : [];
    }));
    const fpAt = new Map(fpEntries.map(e => [e.at, e.term]));
    const extended: Term[] = [...derivatives];
    parameters.forEach((_, j) => {
        const offset = n * (1 + j);
        derivatives.forEach((_, i) => {
            const fp = fpAt.get(offset + i);
            extended.push(sum(...jacobianRows[i].map(([k, d]) => mul(d, ref('y', offset + k))), ...(fp ? [fp] : [])));
        });
    });

    const w = new Float64Array(variables.length);
    const compile = (statements: Statement[], temporaries: number): Program =>
        buildProgram(programSource(statements), m.slots, w, new Float64Array(temporaries));
    const variableStatements = (terms: readonly Term[]) =>
        neededVariables(terms, variables).map((i): Statement => ({ space: 'w', index: i, term: variables[i] }));
    // The right-hand side numerically: f and J from the model's own programs, J·sⱼ as sparse
    // products, plus the compiled non-zero entries of ∂f/∂pⱼ. Compiling J·sⱼ as terms gave one
    // straight-line function of P·nnz(J) products, 11× the model's f and 2.4× slower than this.
    const fpTerms = fpEntries.map(e => e.term);
    const fpProgram = compile([...variableStatements(fpTerms), ...fpTerms.map((term, index): Statement => ({ space: 'o', index, term }))], 0);
    const fpIndex = Int32Array.from(fpEntries, e => e.at), fpValues = new Float64Array(fpEntries.length);
    const { rowStart, colIndex } = m.jacobian.pattern;
    const jacobianValues = new Float64Array(colIndex.length);
    const rhs: RightHandSide = (t, y, out) => {
        // Both read y and write out below n alone.
        m.rhs(t, y, out);
        m.jacobian.evaluate(t, y, jacobianValues);
        for (let j = 0; j < parameters.length; j++) {
            const offset = n * (1 + j);
            for (let i = 0; i < n; i++) {
                let d = 0;
                for (let q = rowStart[i]; q < rowStart[i + 1]; q++) d += jacobianValues[q] * y[offset + colIndex[q]];
                out[offset + i] = d;
            }
        }
        fpProgram(t, y, fpValues);
        for (let e = 0; e < fpIndex.length; e++) out[fpIndex[e]] += fpValues[e];
    };
    const code = jacobianCode(extended, variables, neededVariables(extended, variables));
    const evaluate = compile([...variableStatements(extended), ...code.statements], code.temporaries);

    const initial = m.derivatives(m.system.initialValues, 'p');
    const initialPartials = new Float64Array(initial.pattern.colIndex.length);
    return {
        stateNames: [...m.stateNames, ...parameters.flatMap(p => m.stateNames.map(s => `∂${s}/∂${p.name}.${p.property}`))],
        rhs,
        jacobian: { pattern: code.pattern, evaluate, blocks: 1 + parameters.length },
        forwardSensitivities: {
            states: n, rhs: m.rhs, jacobian: m.jacobian,
            parameterDerivatives(t, y, out) {
                out.fill(0);
                fpProgram(t, y, fpValues);
                for (let e = 0; e < fpIndex.length; e++) out[fpIndex[e] - n] += fpValues[e];
            }
        },
        initialState(x0) {
            const y = new Float64Array(n * (1 + parameters.length));
            y.set(x0);
            initial.evaluate(0, x0, initialPartials);
            const { rowStart, colIndex } = initial.pattern;
            parameters.forEach((p, j) => {
                for (let i = 0; i < n; i++) {
                    for (let q = rowStart[i]; q < rowStart[i + 1]; q++) if (colIndex[q] === p.slot) y[n * (1 + j) + i] = initialPartials[q];
                }
            });
            return y;
        }
    };
}
