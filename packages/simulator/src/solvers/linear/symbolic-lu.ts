import type { SparsityPattern } from '../problem.js';
import { MinHeap } from './min-heap.js';
import { minimumDegreeOrdering } from './ordering.js';

/** The structure of L + U (row-compressed, columns ascending) for a fixed symmetric ordering. */
export interface LuStructure {
    n: number;
    /** order[k]: the original index in position k; inverse[i]: the position of original index i. */
    order: Int32Array;
    inverse: Int32Array;
    rowStart: Int32Array;
    colIndex: Int32Array;
    /** Position of each row's diagonal entry in colIndex. */
    diagonal: Int32Array;
    /** Position in L + U of each entry of the original pattern, in its order. */
    entryPosition: Int32Array;
}

/**
 * Symbolic LU of pattern ∪ diagonal under a minimum-degree ordering, without pivoting:
 * row i of L + U is its own pattern plus, for each k < i in it (in increasing order), the
 * upper part of row k. Done once; every numeric factorisation reuses it. Undefined when the
 * fill exceeds `maxFill` entries: dense LU then serves better.
 */
export function analyseLu(pattern: SparsityPattern, maxFill: number): LuStructure | undefined {
    const n = pattern.n;
    const order = minimumDegreeOrdering(pattern);
    const inverse = new Int32Array(n);
    for (let k = 0; k < n; k++) inverse[order[k]] = k;
    const rowStart = new Int32Array(n + 1);
    const diagonal = new Int32Array(n);
    const columns: number[] = [];
    const marker = new Int32Array(n).fill(-1);
    const heap = new MinHeap();
    for (let i = 0; i < n; i++) {
        const original = order[i];
        const upper: number[] = [];
        const visit = (j: number) => {
            if (marker[j] === i) return;
            marker[j] = i;
            if (j < i) heap.push(j); else upper.push(j);
        };
        visit(i);
        for (let p = pattern.rowStart[original]; p < pattern.rowStart[original + 1]; p++) visit(inverse[pattern.colIndex[p]]);
        rowStart[i] = columns.length;
        while (heap.size > 0) {
            const k = heap.pop();
            columns.push(k);
            for (let q = diagonal[k] + 1; q < rowStart[k + 1]; q++) visit(columns[q]);
        }
        diagonal[i] = columns.length;
        upper.sort((a, b) => a - b);
        for (const j of upper) columns.push(j);
        rowStart[i + 1] = columns.length;
        if (columns.length > maxFill) return undefined;
    }
    const colIndex = Int32Array.from(columns);
    const entryPosition = new Int32Array(pattern.colIndex.length);
    const position = new Int32Array(n);
    for (let original = 0; original < n; original++) {
        const i = inverse[original];
        for (let p = rowStart[i]; p < rowStart[i + 1]; p++) position[colIndex[p]] = p;
        for (let p = pattern.rowStart[original]; p < pattern.rowStart[original + 1]; p++) {
            entryPosition[p] = position[inverse[pattern.colIndex[p]]];
        }
    }
    return { n, order, inverse, rowStart, colIndex, diagonal, entryPosition };
}
