import { strict as assert } from 'node:assert';
import { displayUnitFor, largestMagnitude, unitLabel } from '../src/shared/display-units.js';

describe('display units', () => {
    it('shows a concentration with the prefix that puts its largest value between 1 and 1000', () => {
        assert.deepEqual(displayUnitFor('uM', 0.0011749), { label: 'nM', factor: 1000 });
        assert.deepEqual(displayUnitFor('uM', 0.08), { label: 'nM', factor: 1000 });
        assert.deepEqual(displayUnitFor('uM', 27.2), { label: 'µM', factor: 1 });
        assert.deepEqual(displayUnitFor('uM', 2500), { label: 'mM', factor: 1e-3 });
        assert.deepEqual(displayUnitFor('uM', 4e-4), { label: 'pM', factor: 1e6 });
    });

    it('scales mass concentrations and amounts the same way', () => {
        assert.equal(displayUnitFor('g/L', 3e-8).label, 'pg/mL');
        assert.ok(Math.abs(displayUnitFor('g/L', 3e-8).factor * 3e-8 - 30) < 1e-9);
        assert.equal(displayUnitFor('umol', 0.5).label, 'nmol');
        assert.equal(displayUnitFor('uM/min', 0.02).label, 'nM/min');
    });

    it('keeps the base unit for zero, non-finite values and units without prefixes', () => {
        assert.deepEqual(displayUnitFor('uM', 0), { label: 'µM', factor: 1 });
        assert.deepEqual(displayUnitFor('uM', Number.NaN), { label: 'µM', factor: 1 });
        assert.deepEqual(displayUnitFor('1', 0.5), { label: '', factor: 1 });
        assert.deepEqual(displayUnitFor('/min', 0.002), { label: '/min', factor: 1 });
        assert.equal(unitLabel('uM/min'), 'µM/min');
    });

    it('finds the largest finite magnitude, ignoring gaps', () => {
        assert.equal(largestMagnitude([null, -3, 2, Number.POSITIVE_INFINITY, undefined]), 3);
        assert.equal(largestMagnitude([]), 0);
    });
});
