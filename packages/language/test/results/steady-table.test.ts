import { strict as assert } from 'node:assert';
import { steadyRows } from '../../src/results/steady-table.js';

describe('the steady-state table', () => {
    const columns = [
        { scenario: 'Base', values: [{ name: 'Mel', unit: 'uM', display: { unit: 'pg/mL', scale: 4.305e-6 }, value: 8.61e-5 }, { name: 'Ser', unit: 'uM', value: 0.0005 }] },
        { scenario: 'SSRI', values: [{ name: 'Ser', unit: 'uM', value: 0.002 }, { name: 'HT1A.occupancy', unit: '1', value: 0.4 }] }
    ];

    it('has a row per quantity in the order the scenarios name them, a column per scenario, empty where one has no value', () => {
        const rows = steadyRows(columns);
        assert.deepEqual(rows.map(row => [row.name, row.values]), [['Mel', [8.61e-5, null]], ['Ser', [0.0005, 0.002]], ['HT1A.occupancy', [null, 0.4]]]);
    });

    it('shows a row in the unit its author wrote, else the prefix that puts the row\'s largest value between 1 and 1000', () => {
        const rows = steadyRows(columns);
        assert.deepEqual(rows.map(row => row.display?.unit), ['pg/mL', 'nM', undefined]);
        // 2 nM is the largest serotonin of the two scenarios: 0.5 nM and 2 nM, not 500 pM beside 2 nM.
        assert.deepEqual(rows[1].display, { unit: 'nM', scale: 1e-3 });
        assert.deepEqual(steadyRows(columns, 'base').map(row => row.display), [undefined, undefined, undefined]);
    });
});
