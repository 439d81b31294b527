import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationTokenSource, type CodeAction } from 'vscode-languageserver';
import { SimulationError } from '@neurocascade/simulator';
import { simulationsFor } from '../../src/simulation/cascade-simulations.js';
import { Cascade, documentAt, shared } from '../lsp/lsp-services.js';

/** Standard normal numbers from a seeded linear congruential generator (Box–Muller): the same noise every run. */
function gaussian(seed: number): () => number {
    let s = seed >>> 0;
    const uniform = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

// A(t) = s/k + (A0 − s/k)·e^(−k t) with A0 = 0: the data come from s = 2 uM/min, k = 0.5 /min with 5 % noise;
// the model is written with s = 1 uM/min, k = 0.2 /min.
const TRUTH = { supply: 2, clearance: 0.5 };
const TIMES = [0.5, 1, 2, 3, 4, 6, 8, 10];

function fitModel(): string {
    const noise = gaussian(11);
    const points = TIMES.map(t => {
        const a = TRUTH.supply / TRUTH.clearance * (1 - Math.exp(-TRUTH.clearance * t));
        return `    Rise A at ${t} min ${(a * (1 + 0.05 * noise())).toFixed(5)} uM ± ${(0.05 * a).toFixed(5)} uM`;
    });
    return `precursor A { initial 0 uM  supply 1 uM/min  clearance 0.2 /min }
scenario Rise { simulate 10 min }
data Measured {
${points.join('\n')}
}
fit Kinetics "supply and clearance of A" {
    data Measured
    estimate A supply in [0.1 uM/min, 10 uM/min] log
    estimate A clearance in [0.01 /min, 5 /min] log
}
`;
}

describe('fits in the editor', function () {
    this.timeout(120_000);
    const simulations = simulationsFor(shared);
    after(() => simulations.dispose());

    it('▶ Fit: outlines the fit, recovers the estimates within their profile intervals and returns the curves the view draws', async () => {
        const text = fitModel();
        const document = await documentAt('file:///fits/kinetics.cascade', text);
        const uri = document.uri.toString();
        const outline = await simulations.outline(uri);
        assert.deepEqual(outline.fits.map(f => [f.name, f.title, f.line]), [['Kinetics', 'supply and clearance of A', 12]]);
        const progress: number[] = [];
        const result = await simulations.runFit({ uri, fit: 'Kinetics' }, { onProgress: f => progress.push(f) });
        assert.equal(result.title, 'supply and clearance of A');
        assert.deepEqual(result.estimates.map(e => [e.label, e.unit]), [['A.supply', 'uM/min'], ['A.clearance', '/min']]);
        for (const [j, truth] of [TRUTH.supply, TRUTH.clearance].entries()) {
            const e = result.estimates[j];
            assert.ok(e.identifiable, `${e.label} is identifiable`);
            assert.ok(e.interval[0] <= truth && truth <= e.interval[1], `${truth} within [${e.interval}] of ${e.label}`);
            assert.ok(e.interval[0] < e.value && e.value < e.interval[1]);
        }
        assert.equal(result.points.length, TIMES.length);
        assert.equal(result.dataPoints, TIMES.length);
        // χ² is the sum of squared residuals; AIC = −2 ln L + 2k with −2 ln L = χ² + Σ ln(2π sd²).
        assert.ok(Math.abs(result.chi2 - result.points.reduce((s, p) => s + p.residual ** 2, 0)) < 1e-9);
        const constant = result.points.reduce((s, p) => s + Math.log(2 * Math.PI * p.sd * p.sd), 0);
        assert.ok(Math.abs(result.aic - (result.chi2 + constant + 4)) < 1e-9);
        // The curve is the analytic solution at the fitted values, through 10 min.
        const [curve] = result.curves;
        assert.deepEqual([curve.scenario, curve.series.map(s => s.name), curve.times.at(-1)], ['Rise', ['A'], 10]);
        const [s, k] = result.estimates.map(e => e.value);
        curve.times.forEach((t, i) => assert.ok(Math.abs(curve.series[0].values[i] - s / k * (1 - Math.exp(-k * t))) < 1e-3, `A at ${t} min`));
        assert.ok(progress.length > 0 && progress.every(f => f >= 0 && f <= 1), 'progress is reported as fractions');
    });

    it('offers "Write fitted values into the model" inside the fit once it has run; the edit writes them in the units written', async () => {
        const text = fitModel();
        const document = await documentAt('file:///fits/write.cascade', text);
        const uri = document.uri.toString();
        const inFit = document.textDocument.positionAt(text.indexOf('estimate A supply'));
        const actions = async () => await Cascade.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri }, range: { start: inFit, end: inFit }, context: { diagnostics: [] }
        }) as CodeAction[];
        assert.deepEqual(await actions(), [], 'nothing to write before the fit has run');
        const result = await simulations.runFit({ uri, fit: 'Kinetics' });
        const [action] = await actions();
        assert.match(action.title, /^Write fitted values into the model \(Kinetics: A\.supply = [\d.]+ uM\/min, A\.clearance = [\d.]+ \/min\)$/);
        const written = TextDocument.applyEdits(document.textDocument, action.edit!.changes![uri]);
        const line = written.split('\n')[0];
        const [supply, clearance] = /supply ([\d.e+-]+) uM\/min {2}clearance ([\d.e+-]+) \/min/.exec(line)!.slice(1).map(Number);
        assert.ok(Math.abs(supply / result.estimates[0].value - 1) < 1e-3 && Math.abs(clearance / result.estimates[1].value - 1) < 1e-3, line);
        assert.equal(written.split('\n').slice(1).join('\n'), text.split('\n').slice(1).join('\n'), 'only the written values change');
        const outside = document.textDocument.positionAt(text.indexOf('scenario Rise'));
        assert.deepEqual(await Cascade.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri }, range: { start: outside, end: outside }, context: { diagnostics: [] }
        }), [], 'not offered outside the fit');
    });

    it('stops a fit when its request is cancelled (the progress notification\'s cancel), and the next fit runs', async () => {
        // Each evaluation integrates weeks of a one-minute rhythm with its sensitivities: seconds, so the fit is still running when cancelled.
        const slow = await documentAt('file:///fits/slow.cascade', `modulator Clock { level circadian(mean 1, amplitude 0.5, peak 0 min, period 1 min) }
precursor B { supply 1 uM/min * Clock.level  clearance 0.1 /min }
scenario Long { simulate 2000 h  step 100 h }
data D { Long B at 1000 h 10 uM ± 1 uM }
fit Slow { data D  estimate B clearance in [0.01 /min, 1 /min] log }
`);
        const source = new CancellationTokenSource();
        const started = performance.now();
        const run = simulations.runFit({ uri: slow.uri.toString(), fit: 'Slow' }, { token: source.token });
        setTimeout(() => source.cancel(), 300);
        await assert.rejects(run, (e: unknown) => e instanceof SimulationError && e.reason === 'cancelled');
        assert.ok(performance.now() - started < 2000, 'the cancelled fit answers at once');
        const uri = (await documentAt('file:///fits/after.cascade', fitModel())).uri.toString();
        assert.equal((await simulations.runFit({ uri, fit: 'Kinetics' })).fit, 'Kinetics');
    });
});
