/**
 * The reaction network of a model as a graph, the one network model of the preview's cascade
 * view and `cascade diagram`: species, processes, receptors and modulators as nodes; flux,
 * binding, inhibition and effect clauses as edges, so the path from a perturbed factor down to
 * the receptors can be followed.
 */
import type { ModelIR, SpeciesKind } from '@neurocascade/simulator';

export type NetworkNodeKind = 'species' | 'process' | 'receptor' | 'modulator';
export type NetworkEdgeKind = 'flux' | 'binding' | 'increases' | 'decreases' | 'inhibition' | 'cofactor';

/** What a node is drawn as: a species by its kind, or the kind of the other nodes. */
export type NetworkNodeCategory = SpeciesKind | Exclude<NetworkNodeKind, 'species'>;

export interface NetworkGraph {
    /** `title`: the model's title of the node, if it has one. */
    nodes: { id: string; label: string; kind: NetworkNodeKind; category: NetworkNodeCategory; title?: string }[];
    edges: { source: string; target: string; kind: NetworkEdgeKind }[];
}

export function cascadeNetwork(model: ModelIR): NetworkGraph {
    const graph: NetworkGraph = { nodes: [], edges: [] };
    const known = new Set<string>();
    const node = (id: string, kind: NetworkNodeKind, title?: string, category: NetworkNodeCategory = kind as NetworkNodeCategory) => {
        known.add(id);
        graph.nodes.push({ id, label: title ? `${id} (${title})` : id, kind, category, ...(title ? { title } : {}) });
    };
    const edge = (source: string, target: string, kind: NetworkEdgeKind) => {
        if (known.has(source) && known.has(target)) graph.edges.push({ source, target, kind });
    };
    model.species.forEach(s => node(s.name, 'species', s.title, s.kind));
    model.processes.forEach(p => node(p.name, 'process', p.title));
    model.receptors.forEach(r => node(r.name, 'receptor', r.title));
    model.modulators.forEach(m => node(m.name, 'modulator', m.title));
    for (const process of model.processes) {
        process.reactants.forEach(term => edge(term.species, process.name, 'flux'));
        process.products.forEach(term => edge(process.name, term.species, 'flux'));
        const law = process.law;
        if ('inhibitors' in law) law.inhibitors.forEach(i => edge(i.inhibitor, process.name, 'inhibition'));
        if (law.type === 'saturable') law.cofactors.forEach(c => edge(c.species, process.name, 'cofactor'));
    }
    for (const receptor of model.receptors) {
        edge(receptor.ligand, receptor.name, 'binding');
        receptor.antagonists.forEach(a => edge(a.antagonist, receptor.name, 'inhibition'));
    }
    model.effects.forEach(e => edge(e.source.name, e.target, e.direction));
    return graph;
}
