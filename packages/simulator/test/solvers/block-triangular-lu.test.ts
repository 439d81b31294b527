import { strict as assert } from 'node:assert';
import { BlockTriangularLU } from '../../src/solvers/linear/block-triangular-lu.js';
import { DenseLU } from '../../src/solvers/linear/dense-lu.js';
import { patternOf } from './problems.js';

/**
 * A forward-sensitivity Jacobian [[J, 0, 0], [B₁, J, 0], [B₂, 0, J]] for a 4-state J (a chain
 * with one long coupling), B₁ and B₂ different sparse blocks; values from a fixed sequence.
 * `general`: the third block row also couples to the second ([B₂, C, J]), which is solved
 * block after block rather than all blocks together.
 */
function extendedJacobian(general: boolean) {
    const n = 4, blocks = 3;
    const J = [[0, 1], [0, 1, 2], [1, 2, 3], [0, 2, 3]];
    const B = [[[0], [1, 3], [], [2]], [[1, 2], [], [0, 3], [3]]];
    const rows: number[][] = [...J];
    for (let k = 1; k < blocks; k++) {
        for (let i = 0; i < n; i++) rows.push([...B[k - 1][i], ...(general && k === 2 ? [n + (i + 1) % n] : []), ...J[i].map(j => k * n + j)]);
    }
    const pattern = patternOf(n * blocks, rows);
    const jValues = J.flat().map((_, p) => ((p * 37) % 11) / 5 - 1);
    const values: number[] = [...jValues];
    for (let k = 1; k < blocks; k++) {
        for (let i = 0; i < n; i++) {
            values.push(...B[k - 1][i].map((_, q) => 0.3 * (k + q) - 0.2 * i), ...(general && k === 2 ? [0.7 - 0.3 * i] : []));
            values.push(...J[i].map((_, q) => jValues[J.slice(0, i).flat().length + q]));
        }
    }
    return { n, blocks, pattern, values: Float64Array.from(values) };
}

describe('block lower-triangular LU (forward sensitivities)', () => {
    for (const general of [false, true]) it(`solves (shift·I + scale·A)x = b as dense LU of the whole matrix does, factoring the first block alone (${general ? 'blocks coupled to each other' : 'all coupled to the first'})`, () => {
        const { n, blocks, pattern, values } = extendedJacobian(general);
        const N = n * blocks, shift = 2.5, scale = -1;
        const dense = new DenseLU(N);
        for (let i = 0; i < N; i++) {
            dense.matrix[i * N + i] = shift;
            for (let p = pattern.rowStart[i]; p < pattern.rowStart[i + 1]; p++) dense.matrix[i * N + pattern.colIndex[p]] += scale * values[p];
        }
        assert.ok(dense.factor());
        const b = Float64Array.from({ length: N }, (_, i) => Math.sin(i + 1));
        const expected = Float64Array.from(b);
        dense.solveInPlace(expected);
        const lu = new BlockTriangularLU(pattern, blocks);
        assert.ok(lu.factor(values, shift, scale));
        const x = new Float64Array(N);
        lu.solve(b, x);
        x.forEach((v, i) => assert.ok(Math.abs(v - expected[i]) <= 1e-13 * (1 + Math.abs(expected[i])), `x[${i}] = ${v}, dense LU ${expected[i]}`));
        lu.solve(b, b);
        assert.deepEqual(b, x);
    });

    it('refuses a matrix that is not block lower-triangular', () => {
        const pattern = patternOf(4, [[0], [1, 3], [2], [3]]);
        assert.throws(() => new BlockTriangularLU(pattern, 2), /past its diagonal block/);
    });
});
