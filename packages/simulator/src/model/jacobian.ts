/**
 * The analytic Jacobian of the equation system: sparse symbolic gradients of each
 * derivative through the intermediates (chain rule), the CSR sparsity pattern from the
 * structural dependencies (diagonal always present, for I − γJ), and the statements that
 * fill only the non-zeros.
 */
import type { SparsityPattern } from '../solvers/problem.js';
import { gradient, type Gradient } from './derivative.js';
import type { Statement } from './program.js';
import { ref, ZERO, type Term } from './terms.js';

export interface JacobianCode {
    pattern: SparsityPattern;
    /** Statements computing the temporaries g and the values o (after the intermediates). */
    statements: Statement[];
    temporaries: number;
}

const isSimple = (t: Term) => t.k === 'num' || t.k === 'ref' || t.k === 't';

export function jacobianCode(derivatives: readonly Term[], variables: readonly Term[], needed: readonly number[]): JacobianCode {
    const variableGradients: Gradient[] = [];
    const temporaries: Term[] = [];
    const statements: Statement[] = [];
    const lookup = (i: number) => variableGradients[i];
    for (const k of needed) {
        const stored: Gradient = new Map();
        for (const [j, d] of gradient(variables[k], lookup)) {
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
        const row = gradient(f, lookup);
        const cols = [...new Set([...row.keys(), i])].sort((a, b) => a - b);
        for (const j of cols) {
            statements.push({ space: 'o', index: columns.length, term: row.get(j) ?? ZERO });
            columns.push(j);
        }
        rowStart[i + 1] = columns.length;
    });
    return { pattern: { n, rowStart, colIndex: Int32Array.from(columns) }, statements, temporaries: temporaries.length };
}
