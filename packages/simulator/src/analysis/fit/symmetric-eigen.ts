/**
 * Eigenvalues and eigenvectors of a small symmetric matrix by cyclic Jacobi rotations
 * (Golub and Van Loan, Matrix Computations, the cyclic Jacobi method): accurate for the few estimates of a fit.
 */
export function symmetricEigen(matrix: readonly (readonly number[])[]): { values: number[]; vectors: number[][] } {
    const n = matrix.length;
    const a = matrix.map(row => [...row]);
    const v = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (__, j): number => (i === j ? 1 : 0)));
    for (let sweep = 0; sweep < 100; sweep++) {
        let off = 0;
        for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p][q] * a[p][q];
        if (off <= 1e-30 * Math.max(1e-300, a.reduce((s, row, i) => s + row[i] * row[i], 0))) break;
        for (let p = 0; p < n; p++) {
            for (let q = p + 1; q < n; q++) {
                if (a[p][q] === 0) continue;
                const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                const c = 1 / Math.sqrt(t * t + 1), s = t * c;
                for (let k = 0; k < n; k++) {
                    const akp = a[k][p], akq = a[k][q];
                    a[k][p] = c * akp - s * akq;
                    a[k][q] = s * akp + c * akq;
                }
                for (let k = 0; k < n; k++) {
                    const apk = a[p][k], aqk = a[q][k];
                    a[p][k] = c * apk - s * aqk;
                    a[q][k] = s * apk + c * aqk;
                }
                for (let k = 0; k < n; k++) {
                    const vkp = v[k][p], vkq = v[k][q];
                    v[k][p] = c * vkp - s * vkq;
                    v[k][q] = s * vkp + c * vkq;
                }
            }
        }
    }
    const order = [...Array(n).keys()].sort((x, y) => a[y][y] - a[x][x]);
    return { values: order.map(i => a[i][i]), vectors: v.map(row => order.map(i => row[i])) };
}
