import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateScenario } from '../../src/run/simulate.js';
import type { OdeProblem } from '../../src/solvers/problem.js';
import { solve } from '../../src/solvers/registry.js';
import { dose, model, observe, when } from '../model/helpers/ir-builder.js';
import { patternOf, robertson } from './problems.js';

/** Every value within `factor` times the run's tolerance of the reference (global error is a small multiple of the local). */
function assertWithin(actual: ArrayLike<number>, expected: readonly number[], rtol: number, atol: number, label: string, factor = 10): void {
    expected.forEach((value, i) => {
        const allowed = factor * (rtol * Math.abs(value) + atol);
        assert.ok(Math.abs(actual[i] - value) <= allowed, `${label} [${i}]: ${actual[i]} vs ${value} (allowed ${allowed.toExponential(2)})`);
    });
}

const hasSciPy = () => spawnSync('python3', ['-c', 'import scipy.integrate'], { encoding: 'utf8' }).status === 0;

/** Runs a Python script printing JSON, or skips the test loudly without python3 + SciPy. */
function scipy(context: Mocha.Context, script: string): number[][] {
    if (!hasSciPy()) {
        console.warn('    SKIPPED: python3 with SciPy is not available, so BDF was not compared with solve_ivp');
        context.skip();
    }
    const python = spawnSync('python3', ['-c', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.equal(python.status, 0, python.stderr);
    return JSON.parse(python.stdout) as number[][];
}

/**
 * x₁' = −a·x₁, x₂' = a·x₁ − b·x₂ from (1, 0): x₁ = e^(−at), x₂ = a/(b − a)·(e^(−at) − e^(−bt)).
 * Its global error reaches 25–32 times the local tolerance (x₁ at 0.01 after ten e-folds, x₂
 * at 5), as SciPy's BDF's does at the same times (24.7 and 30.7 at rtol 1e-8): allowed 50.
 */
const LINEAR_FACTOR = 50;
const a = 1000, b = 1;
const chain = (t: number) => [Math.exp(-a * t), a / (b - a) * (Math.exp(-a * t) - Math.exp(-b * t))];
const linear: OdeProblem = {
    t0: 0, tEnd: 10, y0: Float64Array.of(1, 0), names: ['x1', 'x2'],
    rhs: (_t, y, d) => { d[0] = -a * y[0]; d[1] = a * y[0] - b * y[1]; },
    jacobian: { pattern: patternOf(2, [[0], [0, 1]]), evaluate: (_t, _y, v) => { v[0] = -a; v[1] = a; v[2] = -b; } }
};

describe('BDF (variable-order NDF)', () => {
    it('follows a stiff linear system to its analytic solution, at output times and between steps', () => {
        const rtol = 1e-8, atol = 1e-12;
        const times = [1e-4, 1e-3, 0.01, 0.1, 0.5, 1, 2, 5, 10];
        const solution = solve(linear, 'bdf', { rtol, atol, outputTimes: times });
        assert.deepEqual(solution.times, times);
        solution.values.forEach((y, k) => assertWithin(y, chain(times[k]), rtol, atol, `t = ${times[k]}`, LINEAR_FACTOR));
        for (const t of [0.00037, 0.0123, 0.77, 3.3, 9.99]) assertWithin(solution.at(t), chain(t), rtol, atol, `at(${t})`, LINEAR_FACTOR);
        assert.equal(solution.stats.method, 'bdf');
        // One Jacobian for the whole run (it is constant), factored again only when h/αₖ changes.
        assert.equal(solution.stats.jacobianEvaluations, 1);
        assert.ok(solution.stats.factorizations < solution.stats.steps, `${solution.stats.factorizations} factorisations, ${solution.stats.steps} steps`);
    });

    it('Robertson against SciPy Radau (rtol 1e-10) at eight times from 0.1 to 1e5', function () {
        const times = [0.1, 1, 10, 40, 100, 1e3, 1e4, 1e5];
        const reference = scipy(this, `
import json
from scipy.integrate import solve_ivp
def f(t, y):
    return [-0.04 * y[0] + 1e4 * y[1] * y[2], 0.04 * y[0] - 1e4 * y[1] * y[2] - 3e7 * y[1] ** 2, 3e7 * y[1] ** 2]
def jac(t, y):
    return [[-0.04, 1e4 * y[2], 1e4 * y[1]], [0.04, -1e4 * y[2] - 6e7 * y[1], -1e4 * y[1]], [0, 6e7 * y[1], 0]]
s = solve_ivp(f, (0, 1e5), [1, 0, 0], method='Radau', rtol=1e-10, atol=1e-16, jac=jac, t_eval=${JSON.stringify(times)})
print(json.dumps(s.y.T.tolist()))`);
        for (const analytic of [true, false]) {
            const rtol = 1e-6, atol = 1e-12;
            const solution = solve(robertson(1e5, analytic), 'bdf', { rtol, atol, outputTimes: times });
            solution.values.forEach((y, k) => assertWithin(y, reference[k], rtol, atol, `${analytic ? 'analytic' : 'difference'} J, t = ${times[k]}`));
            assert.ok(solution.stats.jacobianEvaluations < solution.stats.steps / 4, `${solution.stats.jacobianEvaluations} Jacobians in ${solution.stats.steps} steps`);
        }
    });

    it('the generated stiff network (99 species, 24 h) against SciPy Radau (rtol 1e-10) at six times', async function () {
        this.timeout(60_000);
        // The bench's one definition of the network: the JavaScript problem and its NumPy right-hand side.
        const network = '../../../bench/chain-network.mjs';
        const { chainProblem, pythonSource } = await import(network) as {
            chainProblem: (n: number, tEnd: number) => OdeProblem;
            pythonSource: (n: number, times: number[]) => string;
        };
        const times = [1, 30, 120, 480, 1000, 1440];
        const folder = mkdtempSync(join(tmpdir(), 'bdf-network-'));
        try {
            writeFileSync(join(folder, 'network.py'), pythonSource(99, times));
            const reference = scipy(this, `
import json, sys
sys.path.insert(0, ${JSON.stringify(folder)})
import network
from scipy.integrate import solve_ivp
s = solve_ivp(network.rhs, (0, 1440), network.y0, method='Radau', rtol=1e-10, atol=1e-13, jac_sparsity=network.sparsity(), t_eval=network.t_out)
print(json.dumps(s.y.T.tolist()))`);
            const rtol = 1e-6, atol = 1e-9;
            const solution = solve(chainProblem(99, 1440), 'bdf', { rtol, atol, outputTimes: times });
            solution.values.forEach((y, k) => assertWithin(y, reference[k], rtol, atol, `t = ${times[k]}`));
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });

    it('staggered sensitivities of the stiff linear system equal the analytic ∂x/∂a, ∂x/∂b, as the Rosenbrock method\'s of the whole extended system', () => {
        // sⱼ' = J·sⱼ + ∂f/∂pⱼ with ∂f/∂a = (−x₁, x₁), ∂f/∂b = (0, −x₂); s(0) = 0.
        const e = (rate: number, t: number) => Math.exp(-rate * t);
        const exact = (t: number) => [
            ...chain(t),
            -t * e(a, t), b / (b - a) ** 2 * (e(a, t) - e(b, t)) - a / (b - a) * t * e(a, t),
            0, -a / (b - a) ** 2 * (e(a, t) - e(b, t)) + a / (b - a) * t * e(b, t)
        ];
        const state = linear.jacobian!;
        const problem: OdeProblem = {
            t0: 0, tEnd: 10, y0: new Float64Array(6), names: ['x1', 'x2', 'x1/a', 'x2/a', 'x1/b', 'x2/b'],
            rhs: (_t, y, d) => {
                d[0] = -a * y[0]; d[1] = a * y[0] - b * y[1];
                d[2] = -a * y[2] - y[0]; d[3] = a * y[2] - b * y[3] + y[0];
                d[4] = -a * y[4]; d[5] = a * y[4] - b * y[5] - y[1];
            },
            jacobian: {
                pattern: patternOf(6, [[0], [0, 1], [0, 2], [0, 2, 3], [4], [1, 4, 5]]), blocks: 3,
                evaluate: (_t, _y, v) => { v.set([-a, a, -b, -1, -a, 1, a, -b, -a, -1, a, -b]); }
            },
            forwardSensitivities: {
                states: 2, rhs: linear.rhs, jacobian: state,
                parameterDerivatives: (_t, y, out) => { out.set([-y[0], y[0], 0, -y[1]]); }
            }
        };
        problem.y0[0] = 1;
        const rtol = 1e-8, atol = 1e-12;
        const times = [1e-3, 0.01, 0.1, 1, 5, 10];
        for (const method of ['bdf', 'stiff'] as const) {
            const solution = solve(problem, method, { rtol, atol, outputTimes: times });
            solution.values.forEach((y, k) => assertWithin(y, exact(times[k]), rtol, atol, `${method}, t = ${times[k]}`, LINEAR_FACTOR));
        }
    });

    it('restarts its history after each event: a species dosed back to 5 whenever it falls below 1 follows 5·e^(−0.4·(t mod ln 5/0.4))', () => {
        const ir = model().species('A', { initial: 5, clearance: 0.4 })
            .scenario('Run', 20, { step: 0.5, observe: [observe('A')] }).build();
        ir.scenarios[0].events.push(when('A < 1', dose('A', 4)));
        const result = simulateScenario(ir, 'Run', { method: 'bdf', rtol: 1e-10, atol: 1e-12 });
        const period = Math.log(5) / 0.4;
        const expected = result.time.map(t => 5 * Math.exp(-0.4 * (t % period)));
        assert.equal(result.time.length, 41);
        // Four doses in 20 min; each restart begins again at order 1 from the dosed state. The
        // global error after four restarts reaches 78 times the local tolerance: allowed 200.
        assertWithin(result.series[0].values, expected, 1e-10, 1e-12, 'A', 200);
    });
});
