import assert from 'node:assert/strict';
import { EmptyFileSystem, type CompositeCstNode, type CstNode } from 'langium';
import { parseHelper } from 'langium/test';
import { createCascadeServices } from '../../src/cascade-module.js';
import { longestOperatorRun, nestingDepth, TOO_DEEP_MESSAGE } from '../../src/cascade-parser.js';
import type { CascadeFile } from '../../src/generated/ast.js';

const parse = parseHelper<CascadeFile>(createCascadeServices(EmptyFileSystem).Cascade);

describe('the parser guard', () => {
    it('measures nesting outside strings and comments', () => {
        assert.equal(nestingDepth('parameter p = ((1 + (2)))'), 3);
        assert.equal(nestingDepth('compartment c { volume 1 pL }'), 1);
        assert.equal(nestingDepth('model M "((((((" // ((((((\n/* (((( */ parameter p = (1)'), 1);
    });

    it('refuses a file nested deeper than 64 levels before parsing, every time, and parses the next file', async () => {
        const deep = `parameter p = ${'('.repeat(65)}1${')'.repeat(65)}`;
        for (let i = 0; i < 3; i++) {
            const document = await parse(deep);
            assert.deepEqual(document.parseResult.lexerErrors.map(e => e.message), [TOO_DEEP_MESSAGE]);
        }
        const shallow = await parse(`parameter p = ${'('.repeat(60)}1${')'.repeat(60)}`);
        assert.deepEqual([shallow.parseResult.lexerErrors.length, shallow.parseResult.parserErrors.length], [0, 0]);
        assert.equal(shallow.parseResult.value.declarations.length, 1);
    });

    it('refuses a sum of more than 4,000 terms before parsing (its tree is as deep as it is long), and parses one of 3,000', async () => {
        const sum = (terms: number, separator = ' + ') => `parameter a = 1\nparameter s = ${Array(terms).fill('a').join(separator)}`;
        const started = performance.now();
        const refused = await parse(sum(250_000));
        assert.ok(performance.now() - started < 1500, `refused in ${performance.now() - started} ms`);
        assert.deepEqual(refused.parseResult.lexerErrors.map(e => e.message), [TOO_DEEP_MESSAGE]);
        assert.deepEqual((await parse(sum(5000, ' +\n    '))).parseResult.lexerErrors.map(e => e.message), [TOO_DEEP_MESSAGE], 'across lines too');
        const accepted = await parse(sum(3000));
        assert.deepEqual([accepted.parseResult.lexerErrors.length, accepted.parseResult.parserErrors.length], [0, 0]);
        assert.equal(longestOperatorRun('parameter a = 1 + 2\nparameter b = 3 * 4\nrule r = a\n    - b and b'), 3);
        // An equation's `+` builds a flat list, not a deep tree: 20,000 terms are parsed (bad-input tests).
        assert.equal(longestOperatorRun(`reaction R { ${'2 A + '.repeat(20_000)}2 A -> B + C rate k * A }`), 1);
    });

    it('parses a valid file of 150,000 line comments in a row, keeping them in order (they once overflowed the stack)', async () => {
        const comments = Array.from({ length: 150_000 }, (_, i) => `// comment ${i}`);
        const document = await parse(['parameter a = 1', ...comments, 'parameter b = a', ...comments.slice(0, 3)].join('\n'));
        assert.deepEqual([document.parseResult.lexerErrors.length, document.parseResult.parserErrors.length], [0, 0]);
        assert.deepEqual(document.parseResult.value.declarations.map(d => (d as { name?: string }).name), ['a', 'b']);
        const root = document.parseResult.value.$cstNode!;
        const hidden = [...streamHidden(root)].map(node => node.text);
        assert.equal(hidden.length, 150_003);
        assert.deepEqual([hidden[0], hidden[149_999], hidden[150_000], hidden[150_002]], ['// comment 0', '// comment 149999', '// comment 0', '// comment 2']);
    });
});

function* streamHidden(node: CstNode): Generator<CstNode> {
    if (node.hidden) yield node;
    for (const child of (node as CompositeCstNode).content ?? []) yield* streamHidden(child);
}

describe('stray characters', () => {
    it('are one syntax error per run from every range of Unicode, and the declarations around them still parse', async () => {
        const strays = ['§¶', '€', '\u0100\u0101', 'ÿ', '\u{1F600}', '\uFFFF', '中文', '\u0007'];
        for (const stray of strays) {
            const document = await parse(`parameter a = 1\n${stray}\nparameter b = 2`);
            const { lexerErrors, parserErrors } = document.parseResult;
            assert.equal(lexerErrors.length, 0, `lexer errors on ${JSON.stringify(stray)}`);
            assert.equal(parserErrors.length, 1, `parser errors on ${JSON.stringify(stray)}`);
            assert.deepEqual(document.parseResult.value.declarations.map(d => (d as { name?: string }).name), ['a', 'b']);
        }
    });
});
