/**
 * Messages between the extension and its preview webview. The webview says `ready` before
 * anything is posted to it; everything it sends back is checked before use.
 */
import type { CascadeRunResult, ScenarioRunResult, SteadyStateResult } from '@neurocascade/language/protocol';

export type PreviewContent =
    | { view: 'scenarios'; results: ScenarioRunResult[] }
    | { view: 'cascade'; result: CascadeRunResult }
    | { view: 'steady-state'; result: SteadyStateResult };

export type ToWebview =
    | { type: 'show'; content: PreviewContent }
    | { type: 'running'; label: string }
    /** `live`: a re-run after an edit failed; the last results stay on screen, marked stale. */
    | { type: 'error'; message: string; live: boolean }
    | { type: 'export'; format: ExportFormat };

export type ExportFormat = 'svg' | 'png';

export type FromWebview =
    | { type: 'ready' }
    /** Painted: what the extension's tests and benchmarks wait for. */
    | { type: 'rendered'; view: PreviewContent['view']; series: number }
    | { type: 'exported'; format: ExportFormat; data: string }
    | { type: 'export-failed'; message: string }
    | { type: 'log'; message: string };

const PNG_PREFIX = 'data:image/png;base64,';

/** The message if it is one the webview may send, else undefined. */
export function parseFromWebview(message: unknown): FromWebview | undefined {
    if (typeof message !== 'object' || message === null) return undefined;
    const m = message as Record<string, unknown>;
    switch (m.type) {
        case 'ready':
            return { type: 'ready' };
        case 'rendered':
            return (m.view === 'scenarios' || m.view === 'cascade' || m.view === 'steady-state') && typeof m.series === 'number'
                ? { type: 'rendered', view: m.view, series: m.series } : undefined;
        case 'exported':
            if (m.format === 'svg' && typeof m.data === 'string' && m.data.startsWith('<svg')) return { type: 'exported', format: 'svg', data: m.data };
            if (m.format === 'png' && typeof m.data === 'string' && m.data.startsWith(PNG_PREFIX)) return { type: 'exported', format: 'png', data: m.data };
            return undefined;
        case 'export-failed':
        case 'log':
            return typeof m.message === 'string' ? { type: m.type, message: m.message } : undefined;
        default:
            return undefined;
    }
}

/** The bytes of a PNG data URL the webview sent. */
export function pngBytes(dataUrl: string): Uint8Array {
    return Buffer.from(dataUrl.slice(PNG_PREFIX.length), 'base64');
}
