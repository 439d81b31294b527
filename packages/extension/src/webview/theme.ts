/** The VS Code theme's colours, read from the CSS variables the webview host sets, and re-read when the theme changes. */
import { parseColour, type DivergingScale, type Rgb } from '../shared/colour-scale.js';

export interface Theme {
    foreground: string;
    background: string;
    grid: string;
    font: string;
    responses: Omit<DivergingScale, 'limit'>;
}

function variable(name: string, fallback: string): string {
    return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

function rgb(name: string, fallback: Rgb): Rgb {
    return parseColour(variable(name, '')) ?? fallback;
}

export function currentTheme(): Theme {
    const foreground = variable('--vscode-editor-foreground', variable('--vscode-foreground', '#333333'));
    const background = variable('--vscode-editor-background', '#ffffff');
    return {
        foreground,
        background,
        grid: variable('--vscode-editorWidget-border', variable('--vscode-panel-border', '#80808040')),
        font: variable('--vscode-font-family', 'sans-serif'),
        responses: {
            negative: rgb('--vscode-charts-blue', [26, 133, 255]),
            neutral: parseColour(background) ?? [255, 255, 255],
            positive: rgb('--vscode-charts-red', [229, 20, 0])
        }
    };
}

/** Calls back when VS Code switches theme (it changes the body's class). */
export function onThemeChange(callback: () => void): void {
    new MutationObserver(callback).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
