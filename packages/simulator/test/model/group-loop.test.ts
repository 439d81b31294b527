import { strict as assert } from 'node:assert';
import { buildProgram, programSource, type Statement } from '../../src/model/program.js';
import { div, mul, num, ref, sum } from '../../src/model/terms.js';

describe('statement groups compiled to loops', () => {
    it('compute what the statements say one by one, with evenly stepping and scattered indices', () => {
        // o[i] = p[2i] · y[3i + 1] / (p[17] + y[scattered(i)]) + 0.5·i: six statements of one shape.
        const scattered = [4, 0, 9, 2, 7, 5];
        const statements: Statement[] = scattered.map((s, i) => ({
            space: 'o', index: i,
            term: sum(div(mul(ref('p', 2 * i), ref('y', 3 * i + 1)), sum(ref('p', 17), ref('y', s))), num(0.5 * i))
        }));
        const program = programSource(statements);
        assert.match(program.source, /for \(/, 'the group became a loop');
        const p = Float64Array.from({ length: 18 }, (_, k) => 1 + k / 3);
        const y = Float64Array.from({ length: 18 }, (_, k) => 0.25 + k * k / 7);
        const out = new Float64Array(6);
        buildProgram(program, p, new Float64Array(0), new Float64Array(0))(0, y, out);
        scattered.forEach((s, i) => {
            const expected = p[2 * i] * y[3 * i + 1] / (p[17] + y[s]) + 0.5 * i;
            assert.ok(Math.abs(out[i] - expected) <= 1e-15 * Math.abs(expected), `o[${i}] = ${out[i]}, expected ${expected}`);
        });
    });
});
