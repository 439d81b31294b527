/** Which document and which scenario or cascade a command acts on: from its arguments, else the active editor and a quick pick. */
import * as vscode from 'vscode';
import type { CascadeClient } from './language-client.js';
import type { OutlineEntry } from '@neurocascade/language/protocol';
import type { PreviewRequest } from './shared/protocol.js';

/** A command's document argument (a Uri or its string), else the active Cascade editor's document. */
export function targetDocument(argument: unknown): vscode.Uri {
    if (argument instanceof vscode.Uri) return argument;
    if (typeof argument === 'string') return vscode.Uri.parse(argument);
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId === 'cascade') return editor.document.uri;
    throw new Error('Open a .cascade file first.');
}

export type OutlineKind = 'scenarios' | 'cascades' | 'scans' | 'fits' | 'populations';

const SINGULAR: Record<OutlineKind, string> = { scenarios: 'scenario', cascades: 'cascade', scans: 'scan', fits: 'fit', populations: 'population' };

async function entries(client: CascadeClient, uri: vscode.Uri, kind: OutlineKind): Promise<OutlineEntry[]> {
    const outline = await client.request('cascade/outline', { uri: uri.toString() });
    const found = outline[kind];
    if (found.length === 0) throw new Error(`${basename(uri)} declares no ${SINGULAR[kind]}.`);
    return found;
}

/** One name: the only one declared, or the user's pick (undefined if dismissed). */
export async function pickOne(client: CascadeClient, uri: vscode.Uri, kind: OutlineKind): Promise<string | undefined> {
    const found = await entries(client, uri, kind);
    if (found.length === 1) return found[0].name;
    const picked = await vscode.window.showQuickPick(found.map(item), { placeHolder: `${SINGULAR[kind][0].toUpperCase()}${SINGULAR[kind].slice(1)} to run` });
    return picked?.label;
}

export async function pickMany(client: CascadeClient, uri: vscode.Uri): Promise<string[] | undefined> {
    const found = await entries(client, uri, 'scenarios');
    const picked = await vscode.window.showQuickPick(found.map(item), { canPickMany: true, placeHolder: 'Scenarios to overlay' });
    return picked?.map(p => p.label);
}

/** What a fresh preview shows: the first scenario, else the first cascade. */
export async function firstRequest(client: CascadeClient, uri: vscode.Uri): Promise<PreviewRequest | undefined> {
    const outline = await client.request('cascade/outline', { uri: uri.toString() });
    if (outline.scenarios[0]) return { view: 'scenarios', names: [outline.scenarios[0].name] };
    if (outline.cascades[0]) return { view: 'cascade', name: outline.cascades[0].name };
    return undefined;
}

function item(entry: OutlineEntry): vscode.QuickPickItem {
    return { label: entry.name, description: entry.title, detail: `line ${entry.line + 1}` };
}

export function basename(uri: vscode.Uri): string {
    return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
