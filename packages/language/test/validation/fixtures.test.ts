import { strict as assert } from 'node:assert';
import { relative } from 'node:path';
import type { LangiumDocument } from 'langium';
import { VALIDATION_CODES } from '../../src/validation/diagnostic-codes.js';
import { FIXTURES, buildFixtures, expectations, fixtureFiles, mismatches } from './validation-fixtures.js';

describe('validation fixtures (test/validation/fixtures/**/*.cascade)', function () {
    let documents: Map<string, LangiumDocument>;

    before(async function () {
        documents = await buildFixtures();
    });

    for (const path of fixtureFiles().map(file => relative(FIXTURES, file))) {
        it(`${path}: exactly the marked diagnostics`, function () {
            const problems = mismatches(documents.get(path)!);
            assert.equal(problems.length, 0, `\n    ${problems.join('\n    ')}`);
        });
    }

    it('covers every code of docs/reference.md#checks that validation produces', function () {
        const marked = new Set([...documents.values()].flatMap(document => [...expectations(document.textDocument.getText()).expected.values()].flat()));
        const uncovered = VALIDATION_CODES.filter(code => !marked.has(code));
        assert.deepEqual(uncovered, []);
    });
});
