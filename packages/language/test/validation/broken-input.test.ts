import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, buildWorkspace } from './validation-fixtures.js';

/** Langium turns an exception inside a check into a diagnostic with this message. */
const CRASH = /An error occurred during validation/;

/** Broken variants of a text: every other line cut in half (an unfinished edit), and the text cut short. */
function brokenVariants(text: string): string[] {
    const lines = text.split('\n');
    const halfLines = lines.flatMap((line, i) => i % 2 === 0 || line.trim() === '' ? [] :
        [[...lines.slice(0, i), line.slice(0, Math.ceil(line.length / 2)), ...lines.slice(i + 1)].join('\n')]);
    const truncated = Array.from({ length: 8 }, (_, i) => text.slice(0, Math.floor((text.length * (i + 1)) / 9)));
    return [...halfLines, ...truncated];
}

describe('checks on text the parser had to recover from', function () {
    for (const fixture of ['clean-serotonin.cascade', 'kinds.cascade', 'loops.cascade', 'dosing.cascade', 'data-fit.cascade']) {
        it(`never crash on cut-short variants of ${fixture}`, async function () {
            const variants = brokenVariants(readFileSync(join(FIXTURES, fixture), 'utf8'));
            const files = Object.fromEntries(variants.map((text, i) => [`variant-${i}.cascade`, text]));
            const documents = await buildWorkspace(files);
            const crashes = [...documents].flatMap(([path, document]) => (document.diagnostics ?? [])
                .filter(d => CRASH.test(String(d.message))).map(d => `${path}: ${d.message}`));
            assert.deepEqual(crashes, []);
        });
    }
});
