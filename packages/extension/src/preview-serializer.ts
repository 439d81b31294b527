/**
 * Brings previews back after a reload: VS Code hands over each preview panel it restored with
 * the state its webview kept (the document and what it showed), and the preview runs that again.
 */
import * as vscode from 'vscode';
import type { PreviewManager } from './preview-manager.js';
import { PREVIEW_VIEW_TYPE } from './preview-panel.js';
import { parsePreviewState } from './shared/protocol.js';

export function registerPreviewSerializer(previews: PreviewManager, output: vscode.LogOutputChannel): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
            const restored = parsePreviewState(state);
            if (!restored) {
                // A state from another version, or none: nothing to show, so no empty panel either.
                output.warn('A preview could not be restored: its saved state names no document.');
                panel.dispose();
                return;
            }
            previews.restore(panel, vscode.Uri.parse(restored.documentUri), restored.request, restored.locked);
        }
    });
}
