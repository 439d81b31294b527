import assert from 'node:assert/strict';
import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { createCascadeServices } from '../../src/cascade-module.js';
import { nestingDepth, TOO_DEEP_MESSAGE } from '../../src/cascade-parser.js';
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
});

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
