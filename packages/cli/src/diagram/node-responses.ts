/**
 * One perturbation of a cascade, measured at every node that has a value (species,
 * receptor occupancy, modulator level), for colouring the diagram. Processes have no
 * observable, so they keep their neutral fill.
 */
import { runCascade, type CascadeOptions, type ModelIR, type Observable } from '@neurocascade/simulator';
import { UsageError } from '../usage.js';

export interface NodeResponses {
    cascade: string;
    cascadeTitle?: string;
    perturbation: string;
    target: string;
    at: 'steady' | number;
    /** log2(perturbed / base): ±Infinity when a node falls to 0 or rises from 0. */
    logFold: Map<string, number>;
}

function nodeObservables(model: ModelIR): Observable[] {
    return [
        ...model.species.map(s => ({ name: s.name, expression: { kind: 'name', name: s.name } as const, unit: s.unit })),
        ...model.receptors.map(r => ({ name: r.name, expression: { kind: 'member', name: r.name, member: 'occupancy' } as const, unit: '1' as const })),
        ...model.modulators.map(m => ({ name: m.name, expression: { kind: 'member', name: m.name, member: 'level' } as const, unit: m.unit }))
    ];
}

/** The perturbation named by its label or, when only one perturbs it, its target; the first by default. */
function choosePerturbation(labels: readonly { label: string; target: string }[], wanted: string | undefined, cascade: string): number {
    if (wanted === undefined) return 0;
    const byLabel = labels.findIndex(p => p.label === wanted);
    if (byLabel >= 0) return byLabel;
    const byTarget = labels.flatMap((p, i) => p.target === wanted ? [i] : []);
    if (byTarget.length === 1) return byTarget[0];
    throw new UsageError(`--perturbation: cascade ${cascade} has no single perturbation '${wanted}' (it has: ${labels.map(p => `'${p.label}'`).join(', ')})`);
}

export async function nodeResponses(model: ModelIR, name: string, wanted: string | undefined, options: CascadeOptions): Promise<NodeResponses> {
    const cascade = model.cascades.find(c => c.name === name)!;
    const index = choosePerturbation(cascade.perturbations, wanted, name);
    const perturbation = cascade.perturbations[index];
    const single = { ...cascade, perturbations: [perturbation], measure: nodeObservables(model) };
    const result = await runCascade({ ...model, cascades: [single] }, name, options);
    const logFold = new Map<string, number>();
    for (const response of result.perturbations[0].responses) {
        const { base, perturbed } = response;
        if (base === perturbed) logFold.set(response.name, 0);
        else if (base > 0 && perturbed >= 0) logFold.set(response.name, Math.log2(perturbed / base));
        else if (base === 0 && perturbed > 0) logFold.set(response.name, Infinity);
    }
    return { cascade: name, cascadeTitle: cascade.title, perturbation: perturbation.label, target: perturbation.target, at: cascade.at, logFold };
}
