// Drives the VS Code workbench the way a user does (command palette, quick open, typing)
// and finds what is on screen: the active editor, Problems rows, the preview webview.
import type { FrameLocator, Locator, Page } from 'playwright-core';

export class Workbench {
    constructor(readonly page: Page) {}

    private quickInputRow(text: string | RegExp): Locator {
        return this.page.locator('.quick-input-widget .monaco-list-row', { hasText: text }).first();
    }

    /** Opens the quick input (F1; without the '>' it is Quick Open) and types into it. */
    private async quickInput(text: string, commands: boolean): Promise<void> {
        await this.page.keyboard.press('F1');
        const input = this.page.locator('.quick-input-widget input.input');
        await input.waitFor();
        await input.fill(commands ? `>${text}` : text);
    }

    /** Runs a command by its title from the command palette. */
    async runCommand(title: string): Promise<void> {
        await this.quickInput(title, true);
        await this.pick(title);
    }

    /** Clicks an entry of the open quick pick. */
    async pick(label: string | RegExp): Promise<void> {
        const row = this.quickInputRow(label);
        await row.waitFor({ timeout: 10_000 }).catch(() => {
            throw new Error(`the quick pick never offered '${label}'`);
        });
        await row.click();
    }

    /** Opens a file at the workspace root from the Explorer (Quick Open waits on the file search). */
    async openFile(name: string): Promise<void> {
        await this.page.getByRole('treeitem', { name, exact: true }).click();
        // By the file's name: a preview's tab ("Preview <name>") has the name in its text too.
        await this.page.locator(`.tab.active[data-resource-name="${name}"]`).waitFor();
        await this.editor.locator('.view-lines').waitFor();
    }

    /** Moves the cursor (1-based line and column, as the status bar shows them). */
    async goToLine(line: number, column?: number): Promise<void> {
        await this.quickInput(column ? `:${line}:${column}` : `:${line}`, false);
        await this.page.keyboard.press('Enter');
    }

    get editor(): Locator {
        return this.page.locator('.editor-group-container.active .monaco-editor').first();
    }

    /** The visible text of the active editor (Monaco renders spaces as no-break spaces). */
    async editorText(): Promise<string> {
        return (await this.editor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
    }

    async focusEditor(): Promise<void> {
        await this.runCommand('View: Focus Active Editor Group');
        await this.editor.locator('textarea.inputarea, .native-edit-context').first().waitFor({ state: 'attached' });
    }

    /**
     * Clicks the code lens `text` whose tooltip is `tooltip` until `shown` appears. VS Code drops a
     * lens's command when the lenses refresh under the click ("Actual command not found",
     * microsoft/vscode#226936; seen in 1 of 4 probe sessions): a user clicks again, and so does
     * the test, at most three times.
     */
    async clickLens(text: string, tooltip: string, shown: Locator, timeout: number): Promise<void> {
        const lens = this.editor.locator('.codelens-decoration a', { hasText: text }).and(this.page.locator(`[title="${tooltip}"]`));
        for (let attempt = 1; ; attempt++) {
            await lens.click();
            try {
                await shown.waitFor({ timeout });
                return;
            } catch (error) {
                if (attempt === 3) throw error;
            }
        }
    }

    /** Shows the Problems view filtered to `text` (other files' problems push it out of view). */
    async filterProblems(text: string): Promise<void> {
        await this.runCommand('Problems: Focus on Problems View');
        await this.page.locator('.markers-panel-action-filter input, .viewpane-filter input').first().fill(text);
    }

    problem(text: string): Locator {
        return this.page.locator('.markers-panel .monaco-list-row', { hasText: text });
    }

    get suggestion(): Locator {
        return this.page.locator('.editor-widget.suggest-widget .monaco-list-row.focused');
    }

    /** The document inside the (single) webview: VS Code nests it in two iframes. */
    get preview(): FrameLocator {
        return this.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    }
}

/** How many pixels of a canvas differ from its corner: 0 for a blank plot. */
export function paintedPixels(canvas: HTMLCanvasElement): number {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) {
        if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2] || data[i + 3] !== data[3]) painted++;
    }
    return painted;
}

/** The share of a uPlot panel's plotting area, top to bottom, that pixels of the colour `#rrggbb` span on its canvas. */
export function seriesHeightShare(panel: HTMLElement, colour: string): number {
    const canvas = panel.querySelector('canvas')!;
    const area = panel.querySelector<HTMLElement>('.u-over')!;
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
    const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let top = height, bottom = -1;
    for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
            const i = (y * width + x) * 4;
            if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 40 && data[i + 3] > 200) {
                top = Math.min(top, y);
                bottom = Math.max(bottom, y);
                break;
            }
        }
    }
    const areaHeight = area.getBoundingClientRect().height * (canvas.height / canvas.getBoundingClientRect().height);
    return bottom < top ? 0 : (bottom - top) / areaHeight;
}
