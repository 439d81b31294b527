/** Concise hand-built model IR for tests: defaults for everything a test does not care about. */
import type {
    Action, Cascade, Effect, Expectation, Inhibition, ModelEvent, ModelIR, Observable, Process, RateLaw, Receptor,
    Scenario, Species, StoichiometricTerm
} from '../../../src/ir.js';
import { ex, value } from './expression.js';

type Value = number | string;

/** `'2 A'` or `'A'` → a stoichiometric term. */
function term(text: string): StoichiometricTerm {
    const [a, b] = text.trim().split(/\s+/);
    return b === undefined ? { species: a, coefficient: 1 } : { species: b, coefficient: Number(a) };
}

/** `'A + 2 B -> C'` → reactants and products. */
function equation(text: string): { reactants: StoichiometricTerm[]; products: StoichiometricTerm[] } {
    const [left, right] = text.split('->').map(s => s.trim());
    const side = (s: string) => (s ? s.split('+').map(term) : []);
    return { reactants: side(left), products: side(right) };
}

export const inhibitor = (name: string, ki: Value, mode: Inhibition['mode'] = 'competitive'): Inhibition =>
    ({ inhibitor: name, ki: value(ki), mode });

export class ModelBuilder {
    readonly ir: ModelIR = {
        name: 'Test', unitsChecked: true, compartments: [{ name: 'default', volume: value(1) }], species: [],
        processes: [], receptors: [], modulators: [], effects: [], parameters: [], functions: [], rules: [],
        rateRules: [], initialAssignments: [], events: [], scenarios: [], cascades: []
    };

    compartment(name: string, volume: Value): this {
        this.ir.compartments = this.ir.compartments.filter(c => c.name !== 'default');
        this.ir.compartments.push({ name, volume: value(volume) });
        return this;
    }

    species(name: string, o: { initial?: Value; supply?: Value; clearance?: Value; fixed?: boolean; in?: string; tone?: Species['tone'] } = {}): this {
        this.ir.species.push({
            name, kind: 'intermediate', compartment: o.in ?? this.ir.compartments[0].name, initial: value(o.initial ?? 0),
            supply: value(o.supply ?? 0), clearance: value(o.clearance ?? 0), fixed: o.fixed ?? false,
            tone: o.tone ?? 'modulatory', unit: 'uM'
        });
        return this;
    }

    process(name: string, kind: Process['kind'], eq: string, law: RateLaw, compartment?: string): this {
        const { reactants, products } = equation(eq);
        const source = this.ir.species.find(s => s.name === reactants[0]?.species);
        this.ir.processes.push({
            name, kind, reactants, products, law,
            compartment: compartment ?? source?.compartment ?? this.ir.compartments[0].name
        });
        return this;
    }

    reaction(name: string, eq: string, rate: Value, compartment?: string): this {
        return this.process(name, 'reaction', eq, { type: 'expression', rate: value(rate) }, compartment);
    }

    enzyme(name: string, eq: string, o: {
        vmax: Value; km: Value[]; cofactors?: [string, Value][]; inhibitors?: Inhibition[]; ksi?: Value; hill?: Value;
        keq?: Value; kmProduct?: Value;
    }): this {
        const { reactants, products } = equation(eq);
        return this.process(name, 'enzyme', eq, {
            type: 'saturable', vmax: value(o.vmax),
            substrates: reactants.map((r, i) => ({ species: r.species, km: value(o.km[i]) })),
            cofactors: (o.cofactors ?? []).map(([species, km]) => ({ species, km: value(km) })),
            inhibitors: o.inhibitors ?? [], substrateInhibitionKi: o.ksi === undefined ? undefined : value(o.ksi),
            hill: o.hill === undefined ? undefined : value(o.hill),
            reversible: o.keq === undefined ? undefined
                : { product: products[0].species, keq: value(o.keq), kmProduct: value(o.kmProduct ?? o.km[0]) }
        });
    }

    transporter(name: string, eq: string, vmax: Value, km: Value, inhibitors: Inhibition[] = []): this {
        const substrate = equation(eq).reactants[0].species;
        return this.process(name, 'transporter', eq, { type: 'saturable', vmax: value(vmax), substrates: [{ species: substrate, km: value(km) }], cofactors: [], inhibitors });
    }

    /** A carrier: one `S -> P` line per route, each with its vmax and km. */
    carrier(name: string, lines: [string, Value, Value][], inhibitors: Inhibition[] = []): this {
        const routes = lines.map(([eq, vmax, km]) => ({ ...equation(eq), vmax: value(vmax), km: value(km) }));
        this.process(name, 'transporter', lines.map(l => l[0]).join(' + '), { type: 'carrier', routes, inhibitors });
        const p = this.ir.processes.at(-1)!;
        p.reactants = routes.flatMap(r => r.reactants);
        p.products = routes.flatMap(r => r.products);
        return this;
    }

    massAction(name: string, eq: string, kf: Value, kr: Value): this {
        return this.process(name, 'reaction', eq, { type: 'mass-action', kf: value(kf), kr: value(kr) });
    }

    release(name: string, eq: string, rate: Value, inhibitors: Inhibition[] = []): this {
        const substrate = equation(eq).reactants[0].species;
        return this.process(name, 'release', eq, { type: 'first-order', rate: value(rate), substrate, inhibitors });
    }

    receptor(name: string, ligand: string, o: { kd: Value; hill?: Value; density?: Value; effect?: Receptor['effect']; antagonists?: [string, Value][] }): this {
        this.ir.receptors.push({
            name, ligand, kd: value(o.kd), hill: value(o.hill ?? 1), density: value(o.density ?? 1),
            effect: o.effect ?? 'modulatory',
            antagonists: (o.antagonists ?? []).map(([antagonist, ki]) => ({ antagonist, ki: value(ki) }))
        });
        return this;
    }

    modulator(name: string, level: Value): this {
        this.ir.modulators.push({ name, level: value(level), unit: '1' });
        return this;
    }

    effect(source: Effect['source'], direction: Effect['direction'], target: string, property: Effect['property'], max: Value, ec50: Value, hill: Value = 1): this {
        this.ir.effects.push({ source, direction, target, property, max: value(max), ec50: value(ec50), hill: value(hill) });
        return this;
    }

    parameter(name: string, v: Value): this {
        this.ir.parameters.push({ name, value: value(v), unit: '1' });
        return this;
    }

    function(name: string, parameters: string[], body: string): this {
        this.ir.functions.push({ name, parameters, body: ex(body) });
        return this;
    }

    rule(name: string, expression: string): this {
        this.ir.rules.push({ name, expression: ex(expression), unit: '1' });
        return this;
    }

    rateRule(target: string, expression: string): this {
        this.ir.rateRules.push({ target, expression: ex(expression) });
        return this;
    }

    initial(target: string, expression: string): this {
        this.ir.initialAssignments.push({ target, expression: ex(expression) });
        return this;
    }

    scenario(name: string, duration: number, o: Partial<Omit<Scenario, 'name' | 'duration'>> = {}): this {
        this.ir.scenarios.push({
            name, lineage: [name], duration, step: o.step ?? duration / 200, observe: o.observe ?? [],
            expects: o.expects ?? [], actions: o.actions ?? [], events: o.events ?? []
        });
        return this;
    }

    cascade(c: Cascade): this {
        this.ir.cascades.push(c);
        return this;
    }

    build(): ModelIR {
        return structuredClone(this.ir);
    }
}

export const model = () => new ModelBuilder();

export const observe = (name: string, unit = 'uM'): Observable => ({ name, expression: ex(name), unit });

export const expectation = (subject: string, at: 'steady' | number, low: number, high: number, line = 1): Expectation =>
    ({ label: subject, readings: [{ expression: ex(subject), at: at }], value: { kind: 'name', name: '$0' }, low, high, unit: 'uM', source: { file: 'test.cascade', line, column: 1, endLine: line, endColumn: 2 } });

export const at = (time: number, ...actions: Action[]): ModelEvent => ({ trigger: { kind: 'at', time }, actions });
export const when = (condition: string, ...actions: Action[]): ModelEvent => ({ trigger: { kind: 'when', condition: ex(condition) }, actions });
export const set = (target: string, property: string, v: Value): Action => ({ kind: 'set', target, property, value: value(v) });
export const scale = (target: string, property: string, factor: Value): Action => ({ kind: 'scale', target, property, factor: value(factor) });
export const dose = (species: string, amount: Value): Action => ({ kind: 'dose', species, amount: value(amount) });
export const inhibit = (target: string, fraction: Value): Action => ({ kind: 'inhibit', target, fraction: value(fraction) });
