import type { OdeProblem, SparsityPattern } from '../../src/solvers/problem.js';

/** Row-compressed pattern from a list of (row, column) entries given row by row. */
export function patternOf(n: number, rows: number[][]): SparsityPattern {
    const rowStart = new Int32Array(n + 1);
    rows.forEach((columns, i) => { rowStart[i + 1] = rowStart[i] + columns.length; });
    return { n, rowStart, colIndex: Int32Array.from(rows.flat()) };
}

/** Robertson's chemical kinetics (Hairer & Wanner II, §IV.1), with its analytic Jacobian. */
export function robertson(tEnd: number, analyticJacobian = true): OdeProblem {
    const pattern = patternOf(3, [[0, 1, 2], [0, 1, 2], [1]]);
    return {
        t0: 0, tEnd, y0: Float64Array.of(1, 0, 0), names: ['y1', 'y2', 'y3'],
        rhs: (_t, y, d) => {
            d[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
            d[2] = 3e7 * y[1] * y[1];
            d[1] = -d[0] - d[2];
        },
        jacobian: analyticJacobian ? {
            pattern,
            evaluate: (_t, y, v) => {
                v[0] = -0.04; v[1] = 1e4 * y[2]; v[2] = 1e4 * y[1];
                v[3] = 0.04; v[4] = -1e4 * y[2] - 6e7 * y[1]; v[5] = -1e4 * y[1];
                v[6] = 6e7 * y[1];
            }
        } : undefined
    };
}

/** Van der Pol in Liénard time, ε = 1/μ² = 1e-6 (μ = 1000), y(0) = (2, 0): the VDPOL test problem. */
export function vanDerPol(tEnd: number): OdeProblem {
    const epsilon = 1e-6;
    return {
        t0: 0, tEnd, y0: Float64Array.of(2, 0), names: ['y1', 'y2'],
        rhs: (_t, y, d) => {
            d[0] = y[1];
            d[1] = ((1 - y[0] * y[0]) * y[1] - y[0]) / epsilon;
        },
        jacobian: {
            pattern: patternOf(2, [[1], [0, 1]]),
            evaluate: (_t, y, v) => {
                v[0] = 1;
                v[1] = (-2 * y[0] * y[1] - 1) / epsilon;
                v[2] = (1 - y[0] * y[0]) / epsilon;
            }
        }
    };
}
