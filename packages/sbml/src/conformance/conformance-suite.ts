import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCase, type CaseResult } from './run-case.js';
import type { SimulationTools } from './simulation-tools.js';
import { readTestCase } from './test-case.js';

/** `../shared/sbml-test-suite/cases`, relative to the repository root (found from this compiled file: out/src/conformance). */
export function defaultCasesDirectory(): string {
    const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
    return path.resolve(repositoryRoot, '../shared/sbml-test-suite/cases');
}

/** The tiers of `tiers.json` next to the cases folder; without one, every case (a folder with its settings file) is one tier, `all`. */
export async function readTiers(casesDirectory: string): Promise<Map<string, string[]>> {
    const tiersFile = path.join(path.dirname(casesDirectory), 'tiers.json');
    if (existsSync(tiersFile)) {
        return new Map(Object.entries(JSON.parse(await fs.readFile(tiersFile, 'utf8')) as Record<string, string[]>));
    }
    const entries = await fs.readdir(casesDirectory);
    return new Map([['all', entries.filter(id => existsSync(path.join(casesDirectory, id, `${id}-settings.txt`))).sort()]]);
}

/** Runs each case once (tiers overlap), reporting progress after each. */
export async function runCases(casesDirectory: string, ids: readonly string[], tools: SimulationTools,
    onResult: (result: CaseResult, done: number) => void = () => undefined): Promise<Map<string, CaseResult>> {
    const results = new Map<string, CaseResult>();
    for (const id of ids) {
        if (results.has(id)) continue;
        let result: CaseResult;
        try {
            result = await runCase(await readTestCase(casesDirectory, id), tools);
        } catch (error) {
            result = { id, status: 'failed', reason: `cannot read the case: ${(error as Error).message}` };
        }
        results.set(id, result);
        onResult(result, results.size);
    }
    return results;
}

export interface TierSummary { tier: string; total: number; passed: number; failed: number; unsupported: number }

export function summarize(tier: string, ids: readonly string[], results: ReadonlyMap<string, CaseResult>): TierSummary {
    const count = (status: CaseResult['status']) => ids.filter(id => results.get(id)?.status === status).length;
    return { tier, total: ids.length, passed: count('passed'), failed: count('failed'), unsupported: count('unsupported') };
}

export function formatTable(summaries: readonly TierSummary[]): string {
    const header = ['tier', 'cases', 'passed', 'failed', 'unsupported', 'pass rate'];
    const rows = summaries.map(s => [s.tier, s.total, s.passed, s.failed, s.unsupported, `${(100 * s.passed / Math.max(s.total, 1)).toFixed(1)} %`].map(String));
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i].length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
    return [line(header), line(widths.map(w => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
