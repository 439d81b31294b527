/**
 * A model compiled to JavaScript: the right-hand side and the analytic Jacobian as single
 * generated functions over typed arrays, plus programs for whatever else a run evaluates
 * (observables, event conditions, action values, initial values). The slots array is live:
 * actions write into it and every program reads it, so nothing is recompiled per run.
 */
import type { Expr, ModelIR, PropertyRef } from '../ir.js';
import type { ForwardSensitivities, JacobianFunction, RightHandSide, SparsityPattern } from '../solvers/problem.js';
import { buildProgram, programSource, type Program, type ProgramSource, type Statement } from './program.js';
import { EquationBuilder, type EquationSystem } from './equation-builder.js';
import { ModelError } from './errors.js';
import { jacobianCode } from './jacobian.js';
import { addressed } from './properties.js';
import type { AddressableProperty } from './slots.js';
import { children, pushChildren, type Term } from './terms.js';

export interface CompiledModel {
    readonly ir: ModelIR;
    readonly system: EquationSystem;
    readonly stateNames: readonly string[];
    /** Live slot values, read by every program. */
    readonly slots: Float64Array;
    /** Slot values as the model is written; `reset` restores them. */
    readonly baseSlots: Float64Array;
    readonly rhs: RightHandSide;
    readonly jacobian: { pattern: SparsityPattern; evaluate: JacobianFunction };
    /** Set on a model extended by its forward sensitivities (time-course sensitivities): how the solver may stagger them. */
    readonly forwardSensitivities?: ForwardSensitivities;
    /** Whether the right-hand side reads the time (time courses, `t`), with the `set`s now in force. */
    readonly dependsOnTime: boolean;
    /** Every distinct generated source, for inspection. */
    readonly sources: string[];
    reset(): void;
    /** A program writing `terms` (in order) into its output array. */
    program(terms: readonly Term[]): Program;
    resolve(e: Expr): Term;
    /** The value of an IR expression at (t, y); compiled once per expression object. */
    evaluate(e: Expr, t: number, y: Float64Array): number;
    /** Writes each state's initial value (before initial assignments) into `out`. */
    initialValues(y: Float64Array, out: Float64Array): void;
    /**
     * A program writing the sparse derivatives of `terms` with respect to the state (`y`) or
     * the slots (`p`) into its output, ordered as `pattern` (row k: terms[k]); compiled once
     * per term list.
     */
    derivatives(terms: readonly Term[], wrt: 'y' | 'p'): { pattern: SparsityPattern; evaluate: Program };
    /** The slots a property reference addresses (`km` without a substrate: the first; `ki` without one: all). */
    properties(ref: PropertyRef): AddressableProperty[];
}

/** The intermediates `terms` need, transitively, in dependency (= index) order. */
export function neededVariables(terms: readonly Term[], variables: readonly Term[]): number[] {
    const seen = new Uint8Array(variables.length);
    const stack = [...terms];
    while (stack.length > 0) {
        const t = stack.pop()!;
        if (t.k === 'ref' && t.space === 'w') {
            if (seen[t.i]) continue;
            seen[t.i] = 1;
            stack.push(variables[t.i]);
        } else {
            pushChildren(t, stack);
        }
    }
    const needed: number[] = [];
    seen.forEach((marked, i) => { if (marked) needed.push(i); });
    return needed;
}

/**
 * The derived parts of a compiled model, as plain data: the right-hand side's, the initial values'
 * and the Jacobian's program sources, and where the right-hand side reads the time. With the
 * equation system they are all a CompiledModel is made of (compiled-model-cache.ts keeps them on disk).
 */
export interface ModelPrograms {
    rhs: ProgramSource;
    initialValues: ProgramSource;
    jacobian: ProgramSource & { pattern: SparsityPattern; temporaries: number };
    /** Whether a derivative reads the time outside switched `set` values. */
    readsTimeAlways: boolean;
    /** The switches of the `set` values that read the time (the model depends on time while one is on). */
    timeSwitches: number[];
}

export function compileModel(ir: ModelIR): CompiledModel {
    const system = new EquationBuilder(ir).build();
    return assembleModel(system, modelPrograms(system));
}

const variableStatements = (needed: readonly number[], variables: readonly Term[]) =>
    needed.map((i): Statement => ({ space: 'w', index: i, term: variables[i] }));

/** The statements writing `terms` (in order) into a program's output, after the intermediates they need. */
function programStatements(terms: readonly Term[], variables: readonly Term[]): Statement[] {
    return [
        ...variableStatements(neededVariables(terms, variables), variables),
        ...terms.map((term, index): Statement => ({ space: 'o', index, term }))
    ];
}

/** The sparse derivatives of `terms` (see CompiledModel.derivatives) as a program's source. */
function derivativeSource(terms: readonly Term[], variables: readonly Term[], wrt: 'y' | 'p', diagonal: boolean) {
    const uses = neededVariables(terms, variables);
    const code = jacobianCode(terms, variables, uses, wrt, diagonal);
    return { ...programSource([...variableStatements(uses, variables), ...code.statements]), pattern: code.pattern, temporaries: code.temporaries };
}

export function modelPrograms(system: EquationSystem): ModelPrograms {
    const { variables, derivatives } = system;
    return {
        rhs: programSource(programStatements(derivatives, variables)),
        initialValues: programSource(programStatements(system.initialValues, variables)),
        jacobian: derivativeSource(derivatives, variables, 'y', true),
        ...timeDependence(system)
    };
}

function timeDependence(system: EquationSystem): Pick<ModelPrograms, 'readsTimeAlways' | 'timeSwitches'> {
    const { variables } = system;
    // A varying `set` value (p[switch]·value) reads the time only while its set is in force.
    const switches = new Set(system.properties.flatMap(p => p.slot.kind === 'expression' ? p.slot.replacements.map(r => r.switch) : []));
    const switchOf = (t: Term) => t.k === 'mul' && t.a.k === 'ref' && t.a.space === 'p' && switches.has(t.a.i) ? t.a.i : undefined;
    const timeSwitches = new Set<number>();
    const visited = new Set<Term>();
    /** Whether `t` reads the time outside switched values, noting the switches of those that do. */
    const readsTime = (t: Term): boolean => {
        if (visited.has(t)) return false;
        visited.add(t);
        const sw = switchOf(t);
        if (sw !== undefined) {
            if (readsTimeAnywhere(t)) timeSwitches.add(sw);
            return false;
        }
        if (t.k === 't') return true;
        if (t.k === 'ref' && t.space === 'w') return readsTime(variables[t.i]);
        // Every subterm is visited (no early exit), so every time-reading switch is noted.
        let reads = false;
        for (const u of children(t)) if (readsTime(u)) reads = true;
        return reads;
    };
    const readsTimeAnywhere = (t: Term): boolean =>
        t.k === 't' || (t.k === 'ref' && t.space === 'w' ? readsTimeAnywhere(variables[t.i]) : children(t).some(readsTimeAnywhere));
    const readsTimeAlways = system.derivatives.map(readsTime).some(Boolean);
    return { readsTimeAlways, timeSwitches: [...timeSwitches] };
}

/** A CompiledModel from its equation system and the programs derived from it (freshly or kept). */
export function assembleModel(system: EquationSystem, programs: ModelPrograms): CompiledModel {
    const { ir, variables } = system;
    const slots = Float64Array.from(system.slotValues);
    const baseSlots = slots.slice();
    const w = new Float64Array(variables.length);
    const sources: string[] = [];
    const distinctSources = new Set<string>();
    const build = (program: ProgramSource, g = new Float64Array(0)): Program => {
        if (!distinctSources.has(program.source)) {
            distinctSources.add(program.source);
            sources.push(program.source);
        }
        return buildProgram(program, slots, w, g);
    };
    const program = (terms: readonly Term[]) => build(programSource(programStatements(terms, variables)));
    const rhs = build(programs.rhs);
    const initialValues = build(programs.initialValues);
    const scalars = new WeakMap<Expr, Program>();
    const scalar = new Float64Array(1);
    const derivativeProgram = (code: ModelPrograms['jacobian']) => ({ pattern: code.pattern, evaluate: build(code, new Float64Array(code.temporaries)) });
    const jacobian = derivativeProgram(programs.jacobian);
    const yDerivatives = new WeakMap<readonly Term[], ReturnType<typeof derivativeProgram>>();
    const pDerivatives = new WeakMap<readonly Term[], ReturnType<typeof derivativeProgram>>();
    const byTarget = new Map<string, AddressableProperty[]>();
    for (const p of system.properties) byTarget.set(p.target, [...(byTarget.get(p.target) ?? []), p]);
    const { readsTimeAlways, timeSwitches } = programs;

    return {
        ir, system, stateNames: system.stateNames, slots, baseSlots, sources,
        get dependsOnTime() { return readsTimeAlways || timeSwitches.some(sw => slots[sw] !== 0); },
        rhs,
        jacobian,
        derivatives(terms, wrt) {
            // The same term list (the right-hand side, for every sensitivity run) is differentiated once.
            const cache = wrt === 'y' ? yDerivatives : pDerivatives;
            let known = cache.get(terms);
            if (!known) cache.set(terms, known = derivativeProgram(derivativeSource(terms, variables, wrt, false)));
            return known;
        },
        reset: () => slots.set(baseSlots),
        program,
        resolve: e => system.resolve(e),
        evaluate(e, t, y) {
            // Runs of a sweep, scan or fit build their actions' numbers afresh each run: compiling
            // each would cost a program per run and keep every source.
            if (e.kind === 'number') return e.value;
            let run = scalars.get(e);
            if (!run) scalars.set(e, run = program([system.resolve(e)]));
            run(t, y, scalar);
            return scalar[0];
        },
        initialValues: (y, out) => initialValues(0, y, out),
        properties(ref) {
            const chosen = addressed(byTarget.get(ref.target) ?? [], ref);
            if (chosen.length === 0) {
                const what = ref.substrate ? `${ref.property} ${ref.substrate}` : ref.property;
                throw new ModelError(`'${ref.target}' has no property '${what}' that can be changed`, 'wrong-kind');
            }
            return chosen;
        }
    };
}
