/** The language-server fuzz families, run by the fixed-seed test and by `npm run fuzz`. */
import fc from 'fast-check';
import { exampleMutations, exampleTexts, probes, tokenStreams, unicodeAndBinary } from './cascade-inputs.js';
import type { LanguageHarness } from './language-harness.js';

export const LANGUAGE_FAMILIES = ['token streams', 'example mutations', 'Unicode and binary'] as const;
export type LanguageFamily = typeof LANGUAGE_FAMILIES[number];

/** The fixed seed of `npm test`. */
export const TEST_SEED = 20261129;

function inputs(harness: LanguageHarness, family: LanguageFamily): fc.Arbitrary<string> {
    const examples = exampleTexts().map(example => example.text);
    if (family === 'example mutations') return exampleMutations(examples);
    if (family === 'Unicode and binary') return unicodeAndBinary(examples);
    const keywords = Object.values(harness.services.Cascade.parser.Lexer.definition)
        .flatMap(token => (typeof token.PATTERN === 'string' ? [token.PATTERN] : []));
    return tokenStreams(keywords);
}

/** Checks `runs` inputs of one family; throws fast-check's report (seed, path, shrunk input) on the first failure. */
export async function fuzzLanguage(harness: LanguageHarness, family: LanguageFamily, runs: number, seed: number): Promise<void> {
    await fc.assert(fc.asyncProperty(inputs(harness, family), probes, (text, at) => harness.check(text, at)), { numRuns: runs, seed });
}
