import type { Effect, EffectProperty, Expr, Inhibition, ModelIR, Process, Receptor } from '@neurocascade/simulator';
import { binary, name, num } from './expression-building.js';

/** The SBML id holding one property of a declaration (`TPH2` `km` `Tryptophan` → `TPH2_km_Tryptophan`). */
export type PropertyId = (declaration: string, property: string, key?: string) => Expr;

const ONE = num(1);
const sum = (...terms: Expr[]) => terms.reduce((a, b) => binary('+', a, b));
const product = (factors: Expr[]) => factors.length === 0 ? ONE : factors.reduce((a, b) => binary('*', a, b));

/**
 * The rate laws of docs/reference.md (enzymes to effect clauses) as IR expressions over the exported parameters, written the way
 * the simulator evaluates them (packages/simulator/src/model), so an exported model runs alike.
 */
export class ProcessLaws {
    constructor(private readonly model: ModelIR, private readonly property: PropertyId, private readonly occupancyOf: (receptor: string) => Expr) {}

    /** v in concentration per time of the process's compartment. */
    flux(p: Process): Expr {
        const activity = this.effectFactor(p.name, 'activity');
        const law = p.law;
        const noncompetitive = (all: Inhibition[]) => this.dividedBy(p, all.filter(i => i.mode === 'noncompetitive'));
        switch (law.type) {
            case 'enzyme': {
                const [first, ...rest] = law.substrates;
                const ksi = law.substrateInhibitionKi ? this.property(p.name, 'ki', 'substrate_inhibition') : undefined;
                return product([
                    this.property(p.name, 'vmax'), ...activity,
                    ...(first ? [this.firstSaturation(p, first.species, law.inhibitors, ksi)] : []),
                    ...rest.map(s => this.saturation(p, s.species, 'km')),
                    ...law.cofactors.map(c => this.saturation(p, c.species, 'km')),
                    ...noncompetitive(law.inhibitors)
                ]);
            }
            case 'michaelis-menten':
                return product([this.property(p.name, 'vmax'), ...activity, this.firstSaturation(p, law.substrate, law.inhibitors), ...noncompetitive(law.inhibitors)]);
            case 'first-order':
                return product([this.property(p.name, 'rate'), ...activity, name(law.substrate), ...this.dividedBy(p, law.inhibitors)]);
            case 'expression':
                return product([law.rate, ...activity]);
        }
    }

    /** The factors of every effect clause on `target`'s `property` (docs/reference.md#effect-clauses). */
    effectFactor(target: string, property: EffectProperty): Expr[] {
        return this.model.effects.filter(e => e.target === target && e.property === property).map(e => this.effect(e));
    }

    /** θ = (L/Kd)^n / (1 + (L/Kd)^n + Σ B/Ki). */
    occupancy(r: Receptor): Expr {
        const bound = binary('^', binary('/', name(r.ligand), this.property(r.name, 'kd')), this.property(r.name, 'hill'));
        const blocked = r.antagonists.map(a => binary('/', name(a.antagonist), this.property(r.name, 'ki', a.antagonist)));
        return binary('/', bound, sum(ONE, bound, ...blocked));
    }

    activation(r: Receptor): Expr {
        return product([this.property(r.name, 'density'), ...this.effectFactor(r.name, 'density'), this.occupancyOf(r.name)]);
    }

    private effect(e: Effect): Expr {
        const x = e.source.kind === 'modulator' ? this.property(e.source.name, 'level')
            : e.source.kind === 'receptor' ? this.occupancyOf(e.source.name) : name(e.source.name);
        const xn = binary('^', x, e.hill);
        const response = binary('*', e.max, binary('/', xn, binary('+', binary('^', e.ec50, e.hill), xn)));
        return binary(e.direction === 'increases' ? '+' : '-', ONE, response);
    }

    /** S / (Km·(1 + Σc I/Ki) + S·(1 + Σu I/Ki) + S²/Ksi), each part only when it applies. */
    private firstSaturation(p: Process, substrate: string, inhibitors: Inhibition[], ksi?: Expr): Expr {
        const S = name(substrate);
        const loads = (mode: Inhibition['mode']) => inhibitors.filter(i => i.mode === mode).map(i => this.load(p, i));
        const scaled = (base: Expr, mode: Inhibition['mode']) => {
            const l = loads(mode);
            return l.length === 0 ? base : binary('*', base, sum(ONE, ...l));
        };
        const terms = [scaled(this.property(p.name, 'km', substrate), 'competitive'), scaled(S, 'uncompetitive')];
        if (ksi) terms.push(binary('/', binary('^', S, num(2)), ksi));
        return binary('/', S, sum(...terms));
    }

    private saturation(p: Process, species: string, property: string): Expr {
        const S = name(species);
        return binary('/', S, binary('+', this.property(p.name, property, species), S));
    }

    private load(p: Process, i: Inhibition): Expr {
        return binary('/', name(i.inhibitor), this.property(p.name, 'ki', i.inhibitor));
    }

    private dividedBy(p: Process, which: Inhibition[]): Expr[] {
        return which.map(i => binary('/', ONE, binary('+', ONE, this.load(p, i))));
    }
}
