// Debian's chromium driven by playwright-core (Playwright's own browser builds cannot be downloaded here).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { ensureDebianPackages } from './code-server-install.mjs';

const executablePath = '/usr/bin/chromium';
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Chromium {
    context: BrowserContext;
    close(): Promise<void>;
}

/** Launches chromium with a fresh user-data-dir that is deleted on close. */
export async function launchChromium(): Promise<Chromium> {
    ensureDebianPackages(['chromium']);
    const userDataDir = mkdtempSync(join(tmpdir(), 'neurocascade-chromium-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath,
        headless: true,
        args: flags,
        viewport: { width: 1400, height: 900 },
        timeout: 30_000,
    });
    return {
        context,
        async close() {
            await context.close().catch(() => undefined);
            rmSync(userDataDir, { recursive: true, force: true });
        },
    };
}
