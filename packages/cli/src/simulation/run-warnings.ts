import type { RunWarning } from '@neurocascade/simulator';

/** What a run did that the model should not (a concentration below zero), on stderr beside the results on stdout. */
export function reportRunWarnings(scenario: string, warnings: readonly RunWarning[]): void {
    for (const warning of warnings) process.stderr.write(`cascade: warning ${warning.code}: ${scenario}: ${warning.message}\n`);
}
