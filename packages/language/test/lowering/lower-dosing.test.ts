import assert from 'node:assert/strict';
import { resolveScenario, simulateScenario } from '@neurocascade/simulator';
import { lower } from './lower-helper.js';

/**
 * Doses by mass and amount, schedules, infusions and a modulator as antagonist (docs/reference.md#dose), checked
 * against closed forms: the Bateman function of a one-compartment oral drug, its superposition
 * for repeated doses, and the zero-order-input solution of an infusion.
 */
const TIGHT = { rtol: 1e-10, atol: 1e-14 };

/** A drug of 300 g/mol: gut (1 L) → plasma (40 L), ka 1 /h, ke 0.1 /h; `scenario` goes below. */
const ORAL = (scenario: string) => `
    model Oral
    compartment Gut { volume 1 L }
    compartment Plasma { volume 40 L }
    precursor Gut_drug in Gut { initial 0 uM  molar_mass 300 g/mol }
    transmitter Drug in Plasma { initial 0 uM  clearance 0.1 /h  molar_mass 300 g/mol }
    transporter Absorption { moves Gut_drug -> Drug  rate 1 /h }
    ${scenario}
`;

const KA = 1 / 60, KE = 0.1 / 60;

/**
 * Plasma concentration (µM) after an oral dose of `dose` µmol at t = 0 (minutes): the amount
 * absorbed from the gut is ka·A_gut, so C = D·ka/(V·(ka − ke))·(e^(−ke·t) − e^(−ka·t)).
 */
function bateman(dose: number, t: number): number {
    return t < 0 ? 0 : dose * KA / (40 * (KA - KE)) * (Math.exp(-KE * t) - Math.exp(-KA * t));
}

function series(result: ReturnType<typeof simulateScenario>, name: string): number[] {
    return result.series.find(s => s.name === name)!.values;
}

function close(actual: number, expected: number, relative: number, what: string): void {
    assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected) + 1e-12, `${what}: ${actual} ≠ ${expected}`);
}

describe('dosing: dose by mass and amount, schedules, infusions', () => {
    it('a mass dose converts with the molar mass and the compartment volume: the Bateman function', async () => {
        const ir = await lower(ORAL(`scenario Once { simulate 24 h step 1 h  dose Gut_drug 5 mg }`));
        const result = simulateScenario(ir, 'Once', TIGHT);
        const dose = 5e-3 / 300 * 1e6; // µmol
        // Into the gut (1 L): the whole dose as a concentration at t = 0.
        assert.equal(series(result, 'Gut_drug')[0], dose / 1);
        result.time.forEach((t, i) => close(series(result, 'Drug')[i], bateman(dose, t), 1e-7, `Drug at ${t} min`));
    });

    it('an amount dose is divided by the volume of the species\' compartment', async () => {
        const ir = await lower(ORAL(`scenario Bolus { simulate 1 h step 1 h  dose Drug 20 umol }`));
        const result = simulateScenario(ir, 'Bolus', TIGHT);
        // Into plasma (40 L): 0.5 µM, then first-order elimination.
        close(series(result, 'Drug')[0], 0.5, 1e-12, 'Drug at 0');
        close(series(result, 'Drug')[1], 0.5 * Math.exp(-KE * 60), 1e-8, 'Drug at 1 h');
    });

    it('`every 24 h times 3` after `at 2 h` gives three doses: the superposition of shifted Bateman curves', async () => {
        const ir = await lower(ORAL(`scenario Daily { simulate 4 d step 2 h  at 2 h every 24 h times 3 dose Gut_drug 5 mg }`));
        const doses = resolveScenario(ir, ir.scenarios[0]).events.map(e => e.trigger.kind === 'at' ? e.trigger.time : NaN);
        assert.deepEqual(doses, [120, 120 + 1440, 120 + 2880]);
        const result = simulateScenario(ir, 'Daily', TIGHT);
        const dose = 5e-3 / 300 * 1e6;
        result.time.forEach((t, i) => {
            const expected = doses.reduce((sum, start) => sum + bateman(dose, t - start), 0);
            close(series(result, 'Drug')[i], expected, 1e-7, `Drug at ${t} min`);
        });
    });

    it('`until` bounds a schedule (inclusive), and without a bound it runs to the end of the scenario', async () => {
        const ir = await lower(ORAL(`
            scenario Until { simulate 3 d  every 12 h until 1 d dose Gut_drug 1 mg }
            scenario Open { simulate 30 h  every 8 h dose Gut_drug 1 mg }
        `));
        const times = (k: number) => resolveScenario(ir, ir.scenarios[k]).events.map(e => e.trigger.kind === 'at' ? e.trigger.time : NaN);
        assert.deepEqual(times(0), [0, 720, 1440]);
        assert.deepEqual(times(1), [0, 480, 960, 1440]);
    });

    it('an open schedule inherited by a longer scenario runs to the end of that scenario', async () => {
        const ir = await lower(ORAL(`
            scenario Short { simulate 1 d  every 12 h dose Gut_drug 1 mg }
            scenario Long extends Short { simulate 2 d }
        `));
        const times = (name: string) => resolveScenario(ir, ir.scenarios.find(s => s.name === name)!).events.map(e => e.trigger.kind === 'at' ? e.trigger.time : NaN);
        assert.deepEqual(times('Short'), [0, 720, 1440]);
        assert.deepEqual(times('Long'), [0, 720, 1440, 2160, 2880]);
    });

    it('`infuse X 2 mg/h from 1 h to 5 h` is a zero-order input over the window', async () => {
        const ir = await lower(ORAL(`scenario Drip { simulate 10 h step 15 min  infuse Drug 2 mg/h from 1 h to 5 h }`));
        const result = simulateScenario(ir, 'Drip', TIGHT);
        // R = 2 mg/h / 300 g/mol / 40 L in µM/min; C = R/ke·(1 − e^(−ke(t−1 h))) during, then decays.
        const rate = 2e-3 / 300 * 1e6 / 60 / 40;
        const during = (t: number) => rate / KE * (1 - Math.exp(-KE * (t - 60)));
        const expected = (t: number) => t <= 60 ? 0 : t <= 300 ? during(t) : during(300) * Math.exp(-KE * (t - 300));
        result.time.forEach((t, i) => close(series(result, 'Drug')[i], expected(t), 1e-7, `Drug at ${t} min`));
    });

    it('an infusion in µM/min needs no volume, and one that starts at 0 applies from the first instant', async () => {
        const ir = await lower(`
            transmitter X { initial 0 uM  clearance 1 /min }
            scenario S { simulate 2 min step 1 min  infuse X 3 uM/min from 0 min to 1 min }
        `);
        const x = series(simulateScenario(ir, 'S', TIGHT), 'X');
        close(x[1], 3 * (1 - Math.exp(-1)), 1e-8, 'X at 1 min');
        close(x[2], 3 * (1 - Math.exp(-1)) * Math.exp(-1), 1e-8, 'X at 2 min');
    });

    it('`blocked by` a modulator uses its level as the antagonist concentration', async () => {
        const ir = await lower(`
            transmitter L { initial 10 nM  fixed }
            modulator Antagonist { level pulse(base 0 nM, peak 30 nM, start 1 h, duration 2 h) }
            receptor R { binds L  kd 10 nM  blocked by Antagonist ki 10 nM }
            scenario S { simulate 4 h step 30 min  observe R.occupancy }
        `);
        const occupancy = series(simulateScenario(ir, 'S', TIGHT), 'R.occupancy');
        // θ = (L/Kd)/(1 + L/Kd + B/Ki): 1/2 without the antagonist, 1/(2 + 3) while it is given.
        assert.deepEqual(occupancy.map(v => +v.toFixed(12)), [0.5, 0.5, 0.2, 0.2, 0.2, 0.2, 0.5, 0.5, 0.5]);
    });
});
