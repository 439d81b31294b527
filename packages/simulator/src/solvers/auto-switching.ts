import type { Interpolant } from './dense-output.js';
import { DormandPrinceStepper } from './dormand-prince.js';
import { integrate } from './integrate.js';
import type { OdeProblem, OdeSolution, OdeSolver, SolverOptions } from './problem.js';
import { rodasStepper } from './rodas.js';
import type { RosenbrockStepper } from './rosenbrock.js';
import { SpectralRadiusEstimator } from './spectral-radius.js';
import type { StepContext, Stepper } from './stepper.js';

/**
 * DOPRI5 is stable for h·|λ| up to about 3.3 on the negative real axis. Its step controller
 * settles a stability-limited step at h·|λ| ≈ 2.4–3.2, so Hairer's 3.25 rarely fires: a
 * step at 2 or more counts as stiff.
 */
const STIFF_RATIO = 2;
/** DOPRI5's stability boundary on the negative real axis. */
const STABILITY_BOUNDARY = 3.3;
/**
 * A start is stiff when DOPRI5, held at its stability boundary, would need more steps than
 * this for the span alone (ρ(J)·span / 3.3): a Rosenbrock run of such a span takes tens to
 * hundreds of steps, and the explicit method would find out only after its first stiff steps.
 */
const EXPLICIT_STEP_BUDGET = 500;
/**
 * Steps a stiff start keeps the stiff method before it may switch back: its first steps are
 * tiny while the controller grows them, and h·ρ < 1 there says nothing of the span ahead.
 */
const STIFF_START_STEPS = 12;
/** Consecutive stiff signals before switching to the stiff method (DOPRI5's 15). */
const STIFF_STEPS = 15;
/** Consecutive non-stiff signals that clear the stiff count, or switch back from the stiff method. */
const NON_STIFF_STEPS = 6;
/** Back to explicit only when its stable step would comfortably exceed the stiff method's. */
const NON_STIFF_RATIO = 1;

/**
 * Dormand–Prince while the problem is non-stiff, Rosenbrock (RODAS5P) while it is stiff, as
 * LSODA switches between Adams and BDF. Stiffness shows in DOPRI5 as h·|λ| estimated on each
 * step pressing against the stability boundary; in the Rosenbrock method as h·ρ(J) (power
 * iteration on the Jacobian it already has) falling well inside it. A run whose first step is
 * already stiff starts with the Rosenbrock method.
 */
class AutoSwitchingStepper implements Stepper {
    readonly order: number;
    private readonly explicit: DormandPrinceStepper;
    private stiff: RosenbrockStepper | undefined;
    private radius: SpectralRadiusEstimator | undefined;
    private active: DormandPrinceStepper | RosenbrockStepper;
    private stiffSignals = 0;
    private nonStiffSignals = 0;
    private switchPending = false;
    /** Stiff steps left before a stiff start may switch back. */
    private stiffStartSteps = 0;
    private started = false;
    /** The step DOPRI5 can take stably, estimated while stiff. */
    private explicitStepLimit = Infinity;
    private readonly stepsByMethod: Record<string, number> = {};
    /** Methods in the order they ran, e.g. rk45, stiff, rk45. */
    private readonly phases: string[] = [];

    constructor(private readonly context: StepContext) {
        this.explicit = new DormandPrinceStepper(context);
        this.active = this.explicit;
        this.order = this.explicit.order;
        context.stats.stepsByMethod = this.stepsByMethod;
    }

    get method(): string {
        const shown = this.phases.length <= 5 ? this.phases.join('→') : `${this.phases.slice(0, 3).join('→')}→… ${this.phases.length - 1} switches`;
        return `auto(${shown})`;
    }
    get denseVectors(): number { return this.active.denseVectors; }
    get errorEstimate(): Float64Array { return this.active.errorEstimate; }
    get failure() { return this.active.failure; }

    attempt(t: number, y: Float64Array, f: Float64Array, h: number, yNew: Float64Array): number {
        if (!this.started) {
            this.started = true;
            if (this.stiffAtStart(t, y, f, h)) {
                this.active = this.stiffStepper();
                this.stiffStartSteps = STIFF_START_STEPS;
            }
        }
        return this.active.attempt(t, y, f, h, yNew);
    }

    accept(t: number, y: Float64Array, f: Float64Array, h: number, yNew: Float64Array, fNew: Float64Array, dense: Float64Array): Interpolant {
        const interpolant = this.active.accept(t, y, f, h, yNew, fNew, dense);
        const method = this.active.method;
        this.stepsByMethod[method] = (this.stepsByMethod[method] ?? 0) + 1;
        if (this.phases[this.phases.length - 1] !== method) this.phases.push(method);
        this.switchPending = this.active === this.explicit ? this.explicitLooksStiff() : this.stiffLooksNonStiff(h);
        return interpolant;
    }

    nextStep(h: number, error: number, accepted: boolean): number {
        const next = this.active.nextStep(h, error, accepted);
        if (!accepted || !this.switchPending) return next;
        this.switchPending = false;
        this.stiffSignals = this.nonStiffSignals = 0;
        const toExplicit = this.active !== this.explicit;
        this.active = toExplicit ? this.explicit : this.stiffStepper();
        this.active.resetControl();
        return toExplicit ? Math.min(next, this.explicitStepLimit) : next;
    }

    private explicitLooksStiff(): boolean {
        if (this.explicit.stiffnessRatio > STIFF_RATIO) {
            this.nonStiffSignals = 0;
            return ++this.stiffSignals >= STIFF_STEPS;
        }
        if (++this.nonStiffSignals >= NON_STIFF_STEPS) this.stiffSignals = 0;
        return false;
    }

    private stiffLooksNonStiff(h: number): boolean {
        if (this.stiffStartSteps > 0) {
            this.stiffStartSteps--;
            return false;
        }
        const values = this.stiff!.jacobianValues;
        // Clearly stiff by the trace alone, the common case, spares the power iteration.
        const radius = h * this.radius!.lowerBound(values) >= NON_STIFF_RATIO ? Infinity : this.radius!.estimate(values);
        if (h * radius < NON_STIFF_RATIO) {
            this.explicitStepLimit = NON_STIFF_RATIO / radius;
            return ++this.nonStiffSignals >= NON_STIFF_STEPS;
        }
        this.nonStiffSignals = 0;
        return false;
    }

    /**
     * A first step already past DOPRI5's stability boundary (h·ρ(J) > 3.3), or a span that
     * the explicit method could only cross in more than EXPLICIT_STEP_BUDGET stable steps,
     * means a stiff start: the stiff method takes it rather than explicit steps spent finding
     * out, on each segment of a run that restarts at time-course switches. The first step is
     * small, so its own test alone missed networks whose fast modes sit near equilibrium.
     */
    private stiffAtStart(t: number, y: Float64Array, f: Float64Array, h: number): boolean {
        const stiff = this.stiffStepper();
        stiff.jacobian.evaluate(t, y, f, h, stiff.jacobianValues);
        this.context.stats.jacobianEvaluations++;
        const radius = this.radius!.estimate(stiff.jacobianValues);
        const span = this.context.problem.tEnd - t;
        return h * radius > STABILITY_BOUNDARY || radius * span > EXPLICIT_STEP_BUDGET * STABILITY_BOUNDARY;
    }

    private stiffStepper(): RosenbrockStepper {
        if (this.stiff === undefined) {
            this.stiff = rodasStepper(this.context);
            this.radius = new SpectralRadiusEstimator(this.stiff.jacobian.pattern);
        }
        return this.stiff;
    }
}

/** Starts explicit unless already stiff, switches to the stiff method and back as the problem's stiffness changes ('auto'). */
export class AutoSwitching implements OdeSolver {
    readonly name = 'auto';

    solve(problem: OdeProblem, options: SolverOptions = {}): OdeSolution {
        return integrate(problem, options, (context) => new AutoSwitchingStepper(context));
    }
}
