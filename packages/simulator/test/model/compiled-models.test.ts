import assert from 'node:assert/strict';
import { CompiledModels } from '../../src/model/compiled-models.js';
import { simulateScenario } from '../../src/run/simulate.js';
import { model, observe } from './helpers/ir-builder.js';
import { close } from './helpers/numeric.js';

/** First-order decay of X from 10 at rate k: X(t) = 10·e^(−kt). */
const decay = (k: number) => model().species('X', { initial: 10, clearance: k }).scenario('S', 10, { step: 1, observe: [observe('X')] }).build();

describe('compiled models kept by content', () => {
    it('compiles a model once however often it comes, as a new but equal IR, and runs it right each time', () => {
        const models = new CompiledModels();
        const first = models.compile(decay(0.3));
        assert.equal(models.compile(decay(0.3)), first);
        for (let run = 0; run < 2; run++) {
            const r = simulateScenario(models.compile(decay(0.3)), 'S', { rtol: 1e-9, atol: 1e-12 });
            r.time.forEach((t, i) => close(r.series[0].values[i], 10 * Math.exp(-0.3 * t), 1e-6, 1e-9));
        }
    });

    it('hands a kept model out with the values it was written with, whatever a run set', () => {
        const models = new CompiledModels();
        const kept = models.compile(decay(0.3));
        kept.slots.fill(99);
        assert.deepEqual(models.compile(decay(0.3)).slots, kept.baseSlots);
        assert.ok(kept.baseSlots.includes(0.3));
    });

    it('compiles a model whose content differs, also only in −0 or a non-finite number, and runs each with its own values', () => {
        const models = new CompiledModels();
        const slow = models.compile(decay(0.3));
        const fast = models.compile(decay(0.5));
        assert.notEqual(fast, slow);
        const r = simulateScenario(fast, 'S', { rtol: 1e-9, atol: 1e-12 });
        r.time.forEach((t, i) => close(r.series[0].values[i], 10 * Math.exp(-0.5 * t), 1e-6, 1e-9));
        assert.notEqual(models.compile(decay(-0)), models.compile(decay(0)));
        assert.notEqual(models.compile(decay(Number.POSITIVE_INFINITY)), models.compile(decay(Number.NaN)));
    });

    it('keeps the four models used last', () => {
        const models = new CompiledModels();
        const first = models.compile(decay(0.1));
        [0.2, 0.3, 0.4].forEach(k => models.compile(decay(k)));
        assert.equal(models.compile(decay(0.1)), first, 'the fourth most recent is kept');
        [0.5, 0.6, 0.7, 0.8].forEach(k => models.compile(decay(k)));
        assert.notEqual(models.compile(decay(0.1)), first, 'the fifth most recent is compiled again');
    });
});
