import type { Expr, Inhibition, ModelIR, Process, Receptor } from '@neurocascade/simulator';

/** One numeric property the exporter writes as a parameter `<declaration>_<property>[_<key>]`. */
export interface KineticProperty { property: string; value: Expr; key?: string; unit: string }

/** The concentration unit of a species ('uM', or 'g/L' for mass concentrations). */
function concentrationUnit(model: ModelIR, species: string): string {
    return model.species.find(s => s.name === species)?.unit ?? 'uM';
}

/** A process's flux v: concentration (of its first reactant, or product) per minute. */
export function fluxUnit(model: ModelIR, p: Process): string {
    return `${concentrationUnit(model, (p.reactants[0] ?? p.products[0])?.species ?? '')}/min`;
}

/** vmax, km per substrate and cofactor, ki per inhibitor, substrate inhibition, first-order rate. */
export function processProperties(model: ModelIR, p: Process): KineticProperty[] {
    const law = p.law;
    const c = (species: string) => concentrationUnit(model, species);
    const inhibitors = (list: Inhibition[]) => list.map(i => ({ property: 'ki', value: i.ki, key: i.inhibitor, unit: c(i.inhibitor) }));
    switch (law.type) {
        case 'saturable': {
            const first = c(law.substrates[0]?.species ?? '');
            return [
                { property: 'vmax', value: law.vmax, unit: `${first}/min` },
                ...[...law.substrates, ...law.cofactors].map(s => ({ property: 'km', value: s.km, key: s.species, unit: c(s.species) })),
                ...inhibitors(law.inhibitors),
                ...(law.substrateInhibitionKi ? [{ property: 'ki', value: law.substrateInhibitionKi, key: 'substrate_inhibition', unit: first }] : []),
                ...(law.hill ? [{ property: 'hill', value: law.hill, unit: '1' }] : []),
                ...(law.reversible ? [{ property: 'keq', value: law.reversible.keq, unit: '1' }] : []),
                ...(law.reversible?.kmProduct ? [{ property: 'km_product', value: law.reversible.kmProduct, key: law.reversible.product, unit: c(law.reversible.product) }] : [])
            ];
        }
        case 'first-order': return [{ property: 'rate', value: law.rate, unit: '/min' }, ...inhibitors(law.inhibitors)];
        case 'expression': return [];
        case 'carrier': return [
            ...law.routes.flatMap(r => {
                const S = r.reactants[0].species;
                return [{ property: 'vmax', value: r.vmax, key: S, unit: `${c(S)}/min` }, { property: 'km', value: r.km, key: S, unit: c(S) }];
            }),
            ...inhibitors(law.inhibitors)
        ];
        case 'mass-action': {
            // k·Π Xᵛ is a concentration per minute: k is in concentration^(1 − Σν) per minute.
            const constant = (terms: Process['reactants']) => {
                const order = terms.reduce((n, t) => n + t.coefficient, 0);
                const unit = c(terms[0]?.species ?? '');
                return order === 1 ? '/min' : `${unit}^${1 - order}/min`;
            };
            return [{ property: 'kf', value: law.kf, unit: constant(p.reactants) }, { property: 'kr', value: law.kr, unit: constant(p.products) }];
        }
    }
}

/** kd, hill, density and ki per antagonist. */
export function receptorProperties(model: ModelIR, r: Receptor): KineticProperty[] {
    return [
        { property: 'kd', value: r.kd, unit: concentrationUnit(model, r.ligand) },
        { property: 'hill', value: r.hill, unit: '1' },
        { property: 'density', value: r.density, unit: '1' },
        ...r.antagonists.map(a => ({ property: 'ki', value: a.ki, key: a.antagonist, unit: concentrationUnit(model, a.antagonist) }))
    ];
}
