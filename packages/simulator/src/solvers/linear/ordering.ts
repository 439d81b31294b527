import type { SparsityPattern } from '../problem.js';
import { MinHeap } from './min-heap.js';

/** Past this degree the remaining graph is a dense block, whose order no longer matters for fill. */
const DENSE_DEGREE = 64;

/**
 * Minimum-degree ordering of the symmetrised pattern (A + Aᵀ): eliminate, one at a time, the
 * vertex with the fewest neighbours in the elimination graph, which keeps the fill of an LU
 * without pivoting small (none at all on chains and trees of reactions). Returns
 * order[k] = the original index eliminated k-th. Once every remaining vertex has more than
 * DENSE_DEGREE neighbours the rest follows in index order, which bounds the cost.
 */
export function minimumDegreeOrdering(pattern: SparsityPattern): Int32Array {
    const n = pattern.n;
    const neighbours = Array.from({ length: n }, () => new Set<number>());
    for (let i = 0; i < n; i++) {
        for (let p = pattern.rowStart[i]; p < pattern.rowStart[i + 1]; p++) {
            const j = pattern.colIndex[p];
            if (j !== i) {
                neighbours[i].add(j);
                neighbours[j].add(i);
            }
        }
    }
    // Keys degree·n + vertex order by degree, ties by index; stale keys are skipped on pop.
    const heap = new MinHeap();
    for (let v = 0; v < n; v++) heap.push(neighbours[v].size * n + v);
    const eliminated = new Uint8Array(n);
    const order = new Int32Array(n);
    let k = 0;
    while (k < n) {
        const key = heap.pop();
        const v = key % n;
        if (eliminated[v] || Math.floor(key / n) !== neighbours[v].size) continue;
        if (neighbours[v].size > DENSE_DEGREE) {
            for (let u = 0; u < n; u++) if (!eliminated[u]) order[k++] = u;
            break;
        }
        eliminated[v] = 1;
        order[k++] = v;
        const clique = [...neighbours[v]];
        for (const u of clique) neighbours[u].delete(v);
        for (const u of clique) {
            for (const w of clique) if (w !== u) neighbours[u].add(w);
            heap.push(neighbours[u].size * n + u);
        }
        neighbours[v].clear();
    }
    return order;
}
