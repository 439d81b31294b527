import assert from 'node:assert/strict';
import fc from 'fast-check';
import { batched, jsonChunks } from '../../src/simulation/output.js';

describe('streamed output', () => {
    it('writes JSON in chunks exactly as JSON.stringify(value, null, 2) would (fuzzed)', () => {
        fc.assert(fc.property(fc.jsonValue(), fc.array(fc.oneof(fc.double(), fc.constant(undefined))), (value, numbers) => {
            for (const v of [value, { numbers, nested: { value, skipped: undefined }, date: new Date(0) }]) {
                assert.equal([...jsonChunks(v)].join(''), JSON.stringify(v, null, 2) + '\n');
            }
        }), { numRuns: 500 });
    });

    it('holds about 64 KB at a time, not the whole text', () => {
        const chunks = [...batched(Array.from({ length: 100_000 }, (_, i) => `${i},${i * 2}\n`))];
        assert.ok(chunks.length > 10);
        assert.ok(chunks.every(chunk => chunk.length < 65_536 + 20));
        assert.equal(chunks.join('').split('\n').length, 100_001);
    });
});
