import { AutoSwitching } from './auto-switching.js';
import { Bdf } from './bdf.js';
import { DormandPrince45 } from './dormand-prince.js';
import type { MethodName, OdeProblem, OdeSolution, OdeSolver, SolverOptions } from './problem.js';
import { Rodas } from './rodas.js';

/** The method classes by the names `--method` and the API accept. */
export const solvers: Readonly<Record<MethodName, new () => OdeSolver>> = {
    rk45: DormandPrince45,
    stiff: Rodas,
    auto: AutoSwitching,
    bdf: Bdf
};

/** Solves `problem` with the named method (default 'auto'), as SciPy's solve_ivp does. */
export function solve(problem: OdeProblem, method: MethodName = 'auto', options: SolverOptions = {}): OdeSolution {
    const Solver = solvers[method];
    if (Solver === undefined) throw new RangeError(`Unknown method '${method}': use ${Object.keys(solvers).join(', ')}`);
    return new Solver().solve(problem, options);
}
