import assert from 'node:assert/strict';
import { MAX_DIAGNOSTICS_PER_CODE } from '../../src/validation/cascade-document-validator.js';
import { buildWorkspace, codeOf } from './validation-fixtures.js';

describe('diagnostics per code and file', () => {
    it(`lists the first ${MAX_DIAGNOSTICS_PER_CODE} of a code by position and counts the rest in one summary as severe as they are`, async () => {
        const text = 'parameter p = 1\n'.repeat(250) + 'rule r = ghost\n';
        const document = (await buildWorkspace({ 'repeated.cascade': text })).get('repeated.cascade')!;
        const duplicates = document.diagnostics!.filter(d => codeOf(d) === 'duplicate');
        assert.equal(duplicates.length, MAX_DIAGNOSTICS_PER_CODE + 1);
        assert.deepEqual(duplicates.slice(0, MAX_DIAGNOSTICS_PER_CODE).map(d => d.range.start.line), [...Array(MAX_DIAGNOSTICS_PER_CODE).keys()]);
        const summary = duplicates.at(-1)!;
        assert.equal(summary.message, `150 more 'duplicate' diagnostics in this file are not listed (only the first ${MAX_DIAGNOSTICS_PER_CODE} of each code are).`);
        assert.equal(summary.severity, 1);
        assert.equal(summary.range.start.line, MAX_DIAGNOSTICS_PER_CODE);
        assert.match(String(duplicates[0].message), /also repeated\.cascade:2, .* and 244 more/);
        // Other codes are untouched.
        assert.deepEqual(document.diagnostics!.filter(d => codeOf(d) === 'unresolved').map(d => d.range.start.line), [250]);
    });
});
