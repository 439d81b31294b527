import type { SparsityPattern } from '../problem.js';
import { SparseLU } from './sparse-lu.js';

/** What a stepper needs of the factorisation of M = shift·I + scale·A. */
export interface IterationMatrixSolver {
    /** Factors shift·I + scale·A for A's values (ordered as the pattern); false if singular. */
    factor(a: Float64Array, shift: number, scale: number): boolean;
    /** Solves M x = b (x and b may be the same array). */
    solve(b: Float64Array, x: Float64Array): void;
}

/** The first diagonal block's pattern and the coupling entries below the diagonal blocks. */
interface BlockStructure {
    diagonal: SparsityPattern;
    /** Per block k ≥ 1, entries couplingStart[k − 1]… of (row, column, position in A's values). */
    couplingStart: Int32Array;
    couplingRow: Int32Array;
    couplingColumn: Int32Array;
    couplingAt: Int32Array;
    /** Whether every coupling column lies in the first block (forward sensitivities). */
    fromFirstOnly: boolean;
}

/** By pattern, as SparseLU's analyses are: the first block's pattern object must stay one for its analysis to be reused. */
const structures = new WeakMap<SparsityPattern, BlockStructure>();

function structureOf(pattern: SparsityPattern, blocks: number): BlockStructure {
    let known = structures.get(pattern);
    if (known) return known;
    const { rowStart, colIndex } = pattern;
    const n = pattern.n / blocks;
    if (!Number.isInteger(n)) throw new RangeError(`${pattern.n} unknowns do not make ${blocks} equal blocks`);
    for (let p = 0; p < rowStart[n]; p++) {
        if (colIndex[p] >= n) throw new RangeError('the first block row of a block lower-triangular matrix reaches past its diagonal block');
    }
    const diagonal: SparsityPattern = { n, rowStart: rowStart.slice(0, n + 1), colIndex: colIndex.slice(0, rowStart[n]) };
    const couplingStart = [0], row: number[] = [], column: number[] = [], at: number[] = [];
    for (let k = 1; k < blocks; k++) {
        for (let i = k * n; i < (k + 1) * n; i++) {
            for (let p = rowStart[i]; p < rowStart[i + 1]; p++) {
                if (colIndex[p] >= (k + 1) * n) throw new RangeError('a block row reaches past its diagonal block: the matrix is not block lower-triangular');
                if (colIndex[p] < k * n) { row.push(i); column.push(colIndex[p]); at.push(p); }
            }
        }
        couplingStart.push(row.length);
    }
    known = {
        diagonal, couplingStart: Int32Array.from(couplingStart),
        couplingRow: Int32Array.from(row), couplingColumn: Int32Array.from(column), couplingAt: Int32Array.from(at),
        fromFirstOnly: column.every(c => c < n)
    };
    structures.set(pattern, known);
    return known;
}

/**
 * M = shift·I + scale·A for A block lower-triangular with `blocks` equal blocks whose
 * diagonal blocks are all equal to the first — the Jacobian of a state extended by its
 * forward sensitivities, [[J, 0], [Bⱼ, J]]. Only the first diagonal block is factored; a
 * solve is block forward substitution, M₀·xₖ = bₖ − scale·Σ Aₖc·x_c, one solve with that
 * factorisation per block. Exact (the LU of the whole matrix, not an approximation), at the
 * cost of one n × n factorisation instead of one of the extended matrix. The diagonal blocks
 * below the first are taken as equal to it and not read.
 */
export class BlockTriangularLU implements IterationMatrixSolver {
    private readonly first: SparseLU;
    private readonly structure: BlockStructure;
    private readonly n: number;
    /** scale·A on the coupling entries, taken at each factorisation (a step's stages all solve with it). */
    private readonly coupling: Float64Array;

    constructor(pattern: SparsityPattern, private readonly blocks: number) {
        this.structure = structureOf(pattern, blocks);
        this.n = this.structure.diagonal.n;
        this.first = new SparseLU(this.structure.diagonal);
        this.coupling = new Float64Array(this.structure.couplingAt.length);
    }

    factor(a: Float64Array, shift: number, scale: number): boolean {
        const { couplingAt } = this.structure;
        for (let e = 0; e < couplingAt.length; e++) this.coupling[e] = scale * a[couplingAt[e]];
        return this.first.factor(a.subarray(0, this.structure.diagonal.colIndex.length), shift, scale);
    }

    solve(b: Float64Array, x: Float64Array): void {
        const { n, blocks, coupling, first } = this;
        const { couplingStart, couplingRow, couplingColumn } = this.structure;
        if (x !== b) x.set(b);
        first.solve(x, x);
        if (this.structure.fromFirstOnly) {
            // Every right-hand side is known once the first block is solved: the others are
            // solved together, in one pass over the factors.
            for (let e = 0; e < coupling.length; e++) x[couplingRow[e]] -= coupling[e] * x[couplingColumn[e]];
            first.solveMany(x, n, blocks - 1);
            return;
        }
        for (let k = 1; k < blocks; k++) {
            for (let e = couplingStart[k - 1]; e < couplingStart[k]; e++) x[couplingRow[e]] -= coupling[e] * x[couplingColumn[e]];
            first.solve(x, x, k * n);
        }
    }
}

/** The factorisation of a stiff method's iteration matrix: block by block where the Jacobian declares blocks. */
export function iterationMatrixSolver(pattern: SparsityPattern, blocks = 1): IterationMatrixSolver {
    return blocks > 1 ? new BlockTriangularLU(pattern, blocks) : new SparseLU(pattern);
}
