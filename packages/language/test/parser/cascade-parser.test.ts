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
