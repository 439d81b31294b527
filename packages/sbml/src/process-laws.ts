import type { CarrierRoute, Effect, EffectProperty, Expr, Inhibition, ModelIR, Process, RateLaw, Receptor, StoichiometricTerm } from '@neurocascade/simulator';
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
    /** `activity`: a process's own activity parameter, for the processes that have one (PEtab conditions set it). */
    constructor(private readonly model: ModelIR, private readonly property: PropertyId, private readonly occupancyOf: (receptor: string) => Expr,
        private readonly activity: (process: string) => Expr[] = () => []) {}

    /** v in concentration per time of the process's compartment. */
    flux(p: Process): Expr {
        const activity = this.effectFactor(p.name, 'activity');
        const law = p.law;
        const noncompetitive = (all: Inhibition[]) => this.dividedBy(p, all.filter(i => i.mode === 'noncompetitive'));
        switch (law.type) {
            case 'saturable': {
                const [first, ...rest] = law.substrates;
                return product([
                    this.property(p.name, 'vmax'), ...activity,
                    ...(first ? [this.firstSaturation(p, law, first.species)] : []),
                    ...rest.map(s => this.saturation(p, s.species, 'km')),
                    ...law.cofactors.map(c => this.saturation(p, c.species, 'km')),
                    ...noncompetitive(law.inhibitors)
                ]);
            }
            case 'first-order':
                return product([this.property(p.name, 'rate'), ...activity, name(law.substrate), ...this.dividedBy(p, law.inhibitors)]);
            case 'expression':
                return product([law.rate, ...activity]);
            case 'carrier':
                return sum(...law.routes.map((_, i) => this.routeFlux(p, i)));
            case 'mass-action': {
                const massAction = (terms: StoichiometricTerm[]) => product(terms.map(t => binary('^', name(t.species), num(t.coefficient))));
                const forward = binary('*', this.property(p.name, 'kf'), massAction(p.reactants));
                const backward = binary('*', this.property(p.name, 'kr'), massAction(p.products));
                return product([binary('-', forward, backward), ...activity]);
            }
        }
    }

    /** One line of a carrier: Vᵢ·A·(Sᵢ/Kᵢ) / ((1 + Σc) + Σⱼ (Sⱼ/Kⱼ)·(1 + Σu)) · Π_noncompetitive, as the simulator computes it. */
    routeFlux(p: Process, index: number): Expr {
        const law = p.law;
        if (law.type !== 'carrier') throw new Error(`'${p.name}' has no lines`);
        const load = (route: CarrierRoute) => binary('/', name(route.reactants[0].species), this.property(p.name, 'km', route.reactants[0].species));
        const loads = (mode: Inhibition['mode']) => law.inhibitors.filter(i => i.mode === mode).map(i => this.load(p, i));
        const occupied = sum(...law.routes.map(load));
        const uncompetitive = loads('uncompetitive');
        const denominator = binary('+', sum(ONE, ...loads('competitive')), uncompetitive.length === 0 ? occupied : binary('*', occupied, sum(ONE, ...uncompetitive)));
        const route = law.routes[index];
        return product([
            this.property(p.name, 'vmax', route.reactants[0].species), ...this.effectFactor(p.name, 'activity'),
            binary('/', load(route), denominator), ...this.dividedBy(p, law.inhibitors.filter(i => i.mode === 'noncompetitive'))
        ]);
    }

    /** The factors of every effect clause on `target`'s `property` (docs/reference.md#effect-clauses). */
    effectFactor(target: string, property: EffectProperty): Expr[] {
        const own = property === 'activity' ? this.activity(target) : [];
        return [...own, ...this.model.effects.filter(e => e.target === target && e.property === property).map(e => this.effect(e))];
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

    /**
     * Sⁿ / (Kmⁿ·(1 + Σc I/Ki) + Sⁿ·(1 + Σu I/Ki) + S²/Ksi), each part only when it applies; reversible,
     * (S − P/Keq)/Km / ((1 + Σc) + (S/Km + P/Kp)·(1 + Σu)).
     */
    private firstSaturation(p: Process, law: Extract<RateLaw, { type: 'saturable' }>, substrate: string): Expr {
        const S = name(substrate);
        const km = this.property(p.name, 'km', substrate);
        const loads = (mode: Inhibition['mode']) => law.inhibitors.filter(i => i.mode === mode).map(i => this.load(p, i));
        const scaled = (base: Expr, mode: Inhibition['mode']) => {
            const l = loads(mode);
            return l.length === 0 ? base : binary('*', base, sum(ONE, ...l));
        };
        if (law.reversible) {
            const P = name(law.reversible.product);
            const driving = binary('/', binary('-', S, binary('/', P, this.property(p.name, 'keq'))), km);
            const kp = law.reversible.kmProduct ? this.property(p.name, 'km_product', law.reversible.product) : km;
            const bound = binary('+', binary('/', S, km), binary('/', P, kp));
            return binary('/', driving, binary('+', scaled(ONE, 'competitive'), scaled(bound, 'uncompetitive')));
        }
        const power = (x: Expr) => law.hill ? binary('^', x, this.property(p.name, 'hill')) : x;
        const terms = [scaled(power(km), 'competitive'), scaled(power(S), 'uncompetitive')];
        if (law.substrateInhibitionKi) terms.push(binary('/', binary('^', S, num(2)), this.property(p.name, 'ki', 'substrate_inhibition')));
        return binary('/', power(S), sum(...terms));
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
