/**
 * The analytic Jacobian of the equation system: sparse symbolic gradients of each
 * derivative through the intermediates (chain rule), the CSR sparsity pattern from the
 * structural dependencies (diagonal always present, for I − γJ), and the statements that
 * fill only the non-zeros.
 */
import type { SparsityPattern } from '../solvers/problem.js';
import { gradient, type Gradient } from './derivative.js';
import type { Statement } from './program.js';
import { ref, ZERO, type Space, type Term } from './terms.js';

export interface JacobianCode {
    pattern: SparsityPattern;
    /** Statements computing the temporaries g and the values o (after the intermediates). */
    statements: Statement[];
    temporaries: number;
}

const isSimple = (t: Term) => t.k === 'num' || t.k === 'ref' || t.k === 't';

/**
 * The Jacobian of `derivatives` with respect to the state, or (`wrt` = 'p') their sparse
 * derivatives with respect to the slots (rows the terms, columns slot indices). `diagonal`
 * keeps every (i, i) entry in the pattern, as the square Jacobian of the right-hand side needs.
 */
export function jacobianCode(
    derivatives: readonly Term[], variables: readonly Term[], needed: readonly number[], wrt: Space = 'y', diagonal = true
): JacobianCode {
    const variableGradients: Gradient[] = [];
    const temporaries: Term[] = [];
    const statements: Statement[] = [];
    const lookup = (i: number) => variableGradients[i];
    for (const k of needed) {
        const stored: Gradient = new Map();
        for (const [j, d] of gradient(variables[k], lookup, wrt)) {
            if (isSimple(d)) {
                stored.set(j, d);
            } else {
                statements.push({ space: 'g', index: temporaries.length, term: d });
                stored.set(j, ref('g', temporaries.length));
                temporaries.push(d);
            }
        }
        variableGradients[k] = stored;
    }
    const n = derivatives.length;
    const rowStart = new Int32Array(n + 1);
    const columns: number[] = [];
    derivatives.forEach((f, i) => {
        const row = gradient(f, lookup, wrt);
        const cols = [...new Set(diagonal ? [...row.keys(), i] : row.keys())].sort((a, b) => a - b);
        for (const j of cols) {
            statements.push({ space: 'o', index: columns.length, term: row.get(j) ?? ZERO });
            columns.push(j);
        }
        rowStart[i + 1] = columns.length;
    });
    return { pattern: { n, rowStart, colIndex: Int32Array.from(columns) }, statements, temporaries: temporaries.length };
}
