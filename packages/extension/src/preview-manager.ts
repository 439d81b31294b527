/**
 * The previews. As in VS Code's Markdown preview, one preview follows the active Cascade
 * editor (the same webview shows each document in turn) and a locked preview stays on its
 * document. Remembers which preview the export commands act on, what each document showed
 * last, and in live mode re-runs a document's previews after its edits settle.
 */
import * as vscode from 'vscode';
import { PreviewPanel, type PreviewRequest, type PreviewServices } from './preview-panel.js';
import { basename, firstRequest } from './run-picker.js';
import { debounceMs, liveMode } from './settings.js';
import { mayRunUnasked } from './trust.js';

export class PreviewManager implements vscode.Disposable {
    private readonly panels = new Set<PreviewPanel>();
    private readonly pending = new Map<string, NodeJS.Timeout>();
    /** Per document, what its preview showed last: shown again when the preview comes back to it. */
    private readonly lastRequests = new Map<string, PreviewRequest>();
    private readonly subscriptions: vscode.Disposable[];
    private lastActive?: PreviewPanel;

    constructor(private readonly services: PreviewServices) {
        this.subscriptions = [
            vscode.workspace.onDidChangeTextDocument(event => {
                if (event.contentChanges.length > 0) this.scheduleLiveRun(event.document.uri);
            }),
            vscode.window.onDidChangeActiveTextEditor(editor => {
                if (editor?.document.languageId === 'cascade') this.followTo(editor.document.uri);
            })
        ];
    }

    /** The document's preview, revealed beside the editor: its locked one, else the following one moved to it, else a new one. */
    open(documentUri: vscode.Uri): PreviewPanel {
        const preview = this.lockedOn(documentUri) ?? this.following;
        if (preview) {
            this.moveTo(preview, documentUri);
            preview.panel.reveal(vscode.ViewColumn.Beside, true);
            this.lastActive = preview;
            return preview;
        }
        return this.adopt(PreviewPanel.create(documentUri, this.services));
    }

    /** Takes over a preview VS Code restored after a reload, and runs what it showed. */
    restore(panel: vscode.WebviewPanel, documentUri: vscode.Uri, request: PreviewRequest | undefined, locked: boolean): PreviewPanel {
        // Only one preview follows the editor: a second restored one stays on its document.
        const preview = this.adopt(new PreviewPanel(panel, documentUri, this.services, locked || this.following !== undefined));
        if (request) {
            this.lastRequests.set(documentUri.toString(), request);
            if (mayRunUnasked()) preview.show(request).catch(() => undefined);
        }
        return preview;
    }

    find(documentUri: vscode.Uri): PreviewPanel | undefined {
        return this.lockedOn(documentUri) ?? (this.following?.documentUri.toString() === documentUri.toString() ? this.following : undefined);
    }

    /** What a preview of the document shows: what it showed last, else its first scenario or cascade. */
    async requestFor(documentUri: vscode.Uri): Promise<PreviewRequest | undefined> {
        return this.lastRequests.get(documentUri.toString()) ?? firstRequest(this.services.client, documentUri);
    }

    /** The preview the export commands use: the last one focused or opened. */
    get active(): PreviewPanel | undefined {
        return this.lastActive;
    }

    /** Locks the active preview on its document, or unlocks it: then it follows the editor, and a preview that followed until now stays locked. */
    toggleLock(): PreviewPanel | undefined {
        const preview = this.lastActive;
        if (!preview) return undefined;
        if (preview.locked) {
            const previous = this.following;
            if (previous) previous.locked = true;
            preview.locked = false;
            const editor = vscode.window.activeTextEditor?.document;
            if (editor?.languageId === 'cascade') this.followTo(editor.uri);
        } else {
            preview.locked = true;
        }
        return preview;
    }

    /** The preview that follows the active editor, if one is open. */
    private get following(): PreviewPanel | undefined {
        return [...this.panels].find(preview => !preview.locked);
    }

    private lockedOn(documentUri: vscode.Uri): PreviewPanel | undefined {
        return [...this.panels].find(preview => preview.locked && preview.documentUri.toString() === documentUri.toString());
    }

    private adopt(preview: PreviewPanel): PreviewPanel {
        this.panels.add(preview);
        preview.panel.onDidChangeViewState(e => { if (e.webviewPanel.active) this.lastActive = preview; });
        preview.panel.onDidDispose(() => {
            this.panels.delete(preview);
            if (this.lastActive === preview) this.lastActive = undefined;
        });
        this.lastActive = preview;
        return preview;
    }

    /** The following preview shows the document now active in the editor, as it showed it last (else its first scenario or cascade). */
    private followTo(documentUri: vscode.Uri): void {
        const preview = this.following;
        if (!preview || this.lockedOn(documentUri) || preview.documentUri.toString() === documentUri.toString()) return;
        this.moveTo(preview, documentUri);
        const name = basename(documentUri);
        if (!mayRunUnasked()) {
            preview.explain(`${name} was not run: this workspace is not trusted. Run one of its scenarios to preview it.`);
            return;
        }
        this.requestFor(documentUri).then(found => {
            // The editor may have moved on while the outline was asked for.
            if (preview.documentUri.toString() !== documentUri.toString() || preview.request) return undefined;
            if (found) return preview.show(found);
            preview.explain(`${name} declares no scenario or cascade to preview.`);
            return undefined;
        }).catch(() => undefined);
    }

    private moveTo(preview: PreviewPanel, documentUri: vscode.Uri): void {
        if (preview.request) this.lastRequests.set(preview.documentUri.toString(), preview.request);
        preview.follow(documentUri);
    }

    private scheduleLiveRun(documentUri: vscode.Uri): void {
        const key = documentUri.toString();
        // A fit takes seconds to minutes and its values are what an edit writes: it runs again only when asked.
        const previews = [...this.panels].filter(preview => preview.documentUri.toString() === key && preview.request && preview.request.view !== 'fit');
        if (previews.length === 0 || !liveMode(documentUri)) return;
        clearTimeout(this.pending.get(key));
        this.pending.set(key, setTimeout(() => {
            this.pending.delete(key);
            for (const preview of previews) {
                if (preview.documentUri.toString() === key) preview.refresh(true).catch(() => undefined);
            }
        }, debounceMs(documentUri)));
    }

    dispose(): void {
        this.pending.forEach(timer => clearTimeout(timer));
        this.panels.forEach(panel => panel.dispose());
        this.subscriptions.forEach(s => s.dispose());
    }
}
