/**
 * Writes a fit's values into its model (the fit view's button): applies the server's quick fix
 * "Write fitted values into the model" offered inside the fit after it ran, so the button and the
 * light bulb make the same edits.
 */
import * as vscode from 'vscode';
import { WRITE_FITTED_VALUES_TITLE } from '@neurocascade/language/protocol';
import type { CascadeClient } from './language-client.js';

export const WRITE_FITTED_VALUES_COMMAND = 'neurocascade.writeFittedValues';

/** The quick fix's title (what was written), once applied. */
export async function writeFittedValues(client: CascadeClient, uri: vscode.Uri, fit: string): Promise<string> {
    const outline = await client.request('cascade/outline', { uri: uri.toString() });
    const entry = outline.fits.find(f => f.name === fit);
    if (!entry) throw new Error(`The model no longer declares fit ${fit}.`);
    // The code-action command finds only open documents ("Illegal argument" otherwise).
    await vscode.workspace.openTextDocument(uri);
    const at = new vscode.Range(entry.line, 0, entry.line, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, at, vscode.CodeActionKind.QuickFix.value);
    const action = actions.find(a => a.title.startsWith(WRITE_FITTED_VALUES_TITLE));
    if (!action?.edit) throw new Error(`No fitted value of ${fit} can be written: run the fit first, and write the estimated properties as numbers with units in this file.`);
    if (!await vscode.workspace.applyEdit(action.edit)) throw new Error(`The fitted values of ${fit} could not be written.`);
    return action.title;
}
