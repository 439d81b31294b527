// The README's first command (`npm start`): build the extension, install it into
// code-server (installed on first use) and open examples/ at a 127.0.0.1 address.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { installVsix, prepareProfile, startCodeServer } from '../../../test/editor/code-server-launch.mjs';
import { packageExtension, repoRoot } from '../../../test/editor/extension-package.mjs';

const profileDir = join(process.env.NEUROCASCADE_CACHE ?? join(homedir(), '.cache', 'neurocascade'), 'profile');
const examples = join(repoRoot, 'examples');
const port = Number(process.env.PORT ?? 8080);

const vsix = packageExtension();
const profile = prepareProfile(profileDir);
installVsix(vsix, profile.extensionsDir);
const server = await startCodeServer({ folder: examples, profile, port, quiet: false });
console.log(`\nNeuroCascade is open in code-server: ${server.url}?folder=${encodeURIComponent(examples)}`);
console.log('Press Ctrl+C to stop.');
let stopping = false;
server.exited.then((code) => {
    if (stopping) return;
    console.error(`code-server stopped on its own (exit code ${code}).`);
    process.exit(code ?? 1);
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
        stopping = true;
        server.stop().then(() => process.exit(0));
    });
}
