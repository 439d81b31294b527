// Runs `langium generate` with the Object.groupBy polyfill loaded first (chevrotain 13 needs it; Node 20 lacks it).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
const root = fileURLToPath(new URL('../../../', import.meta.url));
const polyfill = new URL('../src/polyfill.mjs', import.meta.url).href;
const cli = fileURLToPath(new URL('node_modules/langium-cli/bin/langium.js', `file://${root}`));
const result = spawnSync(process.execPath, ['--import', polyfill, cli, 'generate', '--file', 'langium-config.json'], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
