import { strict as assert } from 'node:assert';
import { cascadeCsv, csvField, scenariosCsv, toCsv } from '../src/shared/csv.js';
import { cascadeResult, scenarioResult } from './fixtures.js';

describe('CSV export', () => {
    it('writes one row per output time with a column per observed quantity and its unit', () => {
        const csv = scenariosCsv([scenarioResult('Baseline', [0, 30], { Serotonin: [0.3, 0.35], 'HT1A.occupancy': [0.1, 0.2] })]);
        assert.equal(csv, 'scenario,time (min),Serotonin (uM),HT1A.occupancy\r\nBaseline,0,0.3,0.1\r\nBaseline,30,0.35,0.2\r\n');
    });

    it('overlays scenarios with different quantities, leaving missing cells empty', () => {
        const csv = scenariosCsv([scenarioResult('A', [0], { X: [1] }), scenarioResult('B', [0], { Y: [2] })]);
        assert.deepEqual(csv.trim().split('\r\n'), ['scenario,time (min),X (uM),Y (uM)', 'A,0,1,', 'B,0,,2']);
    });

    it('keeps full precision and leaves non-finite values empty', () => {
        assert.equal(csvField(0.1 + 0.2), '0.30000000000000004');
        assert.equal(csvField(NaN), '');
        assert.equal(csvField(Infinity), '');
    });

    it('quotes text with commas, quotes or line breaks', () => {
        assert.equal(toCsv([['a,b', 'say "hi"', 'two\nlines']]), '"a,b","say ""hi""","two\nlines"\r\n');
    });

    it('keeps text from being read as a spreadsheet formula', () => {
        assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
        assert.equal(csvField('+1'), "'+1");
        assert.equal(csvField(-1), '-1');
    });

    it('writes a cascade as one row per perturbation and measured quantity', () => {
        const rows = cascadeCsv(cascadeResult()).trim().split('\r\n');
        assert.equal(rows[0], 'perturbation,quantity,unit,base,perturbed,change,change (%),response coefficient,local coefficient,error');
        assert.equal(rows[1], 'Trp supply +50%,Serotonin,uM,2,3,1,50,1,1.2,');
        assert.equal(rows[2], 'Trp supply +50%,HT1A.occupancy,1,0,0.1,0.1,,,,');
        assert.equal(rows[3], 'MAO activity 0,,,,,,,,,Cascade Loading: no steady state with MAO activity 0: Serotonin grows without bound');
    });
});
