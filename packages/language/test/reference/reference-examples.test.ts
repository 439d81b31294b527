import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildWorkspace, codeOf } from '../validation/validation-fixtures.js';

/**
 * The examples of docs/reference.md are fragments (they name species declared elsewhere), so
 * they are held to what a fragment can show: each parses, and each example under a check's
 * own heading makes that check fire.
 */
const REFERENCE = readFileSync(fileURLToPath(new URL('../../../../../docs/reference.md', import.meta.url)), 'utf8');

interface Example {
    /** The nearest heading above the block. */
    heading: string;
    text: string;
}

function examples(): Example[] {
    const found: Example[] = [];
    let heading = '';
    const blocks = REFERENCE.split(/^(```cascade\n[\s\S]*?```)$/m);
    for (const part of blocks) {
        if (part.startsWith('```cascade\n')) found.push({ heading, text: part.slice('```cascade\n'.length, -3) });
        else heading = [...part.matchAll(/^#{2,4} (.+)$/gm)].at(-1)?.[1] ?? heading;
    }
    return found;
}

/** The codes the Checks section shows an example of; a run is needed for the last three. */
const checkCodes = (): string[] => [...(REFERENCE.split(/^## Checks$/m)[1]?.split(/^## /m)[0] ?? '').matchAll(/^### (\S+)$/gm)].map(m => m[1]);
const NEEDS_A_RUN = new Set(['expect-failed', 'simulation-failed', 'negative-concentration']);

describe('docs/reference.md examples', () => {
    const all = examples();

    it('finds the examples and the check headings', () => {
        assert.ok(all.length > 30, `${all.length} examples`);
        assert.ok(checkCodes().length >= 21, checkCodes().join(' '));
    });

    it('every example parses, except the one that shows a syntax error', async () => {
        const documents = await buildWorkspace(Object.fromEntries(all.map((example, i) => [`example-${i}.cascade`, example.text])));
        const broken = all.flatMap((example, i) => {
            const syntax = documents.get(`example-${i}.cascade`)!.diagnostics!.filter(d => codeOf(d) === 'syntax');
            return (syntax.length > 0) !== (example.heading === 'syntax') ? [`under '${example.heading}': ${syntax.map(d => d.message).join('; ') || 'no syntax error'}\n${example.text}`] : [];
        });
        assert.deepEqual(broken, []);
    });

    it('the example under each check heading makes that check fire', async () => {
        const problems: string[] = [];
        for (const code of checkCodes().filter(code => !NEEDS_A_RUN.has(code))) {
            const example = all.find(e => e.heading === code);
            if (!example) {
                problems.push(`${code}: no example`);
                continue;
            }
            // An import cycle needs its partner file.
            const files = { 'check.cascade': example.text, 'partner.cascade': 'import "./check.cascade"\n' };
            const codes = (await buildWorkspace(files)).get('check.cascade')!.diagnostics!.map(codeOf);
            if (!codes.includes(code)) problems.push(`${code}: the example gives ${codes.join(', ') || 'nothing'}`);
        }
        assert.deepEqual(problems, []);
    });
});
