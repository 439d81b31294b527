import assert from 'node:assert/strict';
import { cascade, folderWith } from './run-cli.js';

/**
 * Each species has supply s and clearance k = 0.1 /min, so it settles at s/k: Mel at 600 pg/mL
 * (written in pg/mL, a mass concentration: base g/L), Nx at 6 nM (no unit on an initial; its
 * expect is in nM), Mm at 6 nM = 6e-9 mol/L · 232.28 g/mol = 1393.68 pg/mL (initial in pg/mL,
 * base µM through its molar mass), Bulk at 3 µM.
 */
const UNITS = `model Units
precursor Mel { initial 0 pg/mL  supply 60 pg/mL/min  clearance 0.1 /min }
precursor Nx { supply 0.6 nM/min  clearance 0.1 /min }
precursor Mm { initial 0 pg/mL  supply 0.6 nM/min  clearance 0.1 /min  molar_mass 232.28 g/mol }
precursor Bulk { initial 0 uM  supply 0.3 uM/min  clearance 0.1 /min }
scenario Base {
    simulate 600 min step 60 min
    expect Mel at steady between 10 pg/mL and 30 pg/mL
    expect Nx at steady between 5 nM and 7 nM
}
`;

describe('values in the units their author wrote', () => {
    const folder = folderWith({ 'units.cascade': UNITS });

    it('steady shows each species in its written unit, else in the unit of its expects', () => {
        const run = cascade(['steady', 'units.cascade', '--format', 'csv'], folder);
        assert.equal(run.status, 0, run.stderr);
        const row = (name: string) => run.stdout.split('\n').find(line => line.startsWith(`${name},`))!.split(',');
        const expected: [string, string, number][] = [['Mel', 'pg/mL', 600], ['Nx', 'nM', 6], ['Mm', 'pg/mL', 6e-9 * 232.28 * 1e9], ['Bulk', 'uM', 3]];
        for (const [name, unit, value] of expected) {
            assert.equal(row(name)[1], unit, name);
            assert.ok(Math.abs(Number(row(name)[2]) / value - 1) < 1e-6, row(name).join());
        }
    });

    it('--units base shows base units; JSON keeps base values and adds the display unit', () => {
        const base = cascade(['steady', 'units.cascade', '--format', 'csv', '--units', 'base'], folder);
        const mel = base.stdout.split('\n').find(line => line.startsWith('Mel,'))!.split(',');
        assert.equal(mel[1], 'g/L');
        assert.ok(Math.abs(Number(mel[2]) / 6e-7 - 1) < 1e-6);
        const json = JSON.parse(cascade(['steady', 'units.cascade', '--format', 'json'], folder).stdout);
        const value = json.values.find((v: { name: string }) => v.name === 'Mm');
        assert.deepEqual([value.unit, value.displayUnit], ['uM', 'pg/mL']);
        assert.ok(Math.abs(value.value - 0.006) < 1e-9);
    });

    it('a failed expect reports the value and its range in the unit the range was written in', () => {
        const run = cascade(['check', '--simulate', 'units.cascade'], folder);
        assert.equal(run.status, 1);
        assert.match(run.stdout, /expect-failed Base: Mel at steady state is 600 pg\/mL, outside the expected range \(between 10 pg\/mL and 30 pg\/mL\)/);
        assert.doesNotMatch(run.stdout, /Nx/, 'Nx is within its range');
    });

    it('simulate writes CSV headers in display units, and JSON says the unit of its times', () => {
        const csv = cascade(['simulate', 'units.cascade'], folder).stdout.split('\n');
        assert.equal(csv[0], 'time (min),Mel (pg/mL),Nx (nM),Mm (pg/mL),Bulk (uM)');
        // Nx(t) = 6·(1 − e^(−0.1 t)) nM; at 60 min: 6·(1 − e^(−6)).
        assert.ok(Math.abs(Number(csv[2].split(',')[2]) - 6 * (1 - Math.exp(-6))) < 1e-4, csv[2]);
        const json = JSON.parse(cascade(['simulate', 'units.cascade', '--format', 'json'], folder).stdout);
        assert.equal(json.timeUnit, 'min');
        assert.deepEqual(json.series.map((s: { displayUnit?: string }) => s.displayUnit), ['pg/mL', 'nM', 'pg/mL', 'uM']);
    });
});
