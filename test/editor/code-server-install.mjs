// Installs code-server on first use into a cache folder outside the repo, with the
// prerequisites its install needs on Debian (each one is explained where it is installed below).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// 4.100.3 is the newest release that runs on Node 20.
export const codeServerVersion = '4.100.3';
const cacheRoot = process.env.NEUROCASCADE_CACHE ?? join(homedir(), '.cache', 'neurocascade');
export const codeServerHome = join(cacheRoot, 'code-server', codeServerVersion);
export const codeServerBin = join(codeServerHome, 'node_modules', '.bin', 'code-server');
const installedStamp = join(codeServerHome, '.installed');

// The asset @vscode/ripgrep 1.15.11 would download; served from its cache instead.
const ripgrepCache = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11');
const ripgrepAsset = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

const log = (message) => console.log(`[code-server] ${message}`);

function hasCommand(command) {
    return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function debianPackageInstalled(name) {
    return spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' }).stdout?.includes('install ok installed') ?? false;
}

let aptUpdated = false;
/** apt-get installs the Debian packages that are missing (apt-get update at most once per process). */
export function ensureDebianPackages(names) {
    const missing = names.filter((name) => !debianPackageInstalled(name));
    if (missing.length === 0) return;
    if (!hasCommand('apt-get')) {
        throw new Error(`Debian packages missing and apt-get is not available: ${missing.join(', ')}`);
    }
    const run = (args) => {
        log(`apt-get ${args.join(' ')}`);
        execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    };
    if (!aptUpdated) {
        run(['update', '-qq']);
        aptUpdated = true;
    }
    run(['install', '-y', '-qq', ...missing]);
}

function seedRipgrepCache() {
    const asset = join(ripgrepCache, ripgrepAsset);
    if (existsSync(asset)) return;
    const rg = execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim();
    log(`packing ${rg} as ${asset} (no download of ripgrep)`);
    mkdirSync(ripgrepCache, { recursive: true });
    execFileSync('tar', ['czf', asset, '-C', join(rg, '..'), 'rg']);
}

/** Returns the code-server binary, installing it first when the cache does not have it. */
export function ensureCodeServer() {
    if (existsSync(installedStamp) && existsSync(codeServerBin)) return codeServerBin;
    const started = Date.now();
    log(`installing code-server@${codeServerVersion} into ${codeServerHome} (about 90 s, 300 MB)`);
    ensureDebianPackages(['libkrb5-dev', 'ripgrep']);
    seedRipgrepCache();
    mkdirSync(codeServerHome, { recursive: true });
    writeFileSync(join(codeServerHome, 'package.json'), JSON.stringify({ name: 'neurocascade-code-server', private: true }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--foreground-scripts', `code-server@${codeServerVersion}`], {
        cwd: codeServerHome,
        stdio: 'inherit',
        // node-pty's build asks before running node-gyp through npx; code-server's
        // postinstall refuses to run as root without unsafe-perm.
        env: { ...process.env, npm_config_yes: 'true', npm_config_unsafe_perm: 'true' },
    });
    if (!existsSync(codeServerBin)) throw new Error(`code-server install finished but ${codeServerBin} is missing`);
    writeFileSync(installedStamp, new Date().toISOString());
    log(`installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return codeServerBin;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    log(`ready: ${ensureCodeServer()}`);
}
