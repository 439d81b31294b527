/** The VS Code theme's colours, read from the CSS variables the webview host sets, and re-read when the theme changes. */

export interface Theme {
    foreground: string;
    background: string;
    grid: string;
    font: string;
}

function variable(name: string, fallback: string): string {
    return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

export function currentTheme(): Theme {
    return {
        foreground: variable('--vscode-editor-foreground', variable('--vscode-foreground', '#333333')),
        background: variable('--vscode-editor-background', '#ffffff'),
        grid: variable('--vscode-editorWidget-border', variable('--vscode-panel-border', '#80808040')),
        font: variable('--vscode-font-family', 'sans-serif')
    };
}

/** Calls back when VS Code switches theme (it changes the body's class). */
export function onThemeChange(callback: () => void): void {
    new MutationObserver(callback).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
