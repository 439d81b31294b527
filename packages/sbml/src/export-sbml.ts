import type { Action, Expr, ModelEvent, ModelIR } from '@neurocascade/simulator';
import { expandBuiltin } from './cascade-builtins.js';
import { binary, evaluateConstant, name, namesIn, num } from './expression-building.js';
import { lambdaElement, mathElement } from './mathml-writer.js';
import { fluxUnit, processProperties, receptorProperties } from './kinetic-properties.js';
import { ProcessLaws } from './process-laws.js';
import { unitDefinition } from './sbml-units.js';
import { listOf, node, printXml, type XmlNode } from './xml-writer.js';

const SBML_NAMESPACE = 'http://www.sbml.org/sbml/level3/version2/core';

/** A model construct SBML export cannot express, named by its declaration. */
export class SbmlExportError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'SbmlExportError';
    }
}

/**
 * The model as SBML Level 3 Version 2. Kinetic properties, levels, supplies and clearances become
 * global parameters (`TPH2_vmax`, `Cortisol_level`), receptor occupancy and activation assignment
 * rules, supply and clearance reactions of their own; every rate law is written out in MathML.
 * Scenarios and cascades have no SBML counterpart and are left out.
 */
export function exportSbml(model: ModelIR): string {
    return printXml(new SbmlExporter(model).document());
}

/** The SBML document and the ids in it that tables beside it (PEtab's) refer to. */
export interface SbmlExportWithIds {
    xml: string;
    /** The SBML id of each quantity in `observed`, in order. */
    observedIds: string[];
    /** The SBML id holding a property (`TH` `vmax` → `TH_vmax`, `DAT` `km` `DA` → `DAT_km_DA`); undefined when the export has none. */
    propertyId(declaration: string, property: string, key?: string): string | undefined;
    /** The number a compartment, species or constant parameter starts at; undefined when an initial assignment computes it. */
    valueOf(id: string): number | undefined;
}

/**
 * `exportSbml`, also naming the SBML ids of the `observed` quantities (species, parameters, rules
 * and members such as `E.rate`, which then get a parameter of their own) and of every property.
 * Each process in `activities` gets a parameter `<process>_activity` (1) multiplying its flux.
 */
export function exportSbmlWithIds(model: ModelIR, observed: readonly Expr[], activities: ReadonlySet<string> = new Set()): SbmlExportWithIds {
    const exporter = new SbmlExporter(model, activities);
    const observedIds = observed.map(expr => exporter.observedId(expr));
    const xml = printXml(exporter.document());
    return {
        xml, observedIds,
        propertyId: (declaration, property, key) => exporter.existingPropertyId(declaration, property, key),
        valueOf: id => exporter.values.get(id)
    };
}

class SbmlExporter {
    private readonly taken = new Set<string>();
    /** Ids already written as parameters (a property reached twice is declared once). */
    private readonly declared = new Set<string>();
    private readonly properties = new Map<string, string>();
    /** The constant starting value of each compartment, species and parameter that has one. */
    readonly values = new Map<string, number>();
    private readonly parameters: XmlNode[] = [];
    private readonly rules: XmlNode[] = [];
    private readonly initialAssignments: XmlNode[] = [];
    private readonly reactions: XmlNode[] = [];
    private readonly units = new Map<string, XmlNode>();
    private readonly changing: Set<string>;
    private readonly laws: ProcessLaws;

    constructor(private readonly model: ModelIR, activities: ReadonlySet<string> = new Set()) {
        for (const list of [model.compartments, model.species, model.processes, model.receptors, model.modulators, model.parameters, model.functions, model.rules]) {
            for (const item of list) this.taken.add(item.name);
        }
        this.changing = new Set([...model.rateRules.map(r => r.target), ...model.events.flatMap(e => e.actions.map(targetOf))]);
        this.laws = new ProcessLaws(model, (declaration, property, key) => name(this.propertyId(declaration, property, key)), r => name(this.member(r, 'occupancy')),
            process => {
                if (!activities.has(process)) return [];
                const id = this.propertyId(process, 'activity');
                this.quantity(id, num(1), '1');
                return [name(id)];
            });
    }

    document(): XmlNode {
        const m = this.model;
        const unit = (u: string) => this.unit(u);
        const compartments = m.compartments.map(c => node('compartment', {
            id: c.name, name: c.title, spatialDimensions: 3, constant: true, units: unit('L'), size: this.constantOr(c.name, c.volume)
        }));
        const species = m.species.map(s => node('species', {
            id: s.name, name: s.title, compartment: s.compartment, initialConcentration: this.constantOr(s.name, s.initial),
            substanceUnits: unit(s.unit === 'g/L' ? 'g' : s.unit === '1' ? '1' : 'umol'), hasOnlySubstanceUnits: false,
            boundaryCondition: s.fixed || m.rateRules.some(r => r.target === s.name), constant: false
        }));
        for (const p of m.parameters) this.parameter(p.name, p.value, p.unit, p.title);
        for (const r of m.rules) this.quantity(r.name, r.expression, r.unit, true);
        for (const r of m.rateRules) {
            this.rules.push(node('rateRule', { variable: r.target }, this.math(r.expression)));
        }
        for (const a of m.initialAssignments) this.initialAssignments.push(node('initialAssignment', { symbol: a.target }, this.math(a.expression)));
        for (const mod of m.modulators) this.quantity(this.propertyId(mod.name, 'level'), mod.level, mod.unit);
        for (const r of m.receptors) {
            for (const { property, value, key, unit } of receptorProperties(this.model, r)) this.quantity(this.propertyId(r.name, property, key), value, unit);
            this.quantity(this.member(r.name, 'occupancy'), this.laws.occupancy(r), '1', true);
            this.quantity(this.member(r.name, 'activation'), this.laws.activation(r), '1', true);
        }
        for (const p of m.processes) this.process(p);
        for (const s of m.species) this.supplyAndClearance(s);
        const events = m.events.map((e, i) => this.event(e, i));
        const functions = m.functions.map(f => node('functionDefinition', { id: f.name }, lambdaElement(f.parameters, this.math(f.body))));
        const timeUnit = unit('min');
        return node('sbml', { xmlns: SBML_NAMESPACE, level: 3, version: 2 },
            node('model', {
                id: m.name, name: m.title, timeUnits: timeUnit, substanceUnits: unit('umol'), extentUnits: unit('umol'), volumeUnits: unit('L')
            },
            listOf('listOfFunctionDefinitions', functions),
            listOf('listOfUnitDefinitions', [...this.units.values()]),
            listOf('listOfCompartments', compartments),
            listOf('listOfSpecies', species),
            listOf('listOfParameters', this.parameters),
            listOf('listOfInitialAssignments', this.initialAssignments),
            listOf('listOfRules', this.rules),
            listOf('listOfReactions', this.reactions),
            listOf('listOfEvents', events)));
    }

    /** The id of a quantity read by a table beside the document: a name, or a member (`R.occupancy`, `E.rate`) made a parameter. */
    observedId(expr: Expr): string {
        if (expr.kind === 'name') return expr.name;
        if (expr.kind === 'member') return this.memberId(expr.name, expr.member);
        if (expr.kind === 'balance') return this.balance();
        throw new SbmlExportError('only a name or a member (such as R.occupancy) can be observed in the exported tables');
    }

    existingPropertyId(declaration: string, property: string, key?: string): string | undefined {
        const id = this.properties.get([declaration, property, key].filter(Boolean).join('_'));
        return id !== undefined && this.declared.has(id) ? id : undefined;
    }

    /** The SBML id of a unit definition (added on first use); undefined for unchecked models and unknown units. */
    private unit(unit: string): string | undefined {
        if (!this.model.unitsChecked) return undefined;
        const definition = unitDefinition(unit);
        if (!definition) return undefined;
        this.units.set(definition.id, definition.element);
        return definition.id;
    }

    private fresh(base: string): string {
        let id = base;
        while (this.taken.has(id)) id += '_';
        this.taken.add(id);
        return id;
    }

    private member(declaration: string, member: string): string {
        return this.propertyId(declaration, member);
    }

    /** The id an expression's `X.member` reads; a process's `rate` becomes a parameter computed from its flux when first read. */
    private memberId(declaration: string, member: string): string {
        const id = this.member(declaration, member);
        const process = member === 'rate' ? this.model.processes.find(p => p.name === declaration) : undefined;
        if (process) this.quantity(id, this.laws.flux(process), fluxUnit(this.model, process), true);
        return id;
    }

    private propertyId(declaration: string, property: string, key?: string): string {
        const label = [declaration, property, key].filter(Boolean).join('_');
        let id = this.properties.get(label);
        if (id === undefined) {
            id = this.fresh(label);
            this.properties.set(label, id);
        }
        return id;
    }

    /** Number value for an attribute when constant; otherwise an initial assignment (and no attribute). */
    private constantOr(id: string, value: Expr): number | undefined {
        const constant = evaluateConstant(value);
        if (constant !== undefined) {
            this.values.set(id, constant);
            return constant;
        }
        this.initialAssignments.push(node('initialAssignment', { symbol: id }, this.math(value)));
        return undefined;
    }

    private parameter(id: string, value: Expr, unit: string, title?: string): void {
        this.parameters.push(node('parameter', {
            id, name: title, value: this.constantOr(id, value), units: this.unit(unit), constant: !this.changing.has(id)
        }));
    }

    /** A value kept constant when it is, and recomputed by an assignment rule when it is not (or `always`). */
    private quantity(id: string, value: Expr, unit: string, always = false): void {
        if (this.declared.has(id)) return;
        this.declared.add(id);
        if (!always && evaluateConstant(value) !== undefined) return this.parameter(id, value, unit);
        this.parameters.push(node('parameter', { id, units: this.unit(unit), constant: false }));
        this.rules.push(node('assignmentRule', { variable: id }, this.math(value)));
    }

    private process(p: ModelIR['processes'][number]): void {
        for (const { property, value, key, unit } of processProperties(this.model, p)) this.quantity(this.propertyId(p.name, property, key), value, unit);
        const references = (terms: { species: string; coefficient: number }[]) =>
            terms.map(t => node('speciesReference', { species: t.species, stoichiometry: t.coefficient, constant: true }));
        const law = p.law;
        if (law.type === 'carrier') {
            // One SBML reaction per line of the carrier, each with its share of the flux.
            law.routes.forEach((r, i) => this.reactions.push(this.reaction(this.fresh(`${p.name}_${r.reactants[0].species}`), p.title, p.compartment,
                references(r.reactants), references(r.products), this.laws.routeFlux(p, i))));
            return;
        }
        const reversible = law.type === 'mass-action' || (law.type === 'saturable' && law.reversible !== undefined);
        this.reactions.push(this.reaction(p.name, p.title, p.compartment, references(p.reactants), references(p.products), this.laws.flux(p), reversible));
    }

    private supplyAndClearance(s: ModelIR['species'][number]): void {
        if (s.fixed) return;
        const flows: ['supply' | 'clearance', Expr, string][] = [['supply', s.supply, 'uM/min'], ['clearance', s.clearance, '/min']];
        for (const [property, value, unit] of flows) {
            const factors = this.laws.effectFactor(s.name, property);
            if (evaluateConstant(value) === 0 && factors.length === 0) continue;
            const id = this.propertyId(s.name, property);
            this.quantity(id, value, unit);
            const rate = [name(id), ...factors, ...(property === 'clearance' ? [name(s.name)] : [])].reduce((a, b) => binary('*', a, b));
            const reference = [node('speciesReference', { species: s.name, stoichiometry: 1, constant: true })];
            this.reactions.push(property === 'supply'
                ? this.reaction(this.fresh(`${s.name}_supply_flow`), undefined, s.compartment, [], reference, rate)
                : this.reaction(this.fresh(`${s.name}_clearance_flow`), undefined, s.compartment, reference, [], rate));
        }
    }

    /** A reaction whose kinetic law (amount per time) is the flux (concentration per time) times the volume. */
    private reaction(id: string, title: string | undefined, compartment: string, reactants: XmlNode[], products: XmlNode[], flux: Expr, reversible = false): XmlNode {
        const law = binary('*', flux, name(compartment));
        const participants = new Set([...reactants, ...products].map(r => String(r.attributes.species)));
        const modifiers = [...namesIn(law)].filter(n => this.model.species.some(s => s.name === n) && !participants.has(n))
            .map(species => node('modifierSpeciesReference', { species }));
        return node('reaction', { id, name: title, reversible, compartment },
            listOf('listOfReactants', reactants), listOf('listOfProducts', products), listOf('listOfModifiers', modifiers),
            node('kineticLaw', {}, this.math(law)));
    }

    private event(e: ModelEvent, index: number): XmlNode {
        const trigger = e.trigger.kind === 'when' ? e.trigger.condition : binary('>=', { kind: 'time' }, num(e.trigger.time));
        return node('event', { id: this.fresh(`event_${index + 1}`), useValuesFromTriggerTime: true },
            node('trigger', { initialValue: e.trigger.kind === 'when', persistent: true }, this.math(trigger)),
            node('listOfEventAssignments', {}, ...e.actions.map(a => node('eventAssignment', { variable: targetOf(a) }, this.math(assignedValue(a))))));
    }

    private math(expr: Expr): XmlNode {
        return mathElement(expr, e => e.kind === 'name' ? e.name : e.kind === 'member' ? this.memberId(e.name, e.member) : this.balance(), expandBuiltin);
    }

    private balance(): string {
        const id = this.properties.get('balance');
        if (id !== undefined) return id;
        const total = (effect: string) => this.model.receptors.filter(r => r.effect === effect)
            .map(r => name(this.member(r.name, 'activation'))).reduce((a, b) => binary('+', a, b), num(0));
        const balance = this.fresh('balance');
        this.properties.set('balance', balance);
        this.quantity(balance, binary('/', total('excitatory'), total('inhibitory')), '1', true);
        return balance;
    }
}

/** The SBML variable a model event's action assigns (only `set` of a value and `dose` have one). */
function targetOf(action: Action): string {
    if (action.kind === 'dose') return action.species;
    if (action.kind === 'set' && (action.property === 'value' || action.property === '')) return action.target;
    const target = action.kind === 'infuse' ? action.species : action.target;
    throw new SbmlExportError(`a model event's '${action.kind} ${target}${'property' in action ? ` ${action.property}` : ''}' has no SBML counterpart`);
}

function assignedValue(action: Action): Expr {
    return action.kind === 'dose' ? binary('+', name(action.species), action.amount) : (action as { value: Expr }).value;
}
