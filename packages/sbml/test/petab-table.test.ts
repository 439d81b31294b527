import * as assert from 'node:assert/strict';
import { numberCell, PetabError, readTable, writeTable } from '../src/petab-table.js';

describe('PEtab tables', () => {
    it('reads a header and rows, trimming cells and skipping blank lines, with the line each row starts on', () => {
        const table = readTable('observableId\ttime\tmeasurement\n\nobs_A\t 5 \t1.5e-1\r\nobs_B\tinf\t2\n\n', 'm.tsv', ['time']);
        assert.deepEqual(table.columns, ['observableId', 'time', 'measurement']);
        assert.deepEqual(table.rows.map(r => [r.line, r.cells.get('observableId'), r.cells.get('time')]), [[3, 'obs_A', '5'], [4, 'obs_B', 'inf']]);
        assert.equal(numberCell(table, table.rows[0], 'measurement'), 0.15);
        assert.equal(numberCell(table, table.rows[1], 'time'), Infinity);
    });

    it('writes fields with tabs, line breaks and quotes quoted, and reads them back unchanged', () => {
        const rows = [['plain', 'a\tb', 'say "hi"'], ['two\nlines', '', 'x']];
        const text = writeTable(['one', 'two', 'three'], rows);
        assert.equal(text, 'one\ttwo\tthree\nplain\t"a\tb"\t"say ""hi"""\n"two\nlines"\t\tx\n');
        const table = readTable(text, 't.tsv', []);
        assert.deepEqual(table.rows.map(r => [...r.cells.values()]), rows);
        assert.deepEqual(table.rows.map(r => r.line), [2, 3], 'a quoted line break counts towards the next row’s line');
    });

    const fails = (text: string, required: string[], message: RegExp) => assert.throws(() => readTable(text, 'bad.tsv', required), (e: unknown) => {
        assert.ok(e instanceof PetabError);
        assert.match(e.message, message);
        return true;
    });

    it('rejects malformed tables naming the file and line', () => {
        fails('', [], /^bad\.tsv:1: the table is empty/);
        fails('a\tb\n1\t2\n3\n', [], /^bad\.tsv:3: 1 fields, but the header names 2 columns/);
        fails('a\tb\n1\t2\t3\n', [], /^bad\.tsv:2: 3 fields/);
        fails('a\ta\n', [], /^bad\.tsv:1: column 'a' appears twice/);
        fails('a\t\tb\n', [], /^bad\.tsv:1: column 2 has no name/);
        fails('a\tb\n1\t2\n', ['time'], /^bad\.tsv:1: the required column 'time' is missing/);
        fails('a\tb\n1\t2\n"open\t3\n', [], /^bad\.tsv:3: a quoted field is not closed/);
        fails('a\tb\n1\t"x"y\n', [], /^bad\.tsv:2: text after the closing quote of field 2/);
        fails('a\tb\n1\tx"y\n', [], /^bad\.tsv:2: a quote inside unquoted field 2/);
    });

    it('reads numbers as pandas does and names the cell that is not one', () => {
        const table = readTable('v\tw\n1\t\n-INF\t\n.5\t\n1e3\t\nNaN\t\n12abc\t\n', 'n.tsv', []);
        const values = table.rows.slice(0, 5).map(r => numberCell(table, r, 'v'));
        assert.deepEqual(values.slice(0, 4), [1, -Infinity, 0.5, 1000]);
        assert.ok(Number.isNaN(values[4]));
        assert.equal(numberCell(table, table.rows[0], 'w'), undefined, 'an empty cell');
        assert.throws(() => numberCell(table, table.rows[5], 'v'), /^PetabError: n\.tsv:7: v '12abc' is not a number/);
    });
});
