import type { Interpolant } from './dense-output.js';
import { errorNorm, firstNonFinite, type Tolerances } from './error-norm.js';
import { integrate } from './integrate.js';
import { jacobianSource, type JacobianSource } from './jacobian.js';
import { SparseLU } from './linear/sparse-lu.js';
import type { OdeProblem, OdeSolution, OdeSolver, SolverOptions, SolverStats } from './problem.js';
import { PredictiveController } from './step-size-control.js';
import type { AttemptFailure, CountedRhs, StepContext, Stepper } from './stepper.js';

// RODAS4 of Hairer & Wanner (Solving ODEs II, §VI.4; rodas.f, METH = 1): 6 stages, order 4(3),
// L-stable and stiffly accurate. Stages are solved with M = I/(γh) − J, increments k_i absolute.
const GAMMA = 0.25;
const C2 = 0.386, C3 = 0.21, C4 = 0.63;
const D1 = 0.25, D2 = -0.1043, D3 = 0.1035, D4 = -0.3620000000000023e-1;
const A21 = 1.544;
const A31 = 0.9466785280815826, A32 = 0.2557011698983284;
const A41 = 3.314825187068521, A42 = 2.896124015972201, A43 = 0.9986419139977817;
const A51 = 1.221224509226641, A52 = 6.019134481288629, A53 = 12.53708332932087, A54 = -0.6878860361058950;
const C21 = -5.6688;
const C31 = -2.430093356833875, C32 = -0.2063599157091915;
const C41 = -0.1073529058151375, C42 = -9.594562251023355, C43 = -20.47028614809616;
const C51 = 7.496443313967647, C52 = -10.24680431464352, C53 = -33.99990352819905, C54 = 11.70890893206160;
const C61 = 8.083246795921522, C62 = -7.981132988064893, C63 = -31.52159432874371, C64 = 16.31930543123136, C65 = -6.058818238834054;
const E21 = 10.12623508344586, E22 = -7.487995877610167, E23 = -34.80091861555747, E24 = -7.992771707568823, E25 = 1.025137723295662;
const E31 = -0.6762803392801253, E32 = 6.087714651680015, E33 = 16.43084320892478, E34 = 24.76722511418386, E35 = -6.594389125716872;

/** y(θ) = (1−θ)y0 + θ(y1 + (1−θ)(q1 + θ q2)), RODAS4's 3rd-order continuous extension. */
const rodasInterpolant: Interpolant = (r, theta, out) => {
    const n = out.length;
    const rest = 1 - theta;
    for (let i = 0; i < n; i++) out[i] = rest * r[i] + theta * (r[n + i] + rest * (r[2 * n + i] + theta * r[3 * n + i]));
};

/** The linearly implicit RODAS4 step: one Jacobian, one sparse factorisation, six solves. */
export class Rodas4Stepper implements Stepper {
    readonly method = 'stiff';
    readonly order = 4;
    readonly denseVectors = 4;
    readonly errorEstimate: Float64Array;
    failure: AttemptFailure | undefined;
    readonly jacobian: JacobianSource;
    /** ∂f/∂y at the start of the current step, ordered as `jacobian.pattern`. */
    readonly jacobianValues: Float64Array;
    private readonly lu: SparseLU;
    private readonly controller = new PredictiveController(4);
    private readonly rhs: CountedRhs;
    private readonly tol: Tolerances;
    private readonly stats: SolverStats;
    private readonly dfdt: Float64Array;
    private readonly k: Float64Array[];
    private readonly stage: Float64Array;
    private readonly fStage: Float64Array;
    private jacobianCurrent = false;
    /** A row of J or ∂f/∂t that is not finite at the current step's start, or −1. */
    private nonFiniteRow = -1;

    constructor(context: StepContext) {
        const n = context.problem.y0.length;
        this.rhs = context.rhs;
        this.tol = context.tol;
        this.stats = context.stats;
        this.jacobian = jacobianSource(context.problem, context.rhs, context.tol);
        this.jacobianValues = new Float64Array(this.jacobian.pattern.colIndex.length);
        this.lu = new SparseLU(this.jacobian.pattern);
        this.k = Array.from({ length: 5 }, () => new Float64Array(n));
        [this.dfdt, this.stage, this.fStage, this.errorEstimate] = Array.from({ length: 4 }, () => new Float64Array(n));
    }

    attempt(t: number, y: Float64Array, f: Float64Array, h: number, yNew: Float64Array): number {
        if (!this.jacobianCurrent) this.evaluateJacobian(t, y, f, h);
        if (this.nonFiniteRow >= 0) {
            this.errorEstimate.fill(0);
            this.errorEstimate[this.nonFiniteRow] = NaN;
            this.failure = 'not-finite';
            return Infinity;
        }
        this.stats.factorizations++;
        if (!this.lu.factor(this.jacobianValues, 1 / (GAMMA * h), -1)) {
            this.failure = 'singular';
            return Infinity;
        }
        const [k1, k2, k3, k4, k5] = this.k;
        const { stage, fStage: g, dfdt, rhs, lu } = this;
        const k6 = this.errorEstimate;
        const n = y.length;
        const ih = 1 / h;
        for (let i = 0; i < n; i++) k1[i] = f[i] + h * D1 * dfdt[i];
        lu.solve(k1, k1);
        for (let i = 0; i < n; i++) stage[i] = y[i] + A21 * k1[i];
        rhs.evaluate(t + C2 * h, stage, g);
        for (let i = 0; i < n; i++) k2[i] = g[i] + h * D2 * dfdt[i] + C21 * k1[i] * ih;
        lu.solve(k2, k2);
        for (let i = 0; i < n; i++) stage[i] = y[i] + A31 * k1[i] + A32 * k2[i];
        rhs.evaluate(t + C3 * h, stage, g);
        for (let i = 0; i < n; i++) k3[i] = g[i] + h * D3 * dfdt[i] + (C31 * k1[i] + C32 * k2[i]) * ih;
        lu.solve(k3, k3);
        for (let i = 0; i < n; i++) stage[i] = y[i] + A41 * k1[i] + A42 * k2[i] + A43 * k3[i];
        rhs.evaluate(t + C4 * h, stage, g);
        for (let i = 0; i < n; i++) k4[i] = g[i] + h * D4 * dfdt[i] + (C41 * k1[i] + C42 * k2[i] + C43 * k3[i]) * ih;
        lu.solve(k4, k4);
        for (let i = 0; i < n; i++) stage[i] = y[i] + A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i];
        rhs.evaluate(t + h, stage, g);
        for (let i = 0; i < n; i++) k5[i] = g[i] + (C51 * k1[i] + C52 * k2[i] + C53 * k3[i] + C54 * k4[i]) * ih;
        lu.solve(k5, k5);
        for (let i = 0; i < n; i++) stage[i] += k5[i];
        rhs.evaluate(t + h, stage, g);
        for (let i = 0; i < n; i++) k6[i] = g[i] + (C61 * k1[i] + C62 * k2[i] + C63 * k3[i] + C64 * k4[i] + C65 * k5[i]) * ih;
        lu.solve(k6, k6);
        for (let i = 0; i < n; i++) yNew[i] = stage[i] + k6[i];
        const error = errorNorm(k6, y, yNew, this.tol);
        this.failure = Number.isFinite(error) ? undefined : 'not-finite';
        return error;
    }

    accept(t: number, y: Float64Array, _f: Float64Array, h: number, yNew: Float64Array, fNew: Float64Array, dense: Float64Array): Interpolant {
        const [k1, k2, k3, k4, k5] = this.k;
        const n = y.length;
        for (let i = 0; i < n; i++) {
            dense[i] = y[i];
            dense[n + i] = yNew[i];
            dense[2 * n + i] = E21 * k1[i] + E22 * k2[i] + E23 * k3[i] + E24 * k4[i] + E25 * k5[i];
            dense[3 * n + i] = E31 * k1[i] + E32 * k2[i] + E33 * k3[i] + E34 * k4[i] + E35 * k5[i];
        }
        this.rhs.evaluate(t + h, yNew, fNew);
        this.jacobianCurrent = false;
        return rodasInterpolant;
    }

    nextStep(h: number, error: number, accepted: boolean): number {
        return this.controller.next(h, error, accepted);
    }

    resetControl(): void {
        this.controller.reset();
    }

    /** J at (t, y), and ∂f/∂t by a forward difference (zero for autonomous problems). */
    private evaluateJacobian(t: number, y: Float64Array, f: Float64Array, h: number): void {
        this.jacobian.evaluate(t, y, f, h, this.jacobianValues);
        this.stats.jacobianEvaluations++;
        const dt = Math.sqrt(Number.EPSILON) * Math.max(1, Math.abs(t));
        const tShifted = t + dt;
        this.rhs.evaluate(tShifted, y, this.fStage);
        const step = tShifted - t;
        for (let i = 0; i < y.length; i++) this.dfdt[i] = (this.fStage[i] - f[i]) / step;
        this.jacobianCurrent = true;
        this.nonFiniteRow = firstNonFinite(this.dfdt);
        const { rowStart } = this.jacobian.pattern;
        for (let row = 0; row < y.length && this.nonFiniteRow < 0; row++) {
            for (let p = rowStart[row]; p < rowStart[row + 1]; p++) {
                if (!Number.isFinite(this.jacobianValues[p])) this.nonFiniteRow = row;
            }
        }
    }
}

/** Linearly implicit Rosenbrock method RODAS4 for stiff problems ('stiff'). */
export class Rodas4 implements OdeSolver {
    readonly name = 'stiff';

    solve(problem: OdeProblem, options: SolverOptions = {}): OdeSolution {
        return integrate(problem, options, (context) => new Rodas4Stepper(context));
    }
}
