/**
 * A chart of the preview with its export buttons (CSV, SVG, PNG): each button posts the chart's
 * file to the extension, which asks where to save it. The SVG on screen is the exported one.
 */
import type { FromWebview, SaveFormat } from '../shared/protocol.js';

export type Post = (message: FromWebview) => void;

export interface ChartFiles {
    /** A file name's stem: `tornado-Serotonin_ext`. */
    name: string;
    svg?: () => string;
    csv?: () => string;
    /** Defaults to the SVG drawn on a canvas. */
    png?: () => Promise<string>;
}

/** The row of export buttons for a chart. */
export function exportButtons(files: ChartFiles, post: Post, background: () => string): HTMLElement {
    const row = document.createElement('div');
    row.className = 'chart-export';
    const formats: [SaveFormat, (() => string | Promise<string>) | undefined][] = [
        ['csv', files.csv], ['svg', files.svg], ['png', files.png ?? (files.svg && (() => svgPng(files.svg!(), background())))]
    ];
    for (const [format, data] of formats) {
        if (!data) continue;
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.export = format;
        button.textContent = format.toUpperCase();
        button.title = `Save this chart as ${format.toUpperCase()}`;
        button.addEventListener('click', () => {
            Promise.resolve(data()).then(text => post({ type: 'save', format, name: safeName(files.name), data: text }))
                .catch(error => post({ type: 'log', message: `export failed: ${error instanceof Error ? error.message : String(error)}` }));
        });
        row.append(button);
    }
    return row;
}

/** A chart's SVG document shown in a container (parsed, so no markup is run), followed by its export buttons. */
export function showFigure(container: HTMLElement, svg: string, files: ChartFiles, post: Post, background: () => string): void {
    const drawn = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
    container.replaceChildren(document.importNode(drawn, true), exportButtons(files, post, background));
}

/** An SVG document drawn on a canvas of its size, as a PNG data URL. */
export async function svgPng(svg: string, background: string): Promise<string> {
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth || 800;
    canvas.height = image.naturalHeight || 600;
    const context = canvas.getContext('2d')!;
    context.fillStyle = background;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png');
}

/** A file name's stem the extension accepts: word characters, dots and dashes. */
function safeName(name: string): string {
    return name.replace(/[^\w.-]+/g, '_').slice(0, 120) || 'chart';
}
