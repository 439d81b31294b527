/** The status bar item: what the last run took, or why it failed. */
import * as vscode from 'vscode';

export class RunStatus implements vscode.Disposable {
    private readonly item = vscode.window.createStatusBarItem('neurocascade.status', vscode.StatusBarAlignment.Left, 10);

    constructor() {
        this.item.name = 'NeuroCascade';
        this.item.command = 'neurocascade.openPreview';
    }

    running(label: string): void {
        this.show(`$(sync~spin) ${label}`, undefined, `NeuroCascade: ${label}`);
    }

    succeeded(label: string, elapsedMs: number): void {
        this.show(`$(pulse) ${label} ${formatDuration(elapsedMs)}`, undefined, `NeuroCascade: ${label} ran in ${elapsedMs} ms`);
    }

    cancelled(label: string, reason: string): void {
        this.show(`$(circle-slash) ${label}`, undefined, `NeuroCascade: ${label} was cancelled: ${reason}`);
    }

    failed(label: string, message: string): void {
        this.show(`$(error) ${label}`, new vscode.ThemeColor('statusBarItem.errorBackground'), `NeuroCascade: ${label} failed: ${message}`);
    }

    private show(text: string, background: vscode.ThemeColor | undefined, tooltip: string): void {
        this.item.text = text;
        this.item.backgroundColor = background;
        this.item.tooltip = tooltip;
        this.item.show();
    }

    dispose(): void {
        this.item.dispose();
    }
}

function formatDuration(ms: number): string {
    return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
