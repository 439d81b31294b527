import { strict as assert } from 'node:assert';
import { DenseLU } from '../../src/solvers/linear/dense-lu.js';
import { minimumDegreeOrdering } from '../../src/solvers/linear/ordering.js';
import { SparseLU } from '../../src/solvers/linear/sparse-lu.js';
import type { SparsityPattern } from '../../src/solvers/problem.js';
import { patternOf } from './problems.js';

/** Deterministic uniform numbers in [0, 1) (a linear congruential generator). */
function random(seed: number): () => number {
    let state = seed;
    return () => {
        state = (state * 1664525 + 1013904223) % 4294967296;
        return state / 4294967296;
    };
}

/** Like a reaction network's Jacobian: a chain (i ± 1) plus a few random long-range couplings per row. */
function randomSparse(n: number, perRow: number, next: () => number): { pattern: SparsityPattern; values: Float64Array } {
    const rows: number[][] = [];
    for (let i = 0; i < n; i++) {
        const columns = new Set<number>([i - 1, i + 1].filter((j) => j >= 0 && j < n));
        while (columns.size < perRow) columns.add(Math.floor(next() * n));
        rows.push([...columns].sort((a, b) => a - b));
    }
    const pattern = patternOf(n, rows);
    return { pattern, values: Float64Array.from(pattern.colIndex, () => next() * 2 - 1) };
}

/** x from dense LU with partial pivoting of shift·I + scale·A. */
function denseSolve(pattern: SparsityPattern, values: Float64Array, shift: number, scale: number, b: Float64Array): Float64Array {
    const n = pattern.n;
    const dense = new DenseLU(n);
    for (let i = 0; i < n; i++) {
        dense.matrix[i * n + i] = shift;
        for (let p = pattern.rowStart[i]; p < pattern.rowStart[i + 1]; p++) dense.matrix[i * n + pattern.colIndex[p]] += scale * values[p];
    }
    assert.ok(dense.factor());
    const x = Float64Array.from(b);
    dense.solveInPlace(x);
    return x;
}

function assertClose(actual: Float64Array, expected: Float64Array, tolerance: number): void {
    const scale = Math.max(...expected.map(Math.abs));
    actual.forEach((value, i) => assert.ok(Math.abs(value - expected[i]) <= tolerance * scale, `x[${i}] = ${value} vs ${expected[i]}`));
}

describe('sparse LU', () => {
    it('solves random sparse systems like dense LU with pivoting', () => {
        const next = random(12345);
        for (const [n, perRow, shift] of [[12, 10, 8], [20, 3, 2], [100, 3, 5], [300, 3, 1], [200, 4, 0.5]]) {
            const { pattern, values } = randomSparse(n, perRow, next);
            const lu = new SparseLU(pattern);
            assert.ok(lu.factor(values, shift, -1));
            assert.equal(lu.structure === undefined, perRow > n / 2, 'nearly full patterns go dense, sparse ones sparse however small');
            const b = Float64Array.from({ length: n }, () => next() - 0.5);
            const x = new Float64Array(n);
            lu.solve(b, x);
            assertClose(x, denseSolve(pattern, values, shift, -1, b), 1e-9);
        }
    });

    it('refactors new values on the same structure', () => {
        const next = random(7);
        const { pattern, values } = randomSparse(100, 3, next);
        const lu = new SparseLU(pattern);
        const b = Float64Array.from({ length: 100 }, () => next());
        for (const shift of [10, 3, 1.5]) {
            values.forEach((_, p) => { values[p] = next() - 0.5; });
            assert.ok(lu.factor(values, shift, -1));
            const x = new Float64Array(100);
            lu.solve(b, x);
            assertClose(x, denseSolve(pattern, values, shift, -1, b), 1e-9);
        }
    });

    it('falls back to partial pivoting when a fixed pivot vanishes', () => {
        // [[0, 1, 0], [1, 0, 1], [0, 1, 1]] has a zero first pivot in any diagonal order.
        const pattern = patternOf(3, [[1], [0, 2], [1, 2]]);
        const values = Float64Array.of(1, 1, 1, 1, 1);
        const lu = new SparseLU(pattern);
        assert.ok(lu.factor(values, 0, 1));
        assert.ok(lu.usedFallback);
        const b = Float64Array.of(1, 2, 3);
        const x = new Float64Array(3);
        lu.solve(b, x);
        assertClose(x, denseSolve(pattern, values, 0, 1, b), 1e-14);
    });

    it('reports a singular matrix', () => {
        const pattern = patternOf(2, [[0, 1], [0, 1]]);
        assert.equal(new SparseLU(pattern).factor(Float64Array.of(1, 2, 2, 4), 0, 1), false);
    });

    it('orders a reaction chain without fill', () => {
        // A tridiagonal chain, numbered in a scrambled order: minimum degree recovers a fill-free order.
        const n = 200;
        const label = Array.from({ length: n }, (_, i) => (i * 37) % n);
        const rows: number[][] = Array.from({ length: n }, () => []);
        for (let i = 0; i < n; i++) {
            for (const j of [i - 1, i, i + 1]) if (j >= 0 && j < n) rows[label[i]].push(label[j]);
        }
        rows.forEach((row) => row.sort((a, b) => a - b));
        const pattern = patternOf(n, rows);
        assert.equal(new SparseLU(pattern).nonZeros, pattern.colIndex.length);
        assert.deepEqual([...minimumDegreeOrdering(pattern)].sort((a, b) => a - b), Array.from({ length: n }, (_, i) => i));
    });

    it('orders a hub species (a cofactor in every reaction) last, without fill', () => {
        const n = 300;
        const rows = Array.from({ length: n }, (_, i) => (i === 0 ? Array.from({ length: n }, (_, j) => j) : [0, i]));
        const pattern = patternOf(n, rows);
        const lu = new SparseLU(pattern);
        assert.equal(lu.nonZeros, pattern.colIndex.length);
        // Row 0 (the hub) comes first in the pattern: its n entries, then each leaf's two.
        const values = Float64Array.from(pattern.colIndex, (j, p) => (p < n ? 0.1 : j === 0 ? 0.5 : -1));
        const b = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
        const x = new Float64Array(n);
        assert.ok(lu.factor(values, 2, -1));
        assert.equal(lu.usedFallback, false);
        lu.solve(b, x);
        assertClose(x, denseSolve(pattern, values, 2, -1, b), 1e-12);
    });
});
