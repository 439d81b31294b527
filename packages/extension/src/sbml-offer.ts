/** Opening an SBML file offers to convert it into Cascade (once per file and session). */
import * as vscode from 'vscode';
import { looksLikeSbml } from './shared/sbml-detect.js';

const CONVERT = 'Convert to Cascade';

export function offerSbmlConversion(output: vscode.LogOutputChannel): vscode.Disposable {
    const asked = new Set<string>();
    const offer = async (document: vscode.TextDocument) => {
        const key = document.uri.toString();
        if (document.uri.scheme !== 'file' || asked.has(key) || !/\.(xml|sbml)$/i.test(document.fileName) || !looksLikeSbml(document.getText())) return;
        asked.add(key);
        const choice = await vscode.window.showInformationMessage(`${vscode.workspace.asRelativePath(document.uri)} is an SBML model. Convert it into a .cascade file beside it?`, CONVERT);
        if (choice !== CONVERT) return;
        try {
            await (await import('./sbml-import.js')).importSbml(document.uri, undefined);
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            output.error(`SBML import failed: ${message}`);
            void vscode.window.showErrorMessage(`SBML import failed: ${message}`);
        }
    };
    vscode.workspace.textDocuments.forEach(document => void offer(document));
    return vscode.workspace.onDidOpenTextDocument(document => void offer(document));
}
