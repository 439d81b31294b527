/** The language-server fuzz families, run by the fixed-seed test and by `npm run fuzz`. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { documentDiagnostics, hasErrors, lowerDocument } from '@neurocascade/language';
import { resolveScenario, type ModelIR } from '@neurocascade/simulator';
import {
    exampleMutations, exampleTexts, objectBuiltinNames, probes, RENAME_MODEL, RENAMED, renameTargets, scenarioChains, tokenStreams, unicodeAndBinary
} from './cascade-inputs.js';
import type { LanguageHarness } from './language-harness.js';

export const LANGUAGE_FAMILIES = [
    'token streams', 'example mutations', 'Unicode and binary', 'scenario chains', 'object built-in names', 'rename targets'
] as const;
export type LanguageFamily = typeof LANGUAGE_FAMILIES[number];

/** The fixed seed of `npm test`. */
export const TEST_SEED = 20261129;

function keywordsOf(harness: LanguageHarness): string[] {
    return Object.values(harness.services.Cascade.parser.Lexer.definition)
        .flatMap(token => (typeof token.PATTERN === 'string' ? [token.PATTERN] : []));
}

function inputs(harness: LanguageHarness, family: Exclude<LanguageFamily, 'rename targets'>): fc.Arbitrary<string> {
    const examples = exampleTexts().map(example => example.text);
    if (family === 'example mutations') return exampleMutations(examples);
    if (family === 'Unicode and binary') return unicodeAndBinary(examples);
    if (family === 'scenario chains') return scenarioChains;
    if (family === 'object built-in names') return objectBuiltinNames;
    return tokenStreams(keywordsOf(harness));
}

/** Checks `runs` inputs of one family; throws fast-check's report (seed, path, shrunk input) on the first failure. */
export async function fuzzLanguage(harness: LanguageHarness, family: LanguageFamily, runs: number, seed: number): Promise<void> {
    if (family === 'rename targets') {
        await fc.assert(fc.asyncProperty(fc.constantFrom(...RENAMED), renameTargets(keywordsOf(harness)),
            (name, newName) => harness.checkRename(RENAME_MODEL, name, newName)), { numRuns: runs, seed });
        return;
    }
    await fc.assert(fc.asyncProperty(inputs(harness, family), probes, async (text, at) => {
        await harness.check(text, at);
        if (family === 'scenario chains') await checkChainLowering(harness, text);
    }), { numRuns: runs, seed });
}

/**
 * A clean chain lowers with each statement stored once (events in all: the model's once plus
 * each scenario's own), and every resolved scenario has the events a plain walk of its chain
 * copying the parents' would give.
 */
async function checkChainLowering(harness: LanguageHarness, text: string): Promise<void> {
    const { document } = await harness.build(text);
    try {
        if (hasErrors(documentDiagnostics(document))) return;
        const model = lowerDocument(document, harness.services.Cascade);
        // The generated models have no model-level events: every timed action and `when` is a scenario's own.
        const written = (text.match(/\bat \d+ min (?:dose|set)|\bwhen /g) ?? []).length;
        assert.equal(model.events.length, 0);
        assert.equal(model.scenarios.reduce((sum, s) => sum + s.events.length, 0), written);
        for (const scenario of model.scenarios) {
            assert.deepEqual(resolveScenario(model, scenario).events.map(e => e.source?.line), copiedEvents(model, scenario.name).map(e => e.source?.line));
        }
    } finally {
        await harness.forget(document);
    }
}

/** The reference: a scenario's events as the parents' copied, root first. */
function copiedEvents(model: ModelIR, name: string): ModelIR['events'] {
    const scenario = model.scenarios.find(s => s.name === name)!;
    return scenario.base === undefined ? scenario.events : [...copiedEvents(model, scenario.base), ...scenario.events];
}
