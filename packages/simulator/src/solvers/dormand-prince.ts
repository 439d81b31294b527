import type { Interpolant } from './dense-output.js';
import { errorNorm } from './error-norm.js';
import { integrate } from './integrate.js';
import type { OdeProblem, OdeSolution, OdeSolver, SolverOptions } from './problem.js';
import { ProportionalIntegralController } from './step-size-control.js';
import type { AttemptFailure, CountedRhs, StepContext, Stepper } from './stepper.js';
import type { Tolerances } from './error-norm.js';

// Dormand & Prince (1980) 5(4) tableau; error weights e = b − b̂; dense output of Shampine (1986).
const A21 = 1 / 5;
const A31 = 3 / 40, A32 = 9 / 40;
const A41 = 44 / 45, A42 = -56 / 15, A43 = 32 / 9;
const A51 = 19372 / 6561, A52 = -25360 / 2187, A53 = 64448 / 6561, A54 = -212 / 729;
const A61 = 9017 / 3168, A62 = -355 / 33, A63 = 46732 / 5247, A64 = 49 / 176, A65 = -5103 / 18656;
const A71 = 35 / 384, A73 = 500 / 1113, A74 = 125 / 192, A75 = -2187 / 6784, A76 = 11 / 84;
const C2 = 1 / 5, C3 = 3 / 10, C4 = 4 / 5, C5 = 8 / 9;
const E1 = 71 / 57600, E3 = -71 / 16695, E4 = 71 / 1920, E5 = -17253 / 339200, E6 = 22 / 525, E7 = -1 / 40;
const D1 = -12715105075 / 11282082432, D3 = 87487479700 / 32700410799, D4 = -10690763975 / 1880347072;
const D5 = 701980252875 / 199316789632, D6 = -1453857185 / 822651844, D7 = 69997945 / 29380423;

/** y(θ) = r1 + θ(r2 + (1−θ)(r3 + θ(r4 + (1−θ)r5))), the 4th-order continuous extension. */
const dormandPrinceInterpolant: Interpolant = (r, theta, out) => {
    const n = out.length;
    const rest = 1 - theta;
    for (let i = 0; i < n; i++) {
        out[i] = r[i] + theta * (r[n + i] + rest * (r[2 * n + i] + theta * (r[3 * n + i] + rest * r[4 * n + i])));
    }
};

/** The explicit Dormand–Prince 5(4) step with FSAL, plus Hairer's stiffness indicator. */
export class DormandPrinceStepper implements Stepper {
    readonly method = 'rk45';
    readonly order = 5;
    readonly denseVectors = 5;
    readonly errorEstimate: Float64Array;
    failure: AttemptFailure | undefined;
    /** h·|λ| of the dominant eigenvalue estimated on the last accepted step (Hairer's HLAMB). */
    stiffnessRatio = 0;
    private readonly rhs: CountedRhs;
    private readonly tol: Tolerances;
    private readonly controller = new ProportionalIntegralController(5);
    private readonly k2: Float64Array; private readonly k3: Float64Array; private readonly k4: Float64Array;
    private readonly k5: Float64Array; private readonly k6: Float64Array;
    private readonly stage: Float64Array;

    constructor(context: StepContext) {
        const n = context.problem.y0.length;
        this.rhs = context.rhs;
        this.tol = context.tol;
        [this.k2, this.k3, this.k4, this.k5, this.k6, this.stage, this.errorEstimate] = Array.from({ length: 7 }, () => new Float64Array(n));
    }

    attempt(t: number, y: Float64Array, k1: Float64Array, h: number, yNew: Float64Array): number {
        const { k2, k3, k4, k5, k6, stage, rhs } = this;
        const n = y.length;
        for (let i = 0; i < n; i++) stage[i] = y[i] + h * A21 * k1[i];
        rhs.evaluate(t + C2 * h, stage, k2);
        for (let i = 0; i < n; i++) stage[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
        rhs.evaluate(t + C3 * h, stage, k3);
        for (let i = 0; i < n; i++) stage[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
        rhs.evaluate(t + C4 * h, stage, k4);
        for (let i = 0; i < n; i++) stage[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
        rhs.evaluate(t + C5 * h, stage, k5);
        for (let i = 0; i < n; i++) stage[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
        rhs.evaluate(t + h, stage, k6);
        for (let i = 0; i < n; i++) yNew[i] = y[i] + h * (A71 * k1[i] + A73 * k3[i] + A74 * k4[i] + A75 * k5[i] + A76 * k6[i]);
        // k2 is free again: it takes the FSAL stage f(t + h, yNew), which the next step reuses.
        rhs.evaluate(t + h, yNew, k2);
        const e = this.errorEstimate;
        for (let i = 0; i < n; i++) e[i] = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k2[i]);
        const error = errorNorm(e, y, yNew, this.tol);
        this.failure = Number.isFinite(error) ? undefined : 'not-finite';
        return error;
    }

    accept(_t: number, y: Float64Array, k1: Float64Array, h: number, yNew: Float64Array, fNew: Float64Array, dense: Float64Array): Interpolant {
        const { k3, k4, k5, k6, k2: k7, stage } = this;
        const n = y.length;
        let numerator = 0, denominator = 0;
        for (let i = 0; i < n; i++) {
            // stage holds the 6th stage point, also at t + h: (k7 − k6)/(yNew − stage) estimates |λ|.
            numerator += (k7[i] - k6[i]) ** 2;
            denominator += (yNew[i] - stage[i]) ** 2;
            const change = yNew[i] - y[i];
            const slopeGap = h * k1[i] - change;
            dense[i] = y[i];
            dense[n + i] = change;
            dense[2 * n + i] = slopeGap;
            dense[3 * n + i] = change - h * k7[i] - slopeGap;
            dense[4 * n + i] = h * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
        }
        this.stiffnessRatio = denominator > 0 ? h * Math.sqrt(numerator / denominator) : 0;
        fNew.set(k7);
        return dormandPrinceInterpolant;
    }

    nextStep(h: number, error: number, accepted: boolean): number {
        return this.controller.next(h, error, accepted);
    }

    resetControl(): void {
        this.controller.reset();
    }
}

/** Adaptive explicit Runge–Kutta 5(4) for non-stiff problems ('rk45'). */
export class DormandPrince45 implements OdeSolver {
    readonly name = 'rk45';

    solve(problem: OdeProblem, options: SolverOptions = {}): OdeSolution {
        return integrate(problem, options, (context) => new DormandPrinceStepper(context));
    }
}
