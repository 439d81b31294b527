// A generated stiff chain network with fast vesicle exchange, written three ways from one
// definition: a JavaScript problem (with analytic Jacobian) for our solvers, a NumPy
// right-hand side as a SciPy user would write it, and a C right-hand side for CVODE.
//
// Unit u (u = 0 … m−1) has cytosolic C, vesicular V and extracellular E transmitter:
//   C' = S_u + conv(C_{u−1}) − conv(C_u) − kin·C + kout·V + up(E) − kdeg·C
//   V' = kin·C − (kout + krel)·V
//   E' = krel·V − up(E) − kclr·E
// conv(c) = Vsyn·c/(Ksyn + c), up(e) = Vup·e/(Kup + e); only unit 0 has a supply,
// S_0 = s0·(1 + 0.5·sin(2πt/1440)), a circadian rhythm. Vesicle exchange (kin = 600/min)
// against hours-long turnover makes it stiff; time is in minutes.
import { cProblemData, pythonProblemData, pythonSparsity } from './problem-files.mjs';

export const parameters = {
    s0: 0.5, Vsyn: 2, Ksyn: 1, kin: 600, kout: 60, krel: 0.2, Vup: 4, Kup: 0.3, kclr: 0.05, kdeg: 0.005
};

export function initialState(n) {
    const y0 = new Float64Array(n);
    for (let u = 0; u < n / 3; u++) {
        y0[3 * u] = 0.5;
        y0[3 * u + 1] = 5;
        y0[3 * u + 2] = 0.1;
    }
    return y0;
}

/** Row-compressed pattern: C_u depends on C_{u−1}, C_u, V_u, E_u; V_u on C_u, V_u; E_u on V_u, E_u. */
function chainPattern(m) {
    const rows = [];
    for (let u = 0; u < m; u++) {
        const c = 3 * u;
        rows.push(u > 0 ? [c - 3, c, c + 1, c + 2] : [c, c + 1, c + 2]);
        rows.push([c, c + 1]);
        rows.push([c + 1, c + 2]);
    }
    const rowStart = new Int32Array(rows.length + 1);
    rows.forEach((r, i) => { rowStart[i + 1] = rowStart[i] + r.length; });
    return { n: rows.length, rowStart, colIndex: Int32Array.from(rows.flat()) };
}

export function chainProblem(n, tEnd) {
    const m = n / 3;
    const { s0, Vsyn, Ksyn, kin, kout, krel, Vup, Kup, kclr, kdeg } = parameters;
    const pattern = chainPattern(m);
    const rhs = (t, y, d) => {
        let inflow = s0 * (1 + 0.5 * Math.sin(2 * Math.PI * t / 1440));
        for (let u = 0; u < m; u++) {
            const c = y[3 * u], v = y[3 * u + 1], e = y[3 * u + 2];
            const conv = Vsyn * c / (Ksyn + c);
            const up = Vup * e / (Kup + e);
            d[3 * u] = inflow - conv - kin * c + kout * v + up - kdeg * c;
            d[3 * u + 1] = kin * c - (kout + krel) * v;
            d[3 * u + 2] = krel * v - up - kclr * e;
            inflow = conv;
        }
    };
    const evaluate = (_t, y, values) => {
        let p = 0;
        for (let u = 0; u < m; u++) {
            const c = y[3 * u], e = y[3 * u + 2];
            const dConv = Vsyn * Ksyn / ((Ksyn + c) * (Ksyn + c));
            const dUp = Vup * Kup / ((Kup + e) * (Kup + e));
            if (u > 0) {
                const cPrevious = y[3 * u - 3];
                values[p++] = Vsyn * Ksyn / ((Ksyn + cPrevious) * (Ksyn + cPrevious));
            }
            values[p++] = -dConv - kin - kdeg;
            values[p++] = kout;
            values[p++] = dUp;
            values[p++] = kin;
            values[p++] = -(kout + krel);
            values[p++] = krel;
            values[p++] = -dUp - kclr;
        }
    };
    const names = Array.from({ length: n }, (_, i) => `${['C', 'V', 'E'][i % 3]}${Math.floor(i / 3)}`);
    return { t0: 0, tEnd, y0: initialState(n), names, rhs, jacobian: { pattern, evaluate } };
}

/** The files the SciPy runner and the CVODE driver read for n states and these output times. */
function problemData(n, times) {
    return { y0: initialState(n), times, breaks: [times[times.length - 1]] };
}

/** The same equations vectorised with NumPy, as a SciPy user would write them. */
export function pythonSource(n, times) {
    const p = parameters;
    return `${pythonProblemData(problemData(n, times))}
s0, Vsyn, Ksyn, kin, kout, krel, Vup, Kup, kclr, kdeg = ${[p.s0, p.Vsyn, p.Ksyn, p.kin, p.kout, p.krel, p.Vup, p.Kup, p.kclr, p.kdeg].join(', ')}

def rhs(t, y):
    c, v, e = y[0::3], y[1::3], y[2::3]
    conv = Vsyn * c / (Ksyn + c)
    up = Vup * e / (Kup + e)
    inflow = np.empty_like(c)
    inflow[0] = s0 * (1 + 0.5 * np.sin(2 * np.pi * t / 1440))
    inflow[1:] = conv[:-1]
    d = np.empty_like(y)
    d[0::3] = inflow - conv - kin * c + kout * v + up - kdeg * c
    d[1::3] = kin * c - (kout + krel) * v
    d[2::3] = krel * v - up - kclr * e
    return d

${pythonSparsity(chainPattern(n / 3))}`;
}

/** The right-hand side in C for the CVODE driver (band solver: C_u reads C_{u−1}, V_u reads C_u). */
export function cSource(n, times) {
    const p = parameters;
    return `${cProblemData(problemData(n, times))}#define BAND_UPPER 2
#define BAND_LOWER 3
static const double s0 = ${p.s0}, Vsyn = ${p.Vsyn}, Ksyn = ${p.Ksyn}, kin = ${p.kin}, kout = ${p.kout},
    krel = ${p.krel}, Vup = ${p.Vup}, Kup = ${p.Kup}, kclr = ${p.kclr}, kdeg = ${p.kdeg};

static int rhs(sunrealtype t, N_Vector yv, N_Vector dv, void *data) {
    const double *y = N_VGetArrayPointer(yv);
    double *d = N_VGetArrayPointer(dv);
    long m = NEQ / 3;
    double inflow = s0 * (1 + 0.5 * sin(2 * M_PI * t / 1440));
    for (long u = 0; u < m; u++) {
        double c = y[3 * u], v = y[3 * u + 1], e = y[3 * u + 2];
        double conv = Vsyn * c / (Ksyn + c), up = Vup * e / (Kup + e);
        d[3 * u] = inflow - conv - kin * c + kout * v + up - kdeg * c;
        d[3 * u + 1] = kin * c - (kout + krel) * v;
        d[3 * u + 2] = krel * v - up - kclr * e;
        inflow = conv;
    }
    return 0;
}
`;
}
