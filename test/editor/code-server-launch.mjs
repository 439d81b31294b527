// Starts code-server on a folder in its own process group and stops the whole group,
// so no extension host or language server outlives it.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ensureCodeServer } from './code-server-install.mjs';

/**
 * Writes the user settings and config file that keep code-server quiet and focused. With
 * `workspaceTrust` VS Code's workspace trust is on and the folder opens untrusted, in Restricted
 * Mode, without the startup prompt that would ask to trust it.
 */
export function prepareProfile(profileDir, { workspaceTrust = false } = {}) {
    const userDataDir = join(profileDir, 'user-data');
    const extensionsDir = join(profileDir, 'extensions');
    const configFile = join(profileDir, 'config.yaml');
    mkdirSync(join(userDataDir, 'User'), { recursive: true });
    mkdirSync(extensionsDir, { recursive: true });
    writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({
        // Otherwise the welcome page takes the focus from the file under test.
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'security.workspace.trust.enabled': workspaceTrust,
        'security.workspace.trust.startupPrompt': 'never',
        'update.mode': 'none',
    }, undefined, 4));
    writeFileSync(configFile, 'auth: none\ncert: false\n');
    return { userDataDir, extensionsDir, configFile, workspaceTrust };
}

/** Installs a .vsix into an extensions directory (replacing an older build of it). */
export function installVsix(vsix, extensionsDir) {
    console.log(`[code-server] installing ${vsix} into ${extensionsDir}`);
    execFileSync(ensureCodeServer(), ['--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'], {
        stdio: ['ignore', 'inherit', 'inherit'],
    });
}

/** A TCP port nobody listens on right now (preferred if it is free). */
export function freePort(preferred = 0) {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', (error) => (preferred ? freePort(0).then(resolve, reject) : reject(error)));
        server.listen(preferred, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

async function waitUntilHealthy(url, child, timeoutMs, output) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode} before it was ready:\n${output()}`);
        try {
            if ((await fetch(new URL('healthz', url))).ok) return;
        } catch {
            // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`code-server did not answer ${url}healthz within ${timeoutMs} ms:\n${output()}`);
}

/**
 * Starts code-server on `folder`. `env` reaches the extension host (it inherits the
 * server's environment). `quiet` keeps the server's log for error messages instead of printing it.
 */
export async function startCodeServer({ folder, profile, port = 0, env = {}, quiet = true, timeoutMs = 30_000 }) {
    const bin = ensureCodeServer();
    const actualPort = await freePort(port);
    const args = [
        '--auth', 'none',
        '--bind-addr', `127.0.0.1:${actualPort}`,
        '--disable-telemetry', '--disable-update-check',
        ...(profile.workspaceTrust ? [] : ['--disable-workspace-trust']),
        '--config', profile.configFile,
        '--user-data-dir', profile.userDataDir,
        '--extensions-dir', profile.extensionsDir,
        folder,
    ];
    // detached: the child calls setsid(), so it leads its own process group.
    const child = spawn(bin, args, {
        detached: true,
        stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'],
        env: { ...process.env, ...env },
    });
    let log = '';
    child.stdout?.on('data', (chunk) => (log = (log + chunk).slice(-20_000)));
    child.stderr?.on('data', (chunk) => (log = (log + chunk).slice(-20_000)));
    const url = `http://127.0.0.1:${actualPort}/`;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const stop = async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const signalGroup = (signal) => {
            try {
                process.kill(-child.pid, signal);
            } catch {
                // the group is already gone
            }
        };
        signalGroup('SIGTERM');
        const timer = setTimeout(() => signalGroup('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
        signalGroup('SIGKILL'); // children that ignored SIGTERM
    };
    try {
        await waitUntilHealthy(url, child, timeoutMs, () => log);
    } catch (error) {
        await stop();
        throw error;
    }
    return { url, port: actualPort, pid: child.pid, log: () => log, exited, stop };
}
