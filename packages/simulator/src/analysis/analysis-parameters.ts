/**
 * The numeric properties an analysis differentiates with respect to, with their current
 * values and base units. A property written as a number is one slot; one written as an
 * expression is weight·expr + offset, whose value moves with the offset (slots.ts).
 */
import type { ModelIR, PropertyRef } from '../ir.js';
import type { CompiledModel } from '../model/compiled-model.js';
import { ModelError } from '../model/errors.js';
import type { AddressableProperty } from '../model/slots.js';
import type { Term } from '../model/terms.js';
import { termValues, type StatePoint } from './conservation.js';

export interface AnalysisParameter {
    name: string;
    property: string;
    /** The substrate (km) or inhibitor/antagonist (ki) the property belongs to. */
    substrate?: string;
    value: number;
    unit: string;
    /** The slot whose derivative is the derivative with respect to the value. */
    slot: number;
    /** The value as a term: a property written as an expression may depend on the state. */
    term: Term;
}

/** The base unit of one property (the IR keeps values in base units, not the units themselves). */
export function propertyUnit(ir: ModelIR, target: string, property: string, sub: string): string {
    const speciesUnit = (name: string) => ir.species.find(s => s.name === name)?.unit ?? ir.parameters.find(p => p.name === name)?.unit ?? 'uM';
    const process = ir.processes.find(p => p.name === target);
    if (process) {
        const first = process.reactants[0]?.species ?? process.products[0]?.species ?? '';
        switch (property) {
            case 'vmax': return `${speciesUnit(first)}/min`;
            case 'km': case 'ki': return speciesUnit(sub.split(' ')[0] || first);
            case 'rate': return process.law.type === 'first-order' ? '/min' : `${speciesUnit(first)}/min`;
            default: return '1';
        }
    }
    const receptor = ir.receptors.find(r => r.name === target);
    if (receptor) return property === 'kd' ? speciesUnit(receptor.ligand) : property === 'ki' ? speciesUnit(sub) : '1';
    if (ir.species.some(s => s.name === target)) {
        return property === 'clearance' ? '/min' : property === 'supply' ? `${speciesUnit(target)}/min` : speciesUnit(target);
    }
    const modulator = ir.modulators.find(x => x.name === target);
    if (modulator) return modulator.unit;
    const parameter = ir.parameters.find(x => x.name === target);
    if (parameter) return parameter.unit;
    return property === 'volume' ? 'L' : '1';
}

/** A parameter as reported (without its slot and term, internal to the model). */
export type ReportedParameter = Omit<AnalysisParameter, 'slot' | 'term'>;
export const reportedParameter = ({ slot: _slot, term: _term, ...rest }: AnalysisParameter): ReportedParameter => rest;

/** Values are taken at `at` (the steady state): an expression-valued property may read the state. */
function describe(m: CompiledModel, properties: readonly AddressableProperty[], at?: StatePoint): AnalysisParameter[] {
    const values = termValues(m, properties.map(p => p.value), at);
    return properties.map((p, k) => ({
        name: p.target, property: p.property,
        ...(p.sub ? { substrate: p.sub } : {}),
        value: values[k], unit: propertyUnit(m.ir, p.target, p.property, p.sub),
        slot: p.slot.kind === 'literal' ? p.slot.index : p.slot.kind === 'expression' ? p.slot.offset : -1,
        term: p.value
    }));
}

/**
 * Every numeric property of every declaration (vmax, km, ki, kd, hill, density, supply,
 * clearance, level, volume, parameters). Left out: initial concentrations (they change no
 * steady state except through a conserved total) and `activity`, the control analysis' own.
 */
export function modelParameters(m: CompiledModel, at?: StatePoint): AnalysisParameter[] {
    return describe(m, m.system.properties.filter(p => p.slot.kind !== 'state' && p.property !== 'initial' && p.property !== 'activity'), at);
}

/** The parameters a property reference addresses (`ki` without an inhibitor: each one); none for a state. */
export function referencedParameters(m: CompiledModel, ref: PropertyRef, at?: StatePoint): AnalysisParameter[] {
    return describe(m, m.properties(ref).filter(p => p.slot.kind !== 'state'), at);
}

/** `E.vmax`, `k1` (a parameter's value), `E.km.Trp` (a km of one substrate). */
export function namedParameters(m: CompiledModel, names: readonly string[], at?: StatePoint): AnalysisParameter[] {
    return names.flatMap(text => {
        const [target, property, ...sub] = text.split('.');
        const found = referencedParameters(m, { target, property: property ?? 'value', substrate: sub.length > 0 ? sub.join('.') : undefined }, at);
        if (found.length === 0) throw new ModelError(`'${text}' is a state, not a parameter: its steady value is a result`, 'wrong-kind');
        return found;
    });
}

/** The `activity` of each process: the parameter a control coefficient is the response to. */
export function activityParameters(m: CompiledModel, at?: StatePoint): AnalysisParameter[] {
    return describe(m, m.ir.processes.map(p => m.properties({ target: p.name, property: 'activity' })[0]), at);
}

/** The supply or clearance of each species that has a balance. */
export function exchangeParameters(m: CompiledModel, property: 'supply' | 'clearance', at?: StatePoint): AnalysisParameter[] {
    return describe(m, m.system.exchanges.map(x => m.properties({ target: x.species, property })[0]), at);
}
