import { integrate } from './integrate.js';
import type { OdeProblem, OdeSolution, OdeSolver, SolverOptions } from './problem.js';
import { RODAS4, RODAS5P } from './rodas-tableaus.js';
import { RosenbrockStepper } from './rosenbrock.js';
import type { StepContext } from './stepper.js';

/**
 * Below this rtol RODAS5P's fifth order pays for its two extra stages (half the steps of RODAS4
 * on the benchmark at 1e-6 and 1e-8); at 1e-4 and above RODAS4 ran as fast or faster.
 */
const HIGHER_ORDER_BELOW = 1e-4;

/** The stiff method's step for the run's tolerance. */
export function rodasStepper(context: StepContext): RosenbrockStepper {
    return new RosenbrockStepper(context, context.tol.rtol < HIGHER_ORDER_BELOW ? RODAS5P : RODAS4);
}

/** Linearly implicit Rosenbrock methods RODAS5P and RODAS4 for stiff problems ('stiff'). */
export class Rodas implements OdeSolver {
    readonly name = 'stiff';

    solve(problem: OdeProblem, options: SolverOptions = {}): OdeSolution {
        return integrate(problem, options, rodasStepper);
    }
}
