/**
 * Messages between the extension and its preview webview. The webview says `ready` before
 * anything is posted to it; everything it sends back is checked before use.
 */
import type {
    CascadeRunResult, FitRunResult, ModelError, MorrisRunResult, PopulationRunResult, ScanRunResult, ScenarioRunResult, SobolRunResult, SteadyAnalysisResult,
    SteadyStateResult, TimeCourseSensitivityResult
} from '@neurocascade/language/protocol';

/** What a preview shows of its document. */
export type PreviewRequest =
    | { view: 'scenarios'; names: string[] }
    | { view: 'cascade'; name: string }
    | { view: 'steady-state' }
    /** Response coefficients (`sensitivity`) or control analysis (`control`), with the stability, of a scenario's steady state (the first scenario's without one). */
    | { view: 'sensitivity' | 'control'; scenario?: string }
    | { view: 'scan'; name: string }
    | { view: 'fit'; name: string }
    /** A population's percentile ribbons, with the first members' own curves (`members`). */
    | { view: 'population'; name: string; members?: boolean }
    /** A population's Sobol indices or Morris elementary effects. */
    | { view: 'sobol' | 'morris'; name: string }
    /** One quantity's scaled sensitivities along a scenario (the first scenario, its first observed quantity by default). */
    | { view: 'time-sensitivity'; scenario?: string; quantity?: string };

export type PreviewView = PreviewRequest['view'];

/** What the preview's own buttons and choices may ask for: another view of the population shown, or another quantity. */
export type SwitchRequest = Extract<PreviewRequest, { view: 'population' | 'sobol' | 'morris' | 'time-sensitivity' }>;

const VIEWS: readonly PreviewView[] = ['scenarios', 'cascade', 'steady-state', 'sensitivity', 'control', 'scan', 'fit', 'population', 'sobol', 'morris', 'time-sensitivity'];

/** What a preview keeps in its webview's state, so that it comes back after a reload. */
export interface PreviewState {
    documentUri: string;
    request?: PreviewRequest;
    /** Locked: it stays on its document instead of following the active editor. */
    locked: boolean;
}

export type PreviewContent =
    | { view: 'scenarios'; results: ScenarioRunResult[] }
    | { view: 'cascade'; result: CascadeRunResult }
    | { view: 'steady-state'; result: SteadyStateResult }
    | { view: 'sensitivity' | 'control'; result: SteadyAnalysisResult }
    | { view: 'scan'; result: ScanRunResult }
    | { view: 'fit'; result: FitRunResult }
    | { view: 'population'; result: PopulationRunResult }
    | { view: 'sobol'; result: SobolRunResult }
    | { view: 'morris'; result: MorrisRunResult }
    | { view: 'time-sensitivity'; result: TimeCourseSensitivityResult };

export type ToWebview =
    | { type: 'show'; content: PreviewContent }
    | { type: 'running'; label: string }
    /**
     * `live`: a re-run after an edit failed; the last results stay on screen, marked stale.
     * `modelError`: the run was refused because the model has an error, the first one.
     */
    | { type: 'error'; message: string; live: boolean; modelError?: ModelError }
    /** Kept by the webview as its state (see `PreviewState`). */
    | { type: 'remember'; state: PreviewState }
    | { type: 'export'; format: ExportFormat };

export type ExportFormat = 'svg' | 'png';
export type SaveFormat = ExportFormat | 'csv';

export type FromWebview =
    | { type: 'ready' }
    /** Painted: what the extension's tests and benchmarks wait for. */
    | { type: 'rendered'; view: PreviewContent['view']; series: number }
    | { type: 'exported'; format: ExportFormat; data: string }
    | { type: 'export-failed'; message: string }
    /** The fit view's button: write the shown fit's values into the model. */
    | { type: 'write-fitted' }
    /** An export button of one chart: the extension asks where to save it. `name` says which chart (a file name's stem). */
    | { type: 'save'; format: SaveFormat; name: string; data: string }
    | { type: 'log'; message: string }
    /** The population view's buttons (the same population's bands, members, Sobol indices or Morris effects), the time-course sensitivities' quantity. */
    | { type: 'switch'; request: SwitchRequest };

const PNG_PREFIX = 'data:image/png;base64,';

/** The message if it is one the webview may send, else undefined. */
export function parseFromWebview(message: unknown): FromWebview | undefined {
    if (typeof message !== 'object' || message === null) return undefined;
    const m = message as Record<string, unknown>;
    switch (m.type) {
        case 'ready':
        case 'write-fitted':
            return { type: m.type };
        case 'rendered':
            return VIEWS.includes(m.view as PreviewView) && typeof m.series === 'number'
                ? { type: 'rendered', view: m.view as PreviewView, series: m.series } : undefined;
        case 'exported':
            if (m.format === 'svg' && typeof m.data === 'string' && m.data.startsWith('<svg')) return { type: 'exported', format: 'svg', data: m.data };
            if (m.format === 'png' && typeof m.data === 'string' && m.data.startsWith(PNG_PREFIX)) return { type: 'exported', format: 'png', data: m.data };
            return undefined;
        case 'save':
            if (typeof m.name !== 'string' || !/^[\w.-]{1,120}$/.test(m.name) || typeof m.data !== 'string') return undefined;
            if (m.format === 'csv' || (m.format === 'svg' && m.data.startsWith('<svg')) || (m.format === 'png' && m.data.startsWith(PNG_PREFIX))) {
                return { type: 'save', format: m.format, name: m.name, data: m.data };
            }
            return undefined;
        case 'export-failed':
        case 'log':
            return typeof m.message === 'string' ? { type: m.type, message: m.message } : undefined;
        case 'switch': {
            const request = parsePreviewRequest(m.request);
            return request?.view === 'population' || request?.view === 'sobol' || request?.view === 'morris' || request?.view === 'time-sensitivity'
                ? { type: 'switch', request } : undefined;
        }
        default:
            return undefined;
    }
}

/** A preview's state as the webview kept it, if it is well formed (it comes back from disk after a reload). */
export function parsePreviewState(state: unknown): PreviewState | undefined {
    if (typeof state !== 'object' || state === null) return undefined;
    const s = state as Record<string, unknown>;
    if (typeof s.documentUri !== 'string' || s.documentUri === '') return undefined;
    const request = parsePreviewRequest(s.request);
    return { documentUri: s.documentUri, ...(request ? { request } : {}), locked: s.locked === true };
}

function parsePreviewRequest(request: unknown): PreviewRequest | undefined {
    if (typeof request !== 'object' || request === null) return undefined;
    const r = request as Record<string, unknown>;
    switch (r.view) {
        case 'scenarios':
            return Array.isArray(r.names) && r.names.length > 0 && r.names.every(name => typeof name === 'string')
                ? { view: 'scenarios', names: [...r.names] as string[] } : undefined;
        case 'cascade':
            return typeof r.name === 'string' ? { view: 'cascade', name: r.name } : undefined;
        case 'steady-state':
            return { view: 'steady-state' };
        case 'sensitivity':
        case 'control':
            return { view: r.view, ...(typeof r.scenario === 'string' ? { scenario: r.scenario } : {}) };
        case 'scan':
            return typeof r.name === 'string' ? { view: 'scan', name: r.name } : undefined;
        case 'fit':
            return typeof r.name === 'string' ? { view: 'fit', name: r.name } : undefined;
        case 'population':
            return typeof r.name === 'string' ? { view: 'population', name: r.name, ...(r.members === true ? { members: true } : {}) } : undefined;
        case 'sobol':
        case 'morris':
            return typeof r.name === 'string' ? { view: r.view, name: r.name } : undefined;
        case 'time-sensitivity':
            return {
                view: 'time-sensitivity',
                ...(typeof r.scenario === 'string' ? { scenario: r.scenario } : {}), ...(typeof r.quantity === 'string' ? { quantity: r.quantity } : {})
            };
        default:
            return undefined;
    }
}

/** The first error of a model, as the server sends it with a refused run. */
export function parseModelError(data: unknown): ModelError | undefined {
    if (typeof data !== 'object' || data === null) return undefined;
    const d = data as Record<string, unknown>;
    if (typeof d.line !== 'number' || typeof d.message !== 'string') return undefined;
    return { ...(typeof d.file === 'string' ? { file: d.file } : {}), line: d.line, message: d.message };
}

/** The bytes of a PNG data URL the webview sent. */
export function pngBytes(dataUrl: string): Uint8Array {
    return Buffer.from(dataUrl.slice(PNG_PREFIX.length), 'base64');
}
