/**
 * The cycles of a directed graph: its strongly connected components that contain a cycle
 * (more than one vertex, or one with an edge to itself). Tarjan's algorithm, iterative so
 * that a long chain of dependencies cannot overflow the stack.
 */
export function stronglyConnected<V>(vertices: V[], successors: (vertex: V) => V[]): V[][] {
    const index = new Map<V, number>();
    const low = new Map<V, number>();
    const onStack = new Set<V>();
    const stack: V[] = [];
    const cycles: V[][] = [];
    const edges = new Map<V, V[]>();
    const next = (v: V) => {
        let list = edges.get(v);
        if (!list) edges.set(v, list = successors(v));
        return list;
    };
    let counter = 0;
    for (const root of vertices) {
        if (index.has(root)) continue;
        const work: [V, number][] = [[root, 0]];
        index.set(root, counter); low.set(root, counter++); stack.push(root); onStack.add(root);
        while (work.length > 0) {
            const frame = work[work.length - 1];
            const [v, i] = frame;
            const out = next(v);
            if (i < out.length) {
                frame[1]++;
                const w = out[i];
                if (!index.has(w)) {
                    index.set(w, counter); low.set(w, counter++); stack.push(w); onStack.add(w);
                    work.push([w, 0]);
                } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
                continue;
            }
            work.pop();
            if (work.length > 0) {
                const parent = work[work.length - 1][0];
                low.set(parent, Math.min(low.get(parent)!, low.get(v)!));
            }
            if (low.get(v) !== index.get(v)) continue;
            const component: V[] = [];
            let w: V;
            do {
                w = stack.pop()!;
                onStack.delete(w);
                component.push(w);
            } while (w !== v);
            if (component.length > 1 || next(v).includes(v)) cycles.push(component.reverse());
        }
    }
    return cycles;
}
