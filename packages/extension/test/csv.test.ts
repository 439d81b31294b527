import { strict as assert } from 'node:assert';
import { cascadeCsv, scenariosCsv } from '../src/shared/csv.js';
import { cascadeResult, scenarioResult } from './fixtures.js';

describe('CSV export', () => {
    it('writes one row per output time with a column per observed quantity and its unit', () => {
        const csv = scenariosCsv([scenarioResult('Baseline', [0, 30], { Serotonin: [0.3, 0.35], 'HT1A.occupancy': [0.1, 0.2] })]);
        assert.equal(csv, 'scenario,time (min),Serotonin (uM),HT1A.occupancy\nBaseline,0,0.3,0.1\nBaseline,30,0.35,0.2\n');
    });

    it('overlays scenarios with different quantities, leaving missing cells empty', () => {
        const csv = scenariosCsv([scenarioResult('A', [0], { X: [1] }), scenarioResult('B', [0], { Y: [2] })]);
        assert.deepEqual(csv.trim().split('\n'), ['scenario,time (min),X (uM),Y (uM)', 'A,0,1,', 'B,0,,2']);
    });

    it('guards a scenario or quantity name that a spreadsheet would run as a formula', () => {
        const csv = scenariosCsv([scenarioResult('=cmd', [0], { '-X': [-1] })]);
        assert.equal(csv, "scenario,time (min),'-X (uM)\n'=cmd,0,-1\n");
    });

    it('writes a cascade as `cascade cascade --format csv` does: a row per perturbation and quantity, in its display unit', () => {
        const rows = cascadeCsv(cascadeResult()).trim().split('\n');
        assert.equal(rows[0], 'perturbation,quantity,unit,base,perturbed,change,change (%),response coefficient,local coefficient,error');
        assert.equal(rows[1], 'Trp supply +50%,Serotonin,nM,2000,3000,1000,50,1,1.2,');
        assert.equal(rows[2], 'Trp supply +50%,HT1A.occupancy,1,0,0.1,0.1,,,,');
        assert.equal(rows[3], 'MAO activity 0,,,,,,,,,Cascade Loading: no steady state with MAO activity 0: Serotonin grows without bound');
    });
});
