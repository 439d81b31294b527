import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';
import { REPOSITORY } from './cascade-inputs.js';

/** Longer than any command should take: a command still running then is a hang. */
export const CLI_TIMEOUT_MS = 60_000;

/** Runs `cascade …` in a child process with a timeout. */
export function cascade(args: string[], cwd = REPOSITORY): SpawnSyncReturns<string> {
    return spawnSync(process.execPath, [path.join(REPOSITORY, 'packages/cli/bin/cascade.js'), ...args], {
        cwd, encoding: 'utf8', timeout: CLI_TIMEOUT_MS, maxBuffer: 1 << 28
    });
}
