// A compiled model's equations as a SciPy user's Python module and as a C header for the
// CVODE driver: the same resolved terms our generated JavaScript evaluates (the derivative
// of each state through the shared intermediates, and the analytic sparse Jacobian from
// the same symbolic differentiation), printed by term-printer.mjs.
import { jacobianCode } from '../out/src/model/jacobian.js';
import { children } from '../out/src/model/terms.js';
import { cProblemData, pythonProblemData, pythonSparsity } from './problem-files.mjs';
import { C, PYTHON, termPrinter } from './term-printer.mjs';

/** The intermediates the derivatives read, transitively, in dependency (= index) order. */
function neededVariables(derivatives, variables) {
    const seen = new Set();
    const stack = [...derivatives];
    while (stack.length > 0) {
        const t = stack.pop();
        if (t.k === 'ref' && t.space === 'w') {
            if (!seen.has(t.i)) stack.push(variables[(seen.add(t.i), t.i)]);
        } else {
            stack.push(...children(t));
        }
    }
    return [...seen].sort((a, b) => a - b);
}

/** The model's right-hand side and Jacobian as statements over y, w, g and the output o. */
export function modelEquations(m) {
    const { derivatives, variables } = m.system;
    const needed = neededVariables(derivatives, variables);
    const intermediates = needed.map(index => ({ space: 'w', index, term: variables[index] }));
    const jac = jacobianCode(derivatives, variables, needed);
    return {
        n: derivatives.length,
        intermediates: variables.length,
        rhs: [...intermediates, ...derivatives.map((term, index) => ({ space: 'o', index, term }))],
        jacobian: [...intermediates, ...jac.statements],
        temporaries: jac.temporaries,
        pattern: jac.pattern
    };
}

function pythonFunction(name, statements, print, result) {
    const assignments = statements.filter(s => s.space !== 'o').map(s => `    ${s.space}${s.index} = ${print(s.term)}`);
    const outputs = statements.filter(s => s.space === 'o').map(s => `        ${print(s.term)},`);
    return `def ${name}(t, y):
    y = y.tolist()
${assignments.join('\n')}
    return ${result(`np.array([\n${outputs.join('\n')}\n    ])`)}
`;
}

/** A module for scipy-runner.py: rhs(t, y), jac(t, y) (sparse), sparsity(), y0, t_out, breaks. */
export function pythonModule(equations, slots, problem) {
    const print = termPrinter(PYTHON, slots);
    const { n } = equations;
    return `${pythonProblemData(problem)}
def npow(a, b):
    try:
        return math.pow(a, b)
    except ValueError:
        return math.nan

${pythonFunction('rhs', equations.rhs, print, a => a)}
${pythonSparsity(equations.pattern)}
${pythonFunction('jac', equations.jacobian, print, a => `csr_matrix((${a}, COL_INDEX, ROW_START), shape=(${n}, ${n}))`)}`;
}

/** Statements per C function: gcc -O2 takes minutes over one function of thousands of statements. */
const C_CHUNK = 200;

/**
 * `name` as a C function over (t, y, w, g, o) made of chunks of at most C_CHUNK statements
 * (each its own function, sharing w and g through pointers).
 */
function cFunction(name, statements, print) {
    const chunks = [];
    for (let k = 0; k < statements.length; k += C_CHUNK) chunks.push(statements.slice(k, k + C_CHUNK));
    const signature = part => `static void ${name}_${part}(double t, const double *y, double *w, double *g, double *o)`;
    return chunks.map((chunk, part) => `${signature(part)} {
${chunk.map(s => `    ${s.space}[${s.index}] = ${print(s.term)};`).join('\n')}
}
`).join('') + `static void ${name}(double t, const double *y, double *w, double *g, double *o) {
${chunks.map((_, part) => `    ${name}_${part}(t, y, w, g, o);`).join('\n')}
}
`;
}

/** A header for cvode-driver.c: the problem data, rhs, and jac filling a CSR SUNSparseMatrix (for KLU). */
export function cHeader(equations, slots, problem) {
    const print = termPrinter(C, slots);
    const nnz = equations.pattern.colIndex.length;
    return `${cProblemData(problem)}#include <sunmatrix/sunmatrix_sparse.h>
#define NNZ ${nnz}
static const sunindextype ROW_START[NEQ + 1] = {${equations.pattern.rowStart.join(', ')}};
static const sunindextype COL_INDEX[NNZ] = {${equations.pattern.colIndex.join(', ')}};

static double w[${Math.max(1, equations.intermediates)}], g[${Math.max(1, equations.temporaries)}];
${cFunction('derivatives', equations.rhs, print)}
${cFunction('jacobian_values', equations.jacobian, print)}
static int rhs(sunrealtype t, N_Vector yv, N_Vector dv, void *data) {
    derivatives(t, N_VGetArrayPointer(yv), w, g, N_VGetArrayPointer(dv));
    return 0;
}

static int jac(sunrealtype t, N_Vector yv, N_Vector fy, SUNMatrix J, void *data, N_Vector t1, N_Vector t2, N_Vector t3) {
    memcpy(SM_INDEXPTRS_S(J), ROW_START, sizeof ROW_START);
    memcpy(SM_INDEXVALS_S(J), COL_INDEX, sizeof COL_INDEX);
    jacobian_values(t, N_VGetArrayPointer(yv), w, g, SM_DATA_S(J));
    return 0;
}
`;
}
