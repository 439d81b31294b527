// What every generated problem gives the SciPy runner (a Python module) and the CVODE driver
// (a C header) besides its right-hand side: the initial state, the output times and the
// segment ends (the integration restarts at each, as ours does at time-course switches).
// Numbers in shortest round-trip form, so all three solvers start from the same doubles.

const list = values => Array.from(values, v => String(v)).join(', ');

/**
 * @param {{ y0: ArrayLike<number>, times: readonly number[], breaks: readonly number[] }} problem
 *   breaks: ascending, the last one the end time.
 */
export function pythonProblemData({ y0, times, breaks }) {
    return `import math
import numpy as np
from scipy.sparse import csr_matrix

y0 = np.array([${list(y0)}])
t_out = [${list(times)}]
breaks = [${list(breaks)}]
`;
}

export function cProblemData({ y0, times, breaks }) {
    return `#include <math.h>
#include <string.h>
#include <nvector/nvector_serial.h>
#define NEQ ${y0.length}
#define NOUT ${times.length}
#define NBREAKS ${breaks.length}
static const double Y0[NEQ] = {${list(y0)}};
static const double T_OUT[NOUT] = {${list(times)}};
static const double BREAKS[NBREAKS] = {${list(breaks)}};
`;
}

/** A CSR pattern for SciPy: `sparsity()` (ones where the Jacobian may be non-zero). */
export function pythonSparsity({ n, rowStart, colIndex }) {
    return `ROW_START = np.array([${list(rowStart)}], dtype=np.int32)
COL_INDEX = np.array([${list(colIndex)}], dtype=np.int32)

def sparsity():
    return csr_matrix((np.ones(${colIndex.length}), COL_INDEX, ROW_START), shape=(${n}, ${n}))
`;
}
