import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ModelLoader } from '@neurocascade/language';
import { compileModel, simulateScenario, solve, type CompiledModel, type ModelIR } from '@neurocascade/simulator';

const examples = resolve(dirname(fileURLToPath(import.meta.url)), '../../../examples');
const files = readdirSync(examples).filter(f => f.endsWith('.cascade')).sort();

/** Dense ∂f/∂y from the compiled analytic Jacobian (zero outside its sparsity pattern). */
function analyticJacobian(m: CompiledModel, t: number, y: Float64Array): Float64Array[] {
    const { pattern, evaluate } = m.jacobian;
    const values = new Float64Array(pattern.colIndex.length);
    evaluate(t, y, values);
    const dense = Array.from({ length: y.length }, () => new Float64Array(y.length));
    for (let i = 0; i < pattern.n; i++) {
        for (let k = pattern.rowStart[i]; k < pattern.rowStart[i + 1]; k++) dense[i][pattern.colIndex[k]] = values[k];
    }
    return dense;
}

/**
 * Dense ∂f/∂y by central differences of the compiled right-hand side. The step is relative
 * to the state (absolute 1e-9 µM for a state at zero): far below any Michaelis constant,
 * far above round-off.
 */
function differencedJacobian(m: CompiledModel, t: number, y: Float64Array): Float64Array[] {
    const n = y.length;
    const columns: Float64Array[] = [];
    const up = new Float64Array(n), down = new Float64Array(n);
    for (let j = 0; j < n; j++) {
        const h = Math.max(Math.abs(y[j]), 1e-3) * 1e-6;
        const shifted = Float64Array.from(y);
        shifted[j] = y[j] + h;
        m.rhs(t, shifted, up);
        shifted[j] = y[j] - h;
        m.rhs(t, shifted, down);
        columns.push(up.map((u, i) => (u - down[i]) / (2 * h)));
    }
    return Array.from({ length: n }, (_, i) => Float64Array.from(columns, c => c[i]));
}

/** Entries where the two Jacobians differ by more than 1e-5 relative, with a floor of 1e-8 of the row's largest entry. */
function disagreements(m: CompiledModel, t: number, y: Float64Array): string[] {
    const analytic = analyticJacobian(m, t, y), differenced = differencedJacobian(m, t, y);
    const found: string[] = [];
    analytic.forEach((row, i) => {
        const floor = 1e-8 * Math.max(...row.map(Math.abs), ...differenced[i].map(Math.abs), 1e-12);
        row.forEach((a, j) => {
            const d = differenced[i][j];
            if (!(Math.abs(a - d) <= 1e-5 * Math.max(Math.abs(a), Math.abs(d)) + floor)) {
                found.push(`∂(d${m.stateNames[i]}/dt)/∂${m.stateNames[j]} at t = ${t}: analytic ${a}, differences ${d}`);
            }
        });
    });
    return found;
}

/** A fixed pseudo-random sequence in [0, 1), so a failure reproduces. */
function random(seed: number): () => number {
    let s = seed;
    return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** The initial state, three random perturbations of it (each state × 0.5…2, zeros lifted), and two states along the first scenario. */
function statesToCheck(m: CompiledModel, duration: number): { t: number; y: Float64Array }[] {
    m.reset();
    const y0 = new Float64Array(m.stateNames.length);
    m.initialValues(new Float64Array(y0.length), y0);
    const next = random(2026);
    const perturbed = [1, 2, 3].map(() => ({ t: 0, y: y0.map(v => (v === 0 ? 1e-3 * next() : v * 2 ** (2 * next() - 1))) }));
    const run = solve({ rhs: m.rhs, jacobian: m.jacobian, y0, t0: 0, tEnd: duration, names: m.stateNames },
        'auto', { outputTimes: [duration / 3, duration] });
    return [{ t: 0, y: y0 }, ...perturbed, ...run.times.map((t, k) => ({ t, y: run.values[k] }))];
}

describe('example models (cross-package: language → simulator)', function () {
    this.timeout(20_000);
    const models = new Map<string, ModelIR>();

    before(async () => {
        const loader = new ModelLoader();
        const loaded = await loader.loadFiles(files.map(f => join(examples, f)));
        loaded.forEach((l, k) => {
            if (!l.model) throw new Error(`${files[k]} does not load: ${l.diagnostics.map(d => d.message).join('; ')}`);
            models.set(files[k], l.model);
        });
    });

    it('there are example models to check', () => {
        assert.ok(files.length >= 5, `found ${files.join(', ')}`);
    });

    for (const file of files) {
        it(`${file}: the analytic Jacobian agrees with finite differences of the right-hand side`, () => {
            const ir = models.get(file)!;
            const m = compileModel(ir);
            const duration = ir.scenarios[0]?.duration ?? 100;
            const found = statesToCheck(m, duration).flatMap(({ t, y }) => disagreements(m, t, y));
            assert.deepEqual(found.slice(0, 10), [], `${found.length} entries disagree`);
        });

        it(`${file}: the first scenario simulates to finite, non-negative concentrations`, () => {
            const ir = models.get(file)!;
            const scenario = ir.scenarios[0];
            const result = simulateScenario(ir);
            assert.equal(result.scenario, scenario.name);
            assert.equal(result.time.length, Math.round(scenario.duration / scenario.step) + 1);
            assert.equal(result.time.at(-1), scenario.duration);
            const species = new Set(ir.species.map(s => s.name));
            for (const series of result.series) {
                assert.equal(series.values.length, result.time.length, series.name);
                assert.ok(series.values.every(Number.isFinite), `${series.name} has a value that is not finite`);
                if (species.has(series.name)) {
                    const largest = Math.max(...series.values.map(Math.abs));
                    const lowest = Math.min(...series.values);
                    assert.ok(lowest >= -1e-6 * largest, `${series.name} goes negative: ${lowest} ${series.unit}`);
                }
            }
        });
    }
});
