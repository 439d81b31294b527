import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { defaultCasesDirectory, formatTable, readTiers, runCases, summarize } from './conformance-suite.js';
import { loadSimulationTools } from './simulation-tools.js';

const USAGE = 'usage: npm run conformance [-- --tier T1|T2|T3] [--cases DIR] [--report FILE]';

/** `npm run conformance`: runs the SBML Test Suite cases and prints a table per tier. Returns the exit code. */
export async function main(args: readonly string[]): Promise<number> {
    const options = new Map<string, string>();
    for (let i = 0; i < args.length; i += 2) {
        if (!['--tier', '--cases', '--report'].includes(args[i]) || args[i + 1] === undefined) {
            console.error(USAGE);
            return 2;
        }
        options.set(args[i], args[i + 1]);
    }
    const casesDirectory = path.resolve(options.get('--cases') ?? defaultCasesDirectory());
    const tiers = await readTiers(casesDirectory);
    const wanted = options.get('--tier');
    if (wanted !== undefined && !tiers.has(wanted)) {
        console.error(`unknown tier '${wanted}'; the tiers are ${[...tiers.keys()].join(', ')}`);
        return 2;
    }
    const selected = [...tiers].filter(([tier]) => wanted === undefined || tier === wanted);
    const ids = [...new Set(selected.flatMap(([, list]) => list))];
    const tools = await loadSimulationTools();
    const started = Date.now();
    const results = await runCases(casesDirectory, ids, tools, (_, done) => {
        if (process.stderr.isTTY) process.stderr.write(`\r${done}/${ids.length} cases`);
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    console.log(formatTable(selected.map(([tier, list]) => summarize(tier, list, results))));
    console.log(`\n${ids.length} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const notPassed = [...results.values()].filter(r => r.status !== 'passed');
    for (const r of notPassed) console.log(`${r.id}  ${r.status.padEnd(11)}  ${r.reason}`);
    const report = options.get('--report');
    if (report !== undefined) {
        await fs.writeFile(report, JSON.stringify({ cases: [...results.values()] }, null, 2) + '\n');
        console.log(`report written to ${report}`);
    }
    return notPassed.some(r => r.status === 'failed') ? 1 : 0;
}
