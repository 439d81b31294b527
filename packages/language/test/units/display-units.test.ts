import { strict as assert } from 'node:assert';
import { readableDisplayUnit } from '../../src/units/display-units.js';

describe('readable display units', () => {
    // Values of the issue: extracellular noradrenaline and melatonin, in base units.
    const cases: [string, number, string, number][] = [
        ['uM', 0.00188, 'nM', 1.88],
        ['uM', 0.000179, 'pM', 179],
        ['uM', 147800, 'mM', 147.8],
        ['uM', 4.4, 'uM', 4.4],
        ['uM', 2e-7, 'pM', 0.2],
        ['g/L', 1.79e-10, 'pg/mL', 0.179],
        ['g/L', 6e-7, 'pg/mL', 600],
        ['g/L', 2.5e-5, 'ng/mL', 25]
    ];
    for (const [base, value, unit, shown] of cases) {
        it(`${value} ${base} reads ${shown} ${unit}`, () => {
            const display = readableDisplayUnit(base, value)!;
            assert.equal(display.unit, unit);
            assert.ok(Math.abs(value / display.scale / shown - 1) < 1e-9, `${value / display.scale}`);
        });
    }

    it('keeps units without prefixes here, and zero, as they are', () => {
        assert.equal(readableDisplayUnit('min', 30), undefined);
        assert.equal(readableDisplayUnit('1', 0.5), undefined);
        assert.equal(readableDisplayUnit('uM', 0), undefined);
    });
});
