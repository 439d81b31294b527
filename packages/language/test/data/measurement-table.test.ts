import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseMeasurementTable } from '../../src/data/measurement-table.js';
import { ModelLoader } from '../../src/workspace/model-loader.js';

const HEADER = 'scenario,quantity,time,value,unit,sd';

describe('data files (docs/reference.md#data)', () => {
    it('reads quoted cells, CRLF, a BOM, blank lines and a header in any order', () => {
        const table = parseMeasurementTable('\uFEFFsd,unit,value,time,quantity,scenario\r\n\r\n0.5,"nM",20,steady,Dopamine,"Base, line"\r\n,,0.4,5 min,D2.occupancy,Base\r\n');
        assert.deepEqual(table.problems, []);
        assert.equal(table.rows.length, 2);
        const [first, second] = table.rows;
        assert.deepEqual([first.line, first.scenario.text, first.target, first.member, first.time, first.value, first.unit.text, first.sd], [3, 'Base, line', 'Dopamine', undefined, 'steady', 20, 'nM', 0.5]);
        assert.deepEqual([second.target, second.member, second.time, second.sd], ['D2', 'occupancy', { value: 5, unit: 'min' }, undefined]);
    });

    // Each malformed file, and the line, column and words of the one problem it must give.
    const BAD: [string, string, number, number, RegExp][] = [
        ['empty file', '', 1, 1, /empty/],
        ['unknown column', `${HEADER},note\n`, 1, 38, /unknown column 'note'/],
        ['missing column', 'scenario,quantity,time,value\n', 1, 1, /lacks 'unit'/],
        ['column twice', `${HEADER},sd\n`, 1, 38, /'sd' is written twice/],
        ['too few cells', `${HEADER}\nBase,X,steady,1,uM\n`, 2, 1, /5 cells where the header has 6/],
        ['time without unit', `${HEADER}\nBase,X,30,1,uM,1\n`, 2, 8, /needs a unit/],
        ['time not a number', `${HEADER}\nBase,X,soon,1,uM,1\n`, 2, 8, /neither 'steady' nor a number/],
        ['value not a number', `${HEADER}\nBase,X,steady,1.2.3,uM,1\n`, 2, 15, /'1\.2\.3' is not a number/],
        ['sd not a number', `${HEADER}\nBase,X,steady,1,uM,x\n`, 2, 20, /sd 'x' is not a number/],
        ['sd of 0', `${HEADER}\nBase,X,steady,1,uM,0\n`, 2, 20, /above 0/],
        ['bad quantity', `${HEADER}\nBase,X.speed,steady,1,uM,1\n`, 2, 6, /not an observable name/],
        ['empty scenario', `${HEADER}\n,X,steady,1,uM,1\n`, 2, 1, /scenario is empty/],
        ['unclosed quote', `${HEADER}\n"Base,X,steady,1,uM,1\n`, 2, 1, /not closed/]
    ];
    for (const [what, text, line, column, message] of BAD) {
        it(`reports ${what} at its line and column`, () => {
            const { problems } = parseMeasurementTable(text);
            assert.equal(problems.length, 1, JSON.stringify(problems));
            assert.deepEqual([problems[0].line, problems[0].column], [line, column]);
            assert.match(problems[0].message, message);
        });
    }

    describe('checked against the model, on the data line', () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'cascade-data-'));
        after(() => rmSync(folder, { recursive: true, force: true }));
        let count = 0;
        const check = async (csv: string) => {
            const dir = path.join(folder, String(count++));
            mkdirSync(path.join(dir, 'data'), { recursive: true });
            writeFileSync(path.join(dir, 'data', 'x.csv'), csv);
            const model = path.join(dir, 'model.cascade');
            writeFileSync(model, 'transmitter Dopamine { initial 20 nM  clearance 1 /min }\nreceptor D2 { binds Dopamine kd 10 nM }\nscenario Base { simulate 1 h }\ndata D from "data/x.csv"\n');
            const loader = new ModelLoader();
            loader.addWorkspaceRoot(dir);
            const [loaded] = await loader.loadFiles([model]);
            return loaded.diagnostics.filter(d => d.line === 4);
        };

        it('a clean file gives nothing', async () => {
            assert.deepEqual(await check(`${HEADER}\nBase,Dopamine,steady,20,nM,5\nBase,D2.occupancy,1 h,0.6,,0.1\n`), []);
        });
        const CASES: [string, string, string, string, RegExp][] = [
            ['an unknown scenario', 'Other,Dopamine,steady,20,nM,5', 'error', 'unresolved', /line 2, column 1: unknown scenario 'Other'/],
            ['an unknown quantity', 'Base,Serotonin,steady,20,nM,5', 'error', 'unresolved', /line 2, column 6: unknown quantity 'Serotonin'/],
            ['a value of the wrong dimension', 'Base,Dopamine,steady,20,nM/min,5', 'error', 'unit-dimension', /line 2, column 25: expected amount concentration/],
            ['an occupancy with a unit', 'Base,D2.occupancy,steady,0.5,nM,0.1', 'error', 'unit-dimension', /line 2, column 30: expected dimensionless/],
            ['a time of the wrong dimension', 'Base,Dopamine,5 uM,20,nM,5', 'error', 'unit-dimension', /line 2, column 15: expected time/],
            ['an unknown unit', 'Base,Dopamine,steady,20,furlongs,5', 'error', 'unit-unknown', /line 2, column 25: unknown unit 'furlongs'/],
            ['a row that does not parse', 'Base,Dopamine,steady,20,nM', 'error', 'data-file', /line 2, column 1: 5 cells/],
            ['a missing sd (taken as 10 %)', 'Base,Dopamine,steady,20,nM,', 'warning', 'data-file', /1 measurement has no sd \(line 2\): each is taken as 10 % of its value/],
            ['a value of 0 without sd', 'Base,Dopamine,steady,0,nM,', 'error', 'data-file', /line 2, column 27: a value of 0 needs its sd/]
        ];
        for (const [what, row, severity, code, message] of CASES) {
            it(`${what}: ${severity} ${code}`, async () => {
                const diagnostics = await check(`${HEADER}\n${row}\n`);
                assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
                assert.deepEqual([diagnostics[0].severity, diagnostics[0].code], [severity, code]);
                assert.match(diagnostics[0].message, message);
            });
        }
    });
});
