// One code-server + chromium session on a workspace folder, with screenshots kept
// in test-results/editor/ (gitignored) and everything torn down on close.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { installVsix, prepareProfile, startCodeServer } from './code-server-launch.mjs';
import { launchChromium } from './chromium.js';
import { repoRoot } from './extension-package.mjs';

export const screenshotDir = join(repoRoot, 'test-results', 'editor');

export interface SessionOptions {
    /** Names the screenshots and the copy of the editor's logs (test-results/editor/<name>-logs). */
    name: string;
    folder: string;
    /** Installed into the session's fresh extensions directory. */
    vsix?: string;
    /** Reaches the extension host, which inherits the server's environment. */
    env?: Record<string, string>;
    /** An extension-host test suite to run, with the installed .vsix as the extension under development. */
    extensionTestsPath?: string;
    /** VS Code's workspace trust on: the folder opens untrusted, in Restricted Mode (off by default). */
    workspaceTrust?: boolean;
}

export interface EditorSession {
    page: Page;
    url: string;
    /** Resolves with the exit code the extension-host tests report through codeAutomationExit. */
    automationExit: Promise<number>;
    screenshot(name: string): Promise<string>;
    serverLog(): string;
    close(): Promise<void>;
}

/** The folder the .vsix was unpacked into: the only one in a fresh extensions directory. */
function installedExtension(extensionsDir: string): string {
    const folders = readdirSync(extensionsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    if (folders.length !== 1) throw new Error(`expected the one installed extension in ${extensionsDir}, found ${folders.map((f) => f.name).join(', ') || 'none'}`);
    return join(extensionsDir, folders[0].name);
}

function remote(port: number, path: string): string {
    return `vscode-remote://127.0.0.1:${port}${path}`;
}

export async function openEditor(options: SessionOptions): Promise<EditorSession> {
    const profileDir = mkdtempSync(join(tmpdir(), 'neurocascade-profile-'));
    const profile = prepareProfile(profileDir, { workspaceTrust: options.workspaceTrust });
    const removeProfile = () => rmSync(profileDir, { recursive: true, force: true });
    const server = await (async () => {
        if (options.vsix) installVsix(options.vsix, profile.extensionsDir);
        return startCodeServer({ folder: options.folder, profile, env: options.env });
    })().catch((error) => {
        removeProfile();
        throw error;
    });
    const browser = await launchChromium().catch(async (error) => {
        await server.stop();
        removeProfile();
        throw error;
    });
    const logs = join(screenshotDir, `${options.name}-logs`);
    const close = async () => {
        await browser.close();
        await server.stop();
        // The extension's output channels are log files there: kept for diagnosing failures.
        rmSync(logs, { recursive: true, force: true });
        if (existsSync(join(profile.userDataDir, 'logs'))) cpSync(join(profile.userDataDir, 'logs'), logs, { recursive: true });
        removeProfile();
    };
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    let reportExit: (code: number) => void = () => undefined;
    const automationExit = new Promise<number>((resolve) => (reportExit = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number) => reportExit(code));
    const query = new URLSearchParams({ folder: options.folder });
    if (options.extensionTestsPath) {
        query.set('payload', JSON.stringify([
            ['extensionDevelopmentPath', remote(server.port, installedExtension(profile.extensionsDir))],
            ['extensionTestsPath', remote(server.port, options.extensionTestsPath)],
        ]));
    }
    const session: EditorSession = {
        page,
        url: `${server.url}?${query}`,
        automationExit,
        serverLog: server.log,
        close,
        async screenshot(name) {
            mkdirSync(screenshotDir, { recursive: true });
            const path = join(screenshotDir, `${options.name}-${name.replace(/[^\w.-]+/g, '-')}.png`);
            await page.screenshot({ path });
            return path;
        },
    };
    try {
        await page.goto(session.url, { timeout: 30_000 });
        await page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
    } catch (error) {
        await session.screenshot('workbench-did-not-load').catch(() => undefined);
        await close();
        throw new Error(`the code-server workbench did not load at ${session.url}: ${(error as Error).message}`);
    }
    return session;
}

/** Rejects with `message` when `promise` has not settled within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
    let timer: NodeJS.Timeout;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
