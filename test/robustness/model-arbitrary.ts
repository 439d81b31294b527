/**
 * Random valid models as IR (ir.ts): species in one or two compartments, every process kind,
 * receptors, modulators with time courses, effect clauses, parameters, rules, timed and
 * conditional events, and expects at steady. Values span many orders of magnitude and
 * reaction rates may be autocatalytic, so some models are stiff and some blow up.
 */
import fc from 'fast-check';
import type { Action, Effect, Expr, ModelEvent, ModelIR, Process, Receptor, Species } from '@neurocascade/simulator';

const num = (value: number): Expr => ({ kind: 'number', value });
const name = (n: string): Expr => ({ kind: 'name', name: n });

/** Positive magnitudes from 1e-4 to 1e4, log-uniform. */
const magnitude = fc.double({ min: -4, max: 4, noNaN: true }).map(e => 10 ** e);
const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const pick = <T>(list: readonly T[]) => fc.nat({ max: list.length - 1 }).map(i => list[i]);

/** Arithmetic over the model's names, including operations that can leave the reals (ln, sqrt, division). */
function expression(names: readonly string[]): fc.Arbitrary<Expr> {
    const leaf = fc.oneof(magnitude.map(num), pick(names).map(name), fc.constant<Expr>({ kind: 'time' }));
    return fc.letrec<{ e: Expr }>(tie => ({
        e: fc.oneof({ depthSize: 'small', withCrossShrink: true },
            leaf,
            fc.record({ kind: fc.constant('binary' as const), op: fc.constantFrom('+', '-', '*', '/', '^' as const), left: tie('e'), right: tie('e') }),
            fc.record({ kind: fc.constant('call' as const), fn: fc.constantFrom('exp', 'ln', 'sqrt', 'abs', 'sin'), args: fc.tuple(tie('e')).map(a => [...a]) }),
            fc.record({ kind: fc.constant('call' as const), fn: fc.constantFrom('hill', 'mm', 'min', 'max'), args: fc.tuple(tie('e'), tie('e'), tie('e')) })
                .map((c): Expr => ({ ...c, args: c.args.slice(0, c.fn === 'hill' ? 3 : 2) })))
    })).e;
}

const level = fc.oneof(
    magnitude.map(num),
    fc.tuple(magnitude, magnitude, magnitude, magnitude).map(([m, a, p, T]): Expr => ({ kind: 'call', fn: 'circadian', args: [num(m), num(a), num(p), num(T)] })),
    fc.tuple(magnitude, magnitude, magnitude, magnitude).map(([b, h, s, d]): Expr => ({ kind: 'call', fn: 'pulse', args: [num(b), num(h), num(s), num(d)] })),
    fc.tuple(magnitude, magnitude, magnitude).map(([b, c, s]): Expr => ({ kind: 'call', fn: 'step', args: [num(b), num(c), num(s)] }))
);

function process(index: number, speciesNames: string[], compartment: (s: string) => string, names: string[]): fc.Arbitrary<Process> {
    const term = fc.record({ species: pick(speciesNames), coefficient: fc.constantFrom(1, 1, 2, 0.5) });
    const inhibitors = fc.array(fc.record({ inhibitor: pick(speciesNames), ki: magnitude.map(num), mode: fc.constantFrom('competitive', 'noncompetitive', 'uncompetitive' as const) }), { maxLength: 2 });
    const base = (kind: Process['kind'], reactants: Process['reactants'], products: Process['products']) =>
        ({ name: `P${index}`, kind, reactants, products, compartment: compartment(reactants[0]?.species ?? speciesNames[0]) });
    return fc.oneof(
        fc.tuple(fc.array(term, { minLength: 1, maxLength: 2 }), fc.array(term, { maxLength: 2 }), magnitude, fc.array(magnitude, { minLength: 2, maxLength: 2 }),
            fc.option(fc.tuple(pick(speciesNames), magnitude)), inhibitors, fc.option(magnitude))
            .map(([reactants, products, vmax, kms, cofactor, inhibited, ksi]): Process => ({
                ...base('enzyme', reactants, products),
                law: {
                    type: 'saturable', vmax: num(vmax), substrates: reactants.map((r, k) => ({ species: r.species, km: num(kms[k]) })),
                    cofactors: cofactor ? [{ species: cofactor[0], km: num(cofactor[1]) }] : [], inhibitors: inhibited,
                    substrateInhibitionKi: ksi !== null && reactants.length === 1 ? num(ksi) : undefined
                }
            })),
        fc.tuple(pick(speciesNames), pick(speciesNames), magnitude, magnitude, inhibitors).map(([from, to, vmax, km, inhibited]): Process => ({
            ...base('transporter', [{ species: from, coefficient: 1 }], [{ species: to, coefficient: 1 }]),
            law: { type: 'saturable', vmax: num(vmax), substrates: [{ species: from, km: num(km) }], cofactors: [], inhibitors: inhibited }
        })),
        fc.tuple(pick(speciesNames), pick(speciesNames), magnitude).map(([from, to, rate]): Process => ({
            ...base('release', [{ species: from, coefficient: 1 }], [{ species: to, coefficient: 1 }]),
            law: { type: 'first-order', rate: num(rate), substrate: from, inhibitors: [] }
        })),
        fc.tuple(pick(speciesNames), pick(speciesNames), magnitude, magnitude, magnitude, fc.option(magnitude)).map(([from, to, vmax, km, keq, hill]): Process => ({
            ...base('enzyme', [{ species: from, coefficient: 1 }], [{ species: to, coefficient: 1 }]),
            law: {
                type: 'saturable', vmax: num(vmax), substrates: [{ species: from, km: num(km) }], cofactors: [], inhibitors: [],
                ...(hill === null ? { reversible: { product: to, keq: num(keq) } } : { hill: num(hill) })
            }
        })),
        fc.tuple(fc.array(term, { maxLength: 2 }), fc.array(term, { maxLength: 3 }), expression(names)).map(([reactants, products, rate]): Process => ({
            ...base('reaction', reactants, products), law: { type: 'expression', rate }
        })),
        fc.tuple(fc.array(term, { maxLength: 2 }), fc.array(term, { maxLength: 2 }), magnitude, magnitude).map(([reactants, products, kf, kr]): Process => ({
            ...base('reaction', reactants, products), law: { type: 'mass-action', kf: num(kf), kr: num(kr) }
        }))
    );
}

export const validModel: fc.Arbitrary<ModelIR> = fc.integer({ min: 1, max: 5 }).chain(count => {
    const speciesNames = Array.from({ length: count }, (_, i) => `S${i}`);
    const names = [...speciesNames, 'k'];
    const compartments = fc.tuple(magnitude, fc.boolean()).map(([volume, two]) =>
        two ? [{ name: 'c0', volume: num(volume * 1e-12) }, { name: 'c1', volume: num(1e-13) }] : [{ name: 'c0', volume: num(1) }]);
    const species = fc.array(fc.record({
        initial: fc.oneof(fc.constant(0), magnitude), supply: fc.oneof(fc.constant(0), magnitude), clearance: fc.oneof(fc.constant(0), magnitude),
        fixed: fc.integer({ min: 0, max: 9 }).map(n => n < 2), kind: fc.constantFrom('precursor', 'cofactor', 'intermediate', 'transmitter', 'metabolite' as const),
        tone: fc.constantFrom('excitatory', 'inhibitory', 'modulatory' as const), second: fc.boolean()
    }), { minLength: count, maxLength: count });
    return fc.tuple(compartments, species).chain(([comps, specs]) => {
        const compartmentOf = (s: string) => (comps.length > 1 && specs[Number(s.slice(1))]?.second ? 'c1' : 'c0');
        const receptor = (i: number) => fc.record({ ligand: pick(speciesNames), kd: magnitude, hill: fc.double({ min: 0.5, max: 4, noNaN: true }), density: fraction, effect: fc.constantFrom('excitatory', 'inhibitory', 'modulatory' as const) })
            .map((r): Receptor => ({ name: `R${i}`, ligand: r.ligand, kd: num(r.kd), hill: num(r.hill), density: num(r.density), effect: r.effect, antagonists: [] }));
        return fc.record({
            processes: fc.integer({ min: 0, max: 5 }).chain(n => fc.tuple(...Array.from({ length: n }, (_, i) => process(i, speciesNames, compartmentOf, names)))),
            receptors: fc.integer({ min: 0, max: 2 }).chain(n => fc.tuple(...Array.from({ length: n }, (_, i) => receptor(i)))),
            levels: fc.array(level, { maxLength: 2 }),
            k: magnitude,
            rule: expression(names),
            effects: fc.array(fc.record({ source: fc.nat(), target: fc.nat(), direction: fc.constantFrom('increases', 'decreases' as const), max: fraction, ec50: magnitude, hill: fc.double({ min: 0.5, max: 3, noNaN: true }) }), { maxLength: 3 }),
            duration: fc.double({ min: 1, max: 5000, noNaN: true }),
            points: fc.integer({ min: 5, max: 300 }),
            events: fc.array(fc.record({ at: fraction, species: pick(speciesNames), amount: magnitude, when: fc.boolean() }), { maxLength: 3 }),
            steady: fc.boolean()
        }).map((r): ModelIR => {
            const modulators = r.levels.map((l, i) => ({ name: `M${i}`, level: l, unit: '1' }));
            const targets: Pick<Effect, 'target' | 'property'>[] = [
                ...r.processes.map(p => ({ target: p.name, property: 'activity' as const })),
                ...r.receptors.map(p => ({ target: p.name, property: 'density' as const })),
                ...speciesNames.map(s => ({ target: s, property: 'supply' as const }))
            ];
            const sources: Effect['source'][] = [
                ...modulators.map(m => ({ kind: 'modulator' as const, name: m.name })),
                ...r.receptors.map(m => ({ kind: 'receptor' as const, name: m.name })),
                ...speciesNames.map(s => ({ kind: 'species' as const, name: s }))
            ];
            const effects = r.effects.map((e): Effect => ({
                source: sources[e.source % sources.length], ...targets[e.target % targets.length], direction: e.direction,
                max: num(e.max), ec50: num(e.ec50), hill: num(e.hill)
            }));
            const events = r.events.map((e): ModelEvent => {
                const action: Action = { kind: 'dose', species: e.species, amount: num(e.amount) };
                return e.when
                    ? { trigger: { kind: 'when', condition: { kind: 'binary', op: '>', left: name(e.species), right: num(e.amount) } }, actions: [action] }
                    : { trigger: { kind: 'at', time: e.at * r.duration }, actions: [action] };
            });
            const speciesList = specs.map((s, i): Species => ({
                name: speciesNames[i], kind: s.kind, compartment: compartmentOf(speciesNames[i]), initial: num(s.initial), supply: num(s.supply),
                clearance: num(s.clearance), fixed: s.fixed, tone: s.tone, unit: 'uM'
            }));
            return {
                name: 'Fuzz', unitsChecked: true, compartments: comps, species: speciesList, processes: r.processes, receptors: r.receptors,
                modulators, effects, parameters: [{ name: 'k', value: num(r.k), unit: '1' }], functions: [],
                rules: [{ name: 'r', expression: r.rule, unit: '1' }], rateRules: [], initialAssignments: [], events: [],
                scenarios: [{
                    name: 'Run', lineage: ['Run'], duration: r.duration, step: r.duration / r.points, actions: [], events,
                    observe: [...speciesNames, 'r'].map(n => ({ name: n, expression: name(n), unit: 'uM' })),
                    expects: r.steady ? [{ label: 'S0', readings: [{ expression: name('S0'), at: 'steady' }], value: { kind: 'name', name: '$0' }, low: 0, high: 1e9, unit: 'uM' }] : []
                }],
                cascades: []
            };
        });
    });
});
