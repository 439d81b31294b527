import assert from 'node:assert/strict';
import { simulateScenario } from '@neurocascade/simulator';
import { lower } from './lower-helper.js';

const series = (r: ReturnType<typeof simulateScenario>, name: string) => r.series.find(s => s.name === name)!.values;

/** X accumulates the level: X(T) = ∫ level dt (µM, minutes). */
const model = (level: string, scenario: string) => `modulator L { level ${level} }
precursor X { initial 0 uM  supply 1 uM/min * L.level }
scenario S {
    simulate 4 h step 30 min
    observe X, L.level
    ${scenario}
}
`;

describe('scenario actions as written', () => {
    it('`set L level pulse(…)` in hours pulses exactly as the same pulse written in the declaration', async () => {
        const pulse = 'pulse(base 0, peak 1, start 1 h, duration 2 h)';
        const tight = { rtol: 1e-10, atol: 1e-12 };
        const set = simulateScenario(await lower(model('0', `set L level ${pulse}`)), 'S', tight);
        const declared = simulateScenario(await lower(model(pulse, '')), 'S', tight);
        set.time.forEach((t, i) => {
            assert.equal(series(set, 'L.level')[i], t >= 60 && t < 180 ? 1 : 0, `level at ${t} min`);
            assert.ok(Math.abs(series(set, 'X')[i] - Math.min(Math.max(t - 60, 0), 120)) < 1e-9 * 120, `X at ${t} min`);
            assert.ok(Math.abs(series(set, 'X')[i] - series(declared, 'X')[i]) < 1e-12);
        });
    });

    it('`at 1 h set L level t / 1 h` follows the clock from 1 h on', async () => {
        const r = simulateScenario(await lower(model('0', 'at 1 h set L level t / 1 h')), 'S', { rtol: 1e-10, atol: 1e-12 });
        // X = ∫₆₀ᵗ s/60 ds = (t² − 3600)/120 after 1 h.
        r.time.forEach((t, i) => {
            assert.ok(Math.abs(series(r, 'L.level')[i] - (t < 60 ? 0 : t / 60)) < 1e-12, `level at ${t} min`);
            assert.ok(Math.abs(series(r, 'X')[i] - (t < 60 ? 0 : (t * t - 3600) / 120)) < 1e-7, `X at ${t} min`);
        });
    });
});
