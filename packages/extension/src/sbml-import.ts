/**
 * Import SBML…: converts an SBML file into a .cascade file beside it and opens it. Bundled as
 * its own file (dist/sbml-import.cjs) and loaded on first use: the XML parser is not needed at activation.
 */
import * as vscode from 'vscode';
import { importSbmlFile } from '@neurocascade/sbml/import';

export async function importSbml(source: unknown, target: unknown): Promise<string | undefined> {
    const input = typeof source === 'string' ? source : source instanceof vscode.Uri ? source.fsPath : (await vscode.window.showOpenDialog({
        canSelectMany: false, openLabel: 'Import', filters: { SBML: ['xml', 'sbml'] }
    }))?.[0]?.fsPath;
    if (!input) return undefined;
    const output = typeof target === 'string' ? target : target instanceof vscode.Uri ? target.fsPath : undefined;
    const { outPath } = await importSbmlFile(input, output);
    await vscode.window.showTextDocument(vscode.Uri.file(outPath));
    return outPath;
}
