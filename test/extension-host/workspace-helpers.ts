// What the extension-host specs share: the fixture workspace, the extension under test,
// and waiting for the language server with a message that says what never happened.
import * as vscode from 'vscode';

export function workspaceUri(...path: string[]): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('the extension-host tests need the fixture workspace open as a folder');
    return vscode.Uri.joinPath(folder.uri, ...path);
}

export function cascadeExtension(): vscode.Extension<unknown> {
    const extension = vscode.extensions.all.find((e) => e.packageJSON?.name === 'neurocascade');
    if (!extension) throw new Error('the NeuroCascade extension is not loaded in this extension host');
    return extension;
}

export async function openCascade(name: string): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(workspaceUri(name));
    return vscode.window.showTextDocument(document);
}

/** Polls `probe` until it returns something other than undefined. */
export async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await probe();
        if (value !== undefined) return value;
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

/** The position just after the first occurrence of `text` (optionally after `anchor`). */
export function positionAfter(document: vscode.TextDocument, text: string, anchor = ''): vscode.Position {
    const source = document.getText();
    const start = source.indexOf(anchor + text);
    if (start < 0) throw new Error(`'${anchor}${text}' is not in ${document.uri.path}`);
    return document.positionAt(start + anchor.length + text.length);
}

export function nonEmpty<T>(items: readonly T[] | undefined | null): readonly T[] | undefined {
    return items && items.length > 0 ? items : undefined;
}
