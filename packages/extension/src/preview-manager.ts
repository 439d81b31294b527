/**
 * The previews, one per document: opens or reveals them, remembers which one the export
 * commands act on, and in live mode re-runs a document's preview after its edits settle.
 */
import * as vscode from 'vscode';
import { PreviewPanel, type PreviewServices } from './preview-panel.js';
import { debounceMs, liveMode } from './settings.js';

export class PreviewManager implements vscode.Disposable {
    private readonly panels = new Map<string, PreviewPanel>();
    private readonly pending = new Map<string, NodeJS.Timeout>();
    private readonly subscriptions: vscode.Disposable[];
    private lastActive?: PreviewPanel;

    constructor(private readonly services: PreviewServices) {
        this.subscriptions = [vscode.workspace.onDidChangeTextDocument(event => {
            if (event.contentChanges.length > 0) this.scheduleLiveRun(event.document.uri);
        })];
    }

    /** The document's preview, created beside the editor when missing. */
    open(documentUri: vscode.Uri): PreviewPanel {
        const key = documentUri.toString();
        let preview = this.panels.get(key);
        if (preview) {
            preview.panel.reveal(vscode.ViewColumn.Beside, true);
        } else {
            preview = new PreviewPanel(documentUri, this.services);
            const created = preview;
            this.panels.set(key, created);
            created.panel.onDidChangeViewState(e => { if (e.webviewPanel.active) this.lastActive = created; });
            created.panel.onDidDispose(() => {
                this.panels.delete(key);
                if (this.lastActive === created) this.lastActive = undefined;
            });
        }
        this.lastActive = preview;
        return preview;
    }

    find(documentUri: vscode.Uri): PreviewPanel | undefined {
        return this.panels.get(documentUri.toString());
    }

    /** The preview the export commands use: the last one focused or opened. */
    get active(): PreviewPanel | undefined {
        return this.lastActive;
    }

    private scheduleLiveRun(documentUri: vscode.Uri): void {
        const key = documentUri.toString();
        const preview = this.panels.get(key);
        if (!preview?.request || !liveMode(documentUri)) return;
        clearTimeout(this.pending.get(key));
        this.pending.set(key, setTimeout(() => {
            this.pending.delete(key);
            preview.refresh(true).catch(() => undefined);
        }, debounceMs(documentUri)));
    }

    dispose(): void {
        this.pending.forEach(timer => clearTimeout(timer));
        this.panels.forEach(panel => panel.dispose());
        this.subscriptions.forEach(s => s.dispose());
    }
}
