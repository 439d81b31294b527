/** Where an export goes: the path a command was given, else one the user picks in a save dialog beside the document. */
import * as vscode from 'vscode';
import { basename } from './run-picker.js';

/** `subject` names what is exported (a scenario, a chart): the suggested file is `<document>-<subject>.<extension>`. */
export async function savePath(target: unknown, document: vscode.Uri, subject: string, extension: string): Promise<string | undefined> {
    if (typeof target === 'string') return target;
    if (target instanceof vscode.Uri) return target.fsPath;
    const stem = basename(document).replace(/\.cascade$/, '');
    const folder = document.scheme === 'file' ? vscode.Uri.joinPath(document, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
    const picked = await vscode.window.showSaveDialog({
        defaultUri: folder && vscode.Uri.joinPath(folder, `${stem}-${subject}.${extension}`),
        filters: { [extension.toUpperCase()]: [extension] }
    });
    return picked?.fsPath;
}
