/** The preview's script and styles from dist/webview, read once and written into every preview page. */
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';

export interface PreviewSources {
    script: string;
    styles: string[];
}

let sources: PreviewSources | undefined;

export function previewSources(webviewRoot: vscode.Uri): PreviewSources {
    const read = (name: string) => readFileSync(vscode.Uri.joinPath(webviewRoot, name).fsPath, 'utf8');
    sources ??= { script: read('preview.js'), styles: ['uplot.css', 'preview.css'].map(read) };
    return sources;
}
