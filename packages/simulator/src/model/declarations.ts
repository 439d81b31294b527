/** The model's flat namespace: every declared name and what it declares. */
import type {
    AssignmentRule, Compartment, FunctionDefinition, ModelIR, Modulator, Parameter, Process, Receptor, Species
} from '../ir.js';
import { ModelError } from './errors.js';

export type Declaration =
    | { kind: 'compartment'; decl: Compartment }
    | { kind: 'species'; decl: Species }
    | { kind: 'process'; decl: Process }
    | { kind: 'receptor'; decl: Receptor }
    | { kind: 'modulator'; decl: Modulator }
    | { kind: 'parameter'; decl: Parameter }
    | { kind: 'rule'; decl: AssignmentRule }
    | { kind: 'function'; decl: FunctionDefinition };

export function indexDeclarations(ir: ModelIR): Map<string, Declaration> {
    const index = new Map<string, Declaration>();
    const add = (d: Declaration) => {
        if (index.has(d.decl.name)) throw new ModelError(`'${d.decl.name}' is declared twice`, 'duplicate');
        index.set(d.decl.name, d);
    };
    ir.compartments.forEach(decl => add({ kind: 'compartment', decl }));
    ir.species.forEach(decl => add({ kind: 'species', decl }));
    ir.processes.forEach(decl => add({ kind: 'process', decl }));
    ir.receptors.forEach(decl => add({ kind: 'receptor', decl }));
    ir.modulators.forEach(decl => add({ kind: 'modulator', decl }));
    ir.parameters.forEach(decl => add({ kind: 'parameter', decl }));
    ir.rules.forEach(decl => add({ kind: 'rule', decl }));
    ir.functions.forEach(decl => add({ kind: 'function', decl }));
    return index;
}

type DeclarationOf<K extends Declaration['kind']> = Extract<Declaration, { kind: K }>['decl'];

export function lookup<K extends Declaration['kind']>(
    index: ReadonlyMap<string, Declaration>, name: string, kind: K, role: string
): DeclarationOf<K> {
    const d = index.get(name);
    if (!d) throw new ModelError(`unknown name '${name}' (expected ${role})`, 'unresolved');
    if (d.kind !== kind) throw new ModelError(`'${name}' is a ${d.kind}, not ${role}`, 'wrong-kind');
    return d.decl as DeclarationOf<K>;
}
