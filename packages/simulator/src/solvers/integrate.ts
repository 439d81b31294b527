import { DenseHistory } from './dense-output.js';
import { firstNonFinite, worstComponent, type Tolerances } from './error-norm.js';
import { EventTracker, type LocatedEvent } from './event-location.js';
import { initialStep } from './initial-step.js';
import { OutputSampler } from './output-sampler.js';
import { SolverError, type OdeProblem, type OdeSolution, type SolverOptions, type SolverStats } from './problem.js';
import { CountedRhs, type StepContext, type Stepper } from './stepper.js';
import { validateRun } from './validate-run.js';

export const DEFAULT_RTOL = 1e-6;
export const DEFAULT_ATOL = 1e-9;
export const DEFAULT_MAX_STEPS = 100_000;

/** A step this small next to t no longer changes t in double precision. */
function underflows(h: number, t: number): boolean {
    return !(h > 10 * Number.EPSILON * Math.abs(t)) || h < 1e-290;
}

/**
 * The integration loop every method shares: step-size selection, output sampling from dense
 * output, event location, cancellation, progress and failure reporting. The method only
 * attempts and completes single steps.
 */
export function integrate(problem: OdeProblem, options: SolverOptions, createStepper: (context: StepContext) => Stepper): OdeSolution {
    validateRun(problem, options);
    const { t0, tEnd } = problem;
    const n = problem.y0.length;
    const tol: Tolerances = { rtol: options.rtol ?? DEFAULT_RTOL, atol: options.atol ?? DEFAULT_ATOL, components: options.errorComponents };
    const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
    const maxStep = Math.min(options.maxStep ?? Infinity, tEnd - t0);
    const stats: SolverStats = { method: '', steps: 0, rejectedSteps: 0, rhsEvaluations: 0, jacobianEvaluations: 0, factorizations: 0 };
    const rhs = new CountedRhs(problem.rhs, stats);
    const stepper = createStepper({ problem, rhs, tol, stats });
    const name = (i: number) => problem.names?.[i] ?? `y[${i}]`;
    const fail = (reason: SolverError['reason'], t: number, message: string, component?: number): never => {
        stats.method = stepper.method;
        throw new SolverError(reason, t, message, component === undefined ? undefined : name(component));
    };

    let t = t0;
    let y = Float64Array.from(problem.y0);
    let f = new Float64Array(n);
    let yNew = new Float64Array(n);
    let fNew = new Float64Array(n);
    rhs.evaluate(t, y, f);
    const badStart = Math.max(firstNonFinite(y), firstNonFinite(f));
    if (badStart >= 0) fail('not-finite', t, `The state or its derivative is not finite at t = ${t}: component '${name(badStart)}'`, badStart);

    const history = options.keepDenseOutput === false ? undefined : new DenseHistory(t0, y);
    let dense = new Float64Array(0);
    const sampler = new OutputSampler(options.outputTimes, t0, y);
    const events = problem.events?.length ? new EventTracker(problem.events, t0, y) : undefined;
    let event: LocatedEvent | undefined;
    let h = Math.min(options.firstStep ?? initialStep(rhs, t, y, f, stepper.order, maxStep, tol), maxStep);

    while (t < tEnd && event === undefined) {
        if (options.signal?.aborted || options.shouldStop?.()) fail('cancelled', t, `Cancelled at t = ${t}`);
        if (stats.steps >= maxSteps) fail('max-steps', t, `Reached the maximum of ${maxSteps} steps at t = ${t} of ${tEnd}`);
        // Stretch the step onto tEnd rather than leave a sliver for the last step.
        const last = t + Math.min(1.01 * h, maxStep) >= tEnd;
        const step = last ? tEnd - t : h;
        const error = stepper.attempt(t, y, f, step, yNew);
        if (!(error <= 1)) {
            stats.rejectedSteps++;
            h = Math.min(stepper.nextStep(step, error, false), maxStep);
            if (underflows(h, t)) {
                const failure = stepper.failure;
                if (failure === 'not-finite') {
                    // Blame the derivative just ahead if it is what turns non-finite, else the step's estimate.
                    rhs.evaluate(t + step, y, fNew);
                    const probed = firstNonFinite(fNew);
                    const culprit = probed >= 0 ? probed : Math.max(0, firstNonFinite(stepper.errorEstimate));
                    fail('not-finite', t, `A value became NaN or infinite at t = ${t}: component '${name(culprit)}'`, culprit);
                }
                if (failure === 'singular') fail('singular', t, `The iteration matrix is singular at t = ${t}`);
                const culprit = worstComponent(stepper.errorEstimate, y, yNew, tol);
                fail('step-underflow', t, `Step size underflow at t = ${t} (h = ${h.toExponential(2)}): component '${name(culprit)}' cannot be followed to the tolerance`, culprit);
            }
            continue;
        }
        const size = stepper.denseVectors * n;
        if (dense.length !== size) dense = new Float64Array(size);
        const interpolant = stepper.accept(t, y, f, step, yNew, fNew, dense);
        const bad = Math.max(firstNonFinite(yNew), firstNonFinite(fNew));
        if (bad >= 0) fail('not-finite', t + step, `A value became NaN or infinite at t = ${t + step}: component '${name(bad)}'`, bad);
        stats.steps++;
        h = Math.min(stepper.nextStep(step, error, true), maxStep);
        history?.append(t, step, dense, interpolant);
        event = events?.check(t, step, yNew, dense, interpolant);
        const end = event?.t ?? (last ? tEnd : t + step);
        sampler.addStep(t, step, end, dense, interpolant, event?.y ?? yNew);
        const yOld = y, fOld = f;
        y = yNew; f = fNew;
        yNew = yOld; fNew = fOld;
        t = end;
        options.onProgress?.((t - t0) / (tEnd - t0));
    }

    stats.method = stepper.method;
    const tFinal = t;
    const yFinal = event?.y ?? y;
    return {
        times: sampler.times,
        values: sampler.values(),
        tFinal,
        yFinal,
        event: event?.index,
        at(time: number): Float64Array {
            if (!(time >= t0 && time <= tFinal)) throw new RangeError(`t = ${time} lies outside the solved interval [${t0}, ${tFinal}]`);
            if (time === tFinal) return Float64Array.from(yFinal);
            if (history === undefined) throw new Error('The dense output was not kept (keepDenseOutput: false)');
            return history.at(time);
        },
        stats
    };
}
