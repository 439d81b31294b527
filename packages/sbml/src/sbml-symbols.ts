import type { Expr } from '@neurocascade/simulator';
import { binary, name, num } from './expression-building.js';
import { NameAllocator } from './identifiers.js';
import { readTyped, type MathContext } from './mathml-reader.js';
import { SbmlImportError } from './sbml-error.js';
import type { SbmlFunction, SbmlModel, SbmlSpecies } from './sbml-model.js';
import type { SbmlMappingEntry } from './sbml-mapping.js';
import type { XmlElement } from './xml-tree.js';
import { factorialBody } from './factorial-helper.js';

export interface TranslatedFunction { name: string; parameters: string[]; body: Expr; boolean: boolean }

/**
 * The model's symbol table: the Cascade name of every SBML id, and what a `<ci>` of each
 * stands for in Cascade (a species with hasOnlySubstanceUnits reads as concentration × volume).
 */
export class SbmlSymbols {
    readonly names = new NameAllocator();
    readonly entries = new Map<string, SbmlMappingEntry>();
    readonly functions = new Map<string, TranslatedFunction>();
    /** Reactions whose id is read in math: their flux becomes a rule. */
    readonly fluxesRead = new Map<string, string>();
    /** Helper functions the file must define, by name. */
    readonly helpers = new Map<string, TranslatedFunction>();
    private readonly stoichiometries = new Map<string, number>();
    private readonly species = new Map<string, SbmlSpecies>();
    private readonly translating = new Set<string>();

    constructor(private readonly model: SbmlModel) {
        const globals = [...model.functions, ...model.compartments, ...model.species, ...model.parameters, ...model.reactions];
        this.names.reserve(globals.map(g => g.id));
        const add = (id: string, kind: SbmlMappingEntry['kind'], isFunction = false) =>
            this.entries.set(id, { id, kind, name: this.names.allocate(id, { preReserved: true, isFunction }) });
        for (const f of model.functions) add(f.id, 'function', true);
        for (const c of model.compartments) add(c.id, 'compartment');
        for (const p of model.parameters) add(p.id, 'parameter');
        for (const r of model.reactions) add(r.id, 'reaction');
        for (const s of model.species) {
            add(s.id, 'species');
            const entry = this.entries.get(s.id)!;
            entry.compartment = this.compartmentName(s.compartment, s.element);
            entry.amount = model.assignmentRules.has(s.id) && s.hasOnlySubstanceUnits;
            this.species.set(s.id, s);
        }
        for (const r of model.reactions) {
            for (const ref of [...r.reactants, ...r.products]) if (ref.id) this.stoichiometries.set(ref.id, ref.stoichiometry);
        }
    }

    entry(id: string, at: XmlElement): SbmlMappingEntry {
        const entry = this.entries.get(id);
        if (!entry && this.stoichiometries.has(id)) {
            throw new SbmlImportError(at.path, `changing the stoichiometry '${id}' is not supported`, true);
        }
        if (!entry) throw new SbmlImportError(at.path, `'${id}' is not declared`);
        return entry;
    }

    compartmentName(id: string, at: XmlElement): string {
        const entry = this.entries.get(id);
        if (entry?.kind !== 'compartment') throw new SbmlImportError(at.path, `'${id}' is not a compartment`);
        return entry.name;
    }

    speciesNamed(id: string): SbmlSpecies | undefined {
        return this.species.get(id);
    }

    /** True for a species whose Cascade name holds a concentration while SBML math means its amount. */
    readsAsAmount(id: string): boolean {
        const species = this.species.get(id);
        return species !== undefined && species.hasOnlySubstanceUnits && !this.entries.get(id)!.amount;
    }

    /** Context for model-level math; `locals` maps a reaction's local parameter ids to Cascade names. */
    context(locals: ReadonlyMap<string, string> = new Map()): MathContext {
        return {
            resolve: (id, at) => {
                const local = locals.get(id);
                if (local !== undefined) return name(local);
                const stoichiometry = this.stoichiometries.get(id);
                if (stoichiometry !== undefined) return num(stoichiometry);
                const entry = this.entry(id, at);
                if (entry.kind === 'reaction') return name(this.flux(id));
                if (entry.kind === 'function') throw new SbmlImportError(at.path, `the function '${id}' is used as a value`);
                const value = name(entry.name);
                return this.readsAsAmount(id) ? binary('*', value, name(entry.compartment!)) : value;
            },
            functionNamed: id => this.translatedFunction(id),
            helper: helper => this.helper(helper)
        };
    }

    private flux(reaction: string): string {
        let flux = this.fluxesRead.get(reaction);
        if (flux === undefined) {
            flux = this.names.allocate(reaction, { base: `${this.entries.get(reaction)!.name}_flux`, why: `the flux of reaction ${reaction}` });
            this.fluxesRead.set(reaction, flux);
        }
        return flux;
    }

    /** Every function definition, translated (in document order). */
    translatedFunctions(): TranslatedFunction[] {
        return this.model.functions.map(f => this.functions.get(f.id) ?? this.translateFunction(f));
    }

    private translatedFunction(id: string): { name: string; arity: number; boolean: boolean } | undefined {
        const definition = this.model.functions.find(f => f.id === id);
        if (!definition) return undefined;
        const done = this.functions.get(id) ?? this.translateFunction(definition);
        return { name: done.name, arity: done.parameters.length, boolean: done.boolean };
    }

    private translateFunction(definition: SbmlFunction): TranslatedFunction {
        if (this.translating.has(definition.id)) throw new SbmlImportError(definition.element.path, `function '${definition.id}' calls itself`);
        this.translating.add(definition.id);
        const parameters = definition.parameters.map(p => this.names.allocate(p, { preReserved: true, why: `argument of ${definition.id}` }));
        const context: MathContext = {
            ...this.context(),
            resolve: (id, at) => {
                const index = definition.parameters.indexOf(id);
                if (index < 0) throw new SbmlImportError(at.path, `'${id}' is not an argument of function '${definition.id}'`);
                return name(parameters[index]);
            }
        };
        const body = readTyped(definition.body, context);
        const translated = { name: this.entries.get(definition.id)!.name, parameters, body: body.expr, boolean: body.boolean };
        this.functions.set(definition.id, translated);
        return translated;
    }

    private helper(helper: 'factorial'): string {
        const existing = this.helpers.get(helper);
        if (existing) return existing.name;
        const fn = this.names.allocate(helper, { isFunction: true, why: 'helper for MathML factorial' });
        const argument = this.names.allocate('n', { base: `${fn}_n`, why: 'argument of the factorial helper' });
        this.helpers.set(helper, { name: fn, parameters: [argument], body: factorialBody(name(argument)), boolean: false });
        return fn;
    }
}
