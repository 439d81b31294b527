/**
 * The quantities an analysis reports: species, fluxes (`E.rate`), rules, receptor and
 * modulator members, and the scenario's observables, each as a resolved term.
 */
import type { Expr, Observable } from '../ir.js';
import type { CompiledModel } from '../model/compiled-model.js';
import { ModelError } from '../model/errors.js';
import type { Term } from '../model/terms.js';

export interface AnalysisQuantity {
    name: string;
    unit: string;
    term: Term;
}

function fluxUnit(m: CompiledModel, process: string): string {
    const p = m.ir.processes.find(x => x.name === process)!;
    const first = p.reactants[0]?.species ?? p.products[0]?.species;
    return `${m.ir.species.find(s => s.name === first)?.unit ?? 'uM'}/min`;
}

/** Every species, every flux, every rule, then the observables not already among them. */
export function modelQuantities(m: CompiledModel, observe: readonly Observable[] = []): AnalysisQuantity[] {
    const { ir } = m;
    const all: AnalysisQuantity[] = [
        ...ir.species.map(s => ({ name: s.name, unit: s.unit, term: m.resolve({ kind: 'name', name: s.name }) })),
        ...ir.processes.map((p, k) => ({ name: `${p.name}.rate`, unit: fluxUnit(m, p.name), term: m.system.fluxes[k] })),
        ...ir.rules.map(r => ({ name: r.name, unit: r.unit, term: m.resolve({ kind: 'name', name: r.name }) }))
    ];
    const known = new Set(all.map(q => q.name));
    return [...all, ...observe.filter(o => !known.has(o.name)).map(o => ({ name: o.name, unit: o.unit, term: m.resolve(o.expression) }))];
}

/** Quantities by name: a species, rule or parameter, `E.rate`, `R.occupancy`, `R.activation`, `M.level`. */
export function namedQuantities(m: CompiledModel, names: readonly string[]): AnalysisQuantity[] {
    const everything = modelQuantities(m);
    return names.map(name => {
        const known = everything.find(q => q.name === name);
        if (known) return known;
        const [target, member] = name.split('.');
        if (member === 'occupancy' || member === 'activation' || member === 'level') {
            const e: Expr = { kind: 'member', name: target, member };
            return { name, unit: member === 'level' ? m.ir.modulators.find(x => x.name === target)?.unit ?? '1' : '1', term: m.resolve(e) };
        }
        const parameter = m.ir.parameters.find(x => x.name === name);
        if (parameter) return { name, unit: parameter.unit, term: m.resolve({ kind: 'name', name }) };
        throw new ModelError(`'${name}' is no quantity of the model (a species, E.rate, a rule, R.occupancy, R.activation or M.level)`, 'unresolved');
    });
}
