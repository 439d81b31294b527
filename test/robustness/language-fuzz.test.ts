import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPOSITORY } from './cascade-inputs.js';
import { LanguageHarness } from './language-harness.js';
import { fuzzLanguage, LANGUAGE_FAMILIES, TEST_SEED, type LanguageFamily } from './language-fuzz.js';

/** 500 inputs of the first three families (enough variety for every `npm test`, within its time), and the families added since. */
const RUNS: Record<LanguageFamily, number> = {
    'token streams': 200, 'example mutations': 200, 'Unicode and binary': 100, 'scenario chains': 30, 'object built-in names': 30, 'rename targets': 60
};
const FIXTURES = path.join(REPOSITORY, 'test/robustness/fixtures');

/** Inputs that once took seconds to build (too large to keep as fixtures); each must now keep every property, the 2 s limit included. */
const ONCE_SLOW: Record<string, () => string> = {
    "200,000 '!' (each recovered from alone)": () => '!'.repeat(200_000),
    "100,000 '%µ' outside units": () => `precursor A\n${'%µ'.repeat(100_000)}`,
    'an equation of 20,000 terms (coefficients walked back to its start; siblings searched)': () =>
        `precursor A { initial 1 uM }\nintermediate B { clearance 0.1 /min }\nreaction R { ${'2 A + '.repeat(20_000)}2 A -> B rate 0.001 uM/min }\n`
};

describe('language server under fuzzed input', function () {
    this.timeout(120_000);
    const harness = new LanguageHarness();

    for (const family of LANGUAGE_FAMILIES) {
        it(`${family}: ${RUNS[family]} inputs (seed ${TEST_SEED}) build, check, format and answer`, () =>
            fuzzLanguage(harness, family, RUNS[family], TEST_SEED));
    }

    describe('inputs that once failed', () => {
        for (const file of readdirSync(FIXTURES).filter(name => name.endsWith('.cascade')).sort()) {
            it(file, () => harness.check(readFileSync(path.join(FIXTURES, file), 'utf8'), [0, 0.25, 0.5, 0.75, 1]));
        }
        for (const [name, text] of Object.entries(ONCE_SLOW)) it(name, () => harness.check(text()));
    });
});
