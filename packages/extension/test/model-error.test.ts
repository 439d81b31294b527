import { strict as assert } from 'node:assert';
import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { createCascadeServices, type CascadeFile } from '@neurocascade/language';
import { describeModelError, plainMessage } from '../src/shared/model-error.js';

const parse = parseHelper<CascadeFile>(createCascadeServices(EmptyFileSystem).Cascade);

/** The first syntax error the parser reports for the text, in the preview's words. */
async function firstError(text: string): Promise<string> {
    const { lexerErrors, parserErrors } = (await parse(text)).parseResult;
    const first = [...lexerErrors, ...parserErrors][0];
    assert.ok(first, `the parser finds an error in ${JSON.stringify(text)}`);
    return plainMessage(first.message);
}

describe('the first error of a model, as the preview shows it', () => {
    it('says what the parser expected in words, not token types', async () => {
        // The parser's own messages are already in words (docs/reference.md, syntax messages); what
        // Chevrotain says raw (token types, token lists) is reworded.
        assert.equal(await firstError('parameter = 1'), 'a parameter needs a name and a value: `parameter k = 2 /min` (see docs/reference.md, Parameters).');
        assert.doesNotMatch(await firstError('parameter p = (1'), /Expecting|token|\bID\b|NUMBER/);
    });

    it('lists the first few tokens that could have come when several could', async () => {
        const message = await firstError('parameter p = (');
        assert.match(message, /a number, a name or `\(` is missing/);
        assert.match(plainMessage('Expecting: one of these possible Token sequences:\n  1. [NUMBER]\n  2. [ID]\nbut found: \'\''), /^expected one of .*a number.*a name/);
        assert.doesNotMatch(message, /Token sequences|\[|NUMBER|\bID\b/);
    });

    it('keeps a message that is already in words (the checks\' own) as it is', () => {
        assert.equal(plainMessage("'A' is not declared in this file or its imports."), "'A' is not declared in this file or its imports.");
    });

    it('gives the line, and the file when the error is in an imported one', () => {
        assert.equal(describeModelError({ line: 12, message: 'Expecting token of type \'ID\' but found `}`.' }), "line 12: expected a name but found '}'.");
        assert.equal(describeModelError({ file: 'shared.cascade', line: 3, message: 'no such species' }), 'shared.cascade, line 3: no such species');
    });
});
