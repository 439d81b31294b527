/** `▶ Run` above every scenario, `▶ Cascade` above every cascade, `▶ Scan` above every scan, `▶ Fit` above every fit and `▶ Population` above every population, from the server's outline. */
import * as vscode from 'vscode';
import type { CascadeClient } from './language-client.js';
import { RUN_CASCADE_COMMAND, RUN_FIT_COMMAND, RUN_POPULATION_COMMAND, RUN_SCAN_COMMAND, RUN_SCENARIO_COMMAND } from './commands.js';

export class RunCodeLenses implements vscode.CodeLensProvider {
    constructor(private readonly client: CascadeClient) {}

    async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
        const uri = document.uri.toString();
        const outline = await this.client.request('cascade/outline', { uri }, token).catch(() => undefined);
        if (!outline) return [];
        const lens = (line: number, title: string, command: string, name: string) =>
            new vscode.CodeLens(new vscode.Range(line, 0, line, 0), { title, command, arguments: [uri, name], tooltip: `${title.slice(2)} ${name}` });
        return [
            ...outline.scenarios.map(s => lens(s.line, '▶ Run', RUN_SCENARIO_COMMAND, s.name)),
            ...outline.cascades.map(c => lens(c.line, '▶ Cascade', RUN_CASCADE_COMMAND, c.name)),
            ...outline.scans.map(s => lens(s.line, '▶ Scan', RUN_SCAN_COMMAND, s.name)),
            ...outline.fits.map(f => lens(f.line, '▶ Fit', RUN_FIT_COMMAND, f.name)),
            ...outline.populations.map(p => lens(p.line, '▶ Population', RUN_POPULATION_COMMAND, p.name))
        ];
    }
}
