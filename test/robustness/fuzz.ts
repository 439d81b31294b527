/**
 * `npm run fuzz [-- --runs N --seed S]`: the long fuzz batch (≥ 10,000 inputs by default)
 * over the language server, the simulator and the SBML importer. Prints the seed, so a failure can be replayed.
 */
import { parseArgs } from 'node:util';
import { LanguageHarness } from './language-harness.js';
import { fuzzLanguage, LANGUAGE_FAMILIES } from './language-fuzz.js';
import { fuzzSimulator } from './simulator-fuzz.js';
import { fuzzSbmlImport } from './sbml-hostile.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10000' }, seed: { type: 'string' } } });
const runs = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
/** Shares of the runs: the language families take most, the simulator the rest. */
const SHARES = {
    'token streams': 0.2, 'example mutations': 0.2, 'Unicode and binary': 0.1, 'scenario chains': 0.1, 'object built-in names': 0.05, 'rename targets': 0.1,
    simulator: 0.15, 'SBML import': 0.1
};

console.log(`fuzzing with seed ${seed}, ${runs} inputs`);
const harness = new LanguageHarness();
const batches: [string, (count: number) => Promise<unknown>][] = [
    ...LANGUAGE_FAMILIES.map((family): [string, (count: number) => Promise<unknown>] => [family, count => fuzzLanguage(harness, family, count, seed)]),
    ['simulator', count => fuzzSimulator(count, seed)],
    ['SBML import', count => fuzzSbmlImport(count, seed)]
];
let failed = 0;
for (const [name, run] of batches) {
    const count = Math.round(runs * SHARES[name as keyof typeof SHARES]);
    const started = performance.now();
    try {
        const outcomes = await run(count);
        console.log(`${name.padEnd(20)} ${String(count).padStart(6)} inputs  ok      ${((performance.now() - started) / 1000).toFixed(1)} s  ${outcomes ? JSON.stringify(outcomes) : ''}`);
    } catch (error) {
        failed++;
        console.log(`${name.padEnd(20)} ${String(count).padStart(6)} inputs  FAILED  ${((performance.now() - started) / 1000).toFixed(1)} s`);
        console.log(error instanceof Error ? error.message : error);
    }
}
process.exitCode = failed > 0 ? 1 : 0;
