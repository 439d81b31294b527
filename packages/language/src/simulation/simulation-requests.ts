/**
 * Registers the custom simulation requests on the language server's connection, with
 * server-initiated work-done progress the user can cancel. A cancelled run (by the request,
 * the progress UI or an edit) answers as a cancelled request; other failures carry their
 * own message.
 */
import { isOperationCancelled } from 'langium';
import { SimulationError } from '@neurocascade/simulator';
import type { LangiumSharedServices } from 'langium/lsp';
import {
    ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type Connection, type Disposable
} from 'vscode-languageserver';
import { simulationsFor, type RunHooks } from './cascade-simulations.js';
import { ModelHasErrors } from './model-lowering.js';
import type { SimulationMethodName, SimulationRequests } from './simulation-protocol.js';

export function registerSimulationRequests(shared: LangiumSharedServices): void {
    const connection = shared.lsp.Connection;
    if (!connection) return;
    const simulations = simulationsFor(shared);
    // Started with the server, so that the first run does not wait for the worker to start.
    simulations.pool.start();
    const on = <M extends SimulationMethodName>(
        method: M, title: string | undefined,
        handle: (params: SimulationRequests[M][0], hooks: RunHooks) => Promise<SimulationRequests[M][1]>
    ) => connection.onRequest(method, async (params: SimulationRequests[M][0], token: CancellationToken) => {
        // The client asks about what the editor shows, which may include an edit not built yet.
        const run = (hooks: RunHooks) => handle(params, { ...hooks, editorText: true });
        try {
            return title ? await withProgress(connection, title, token, run) : await run({ token });
        } catch (error) {
            throw asResponseError(error);
        }
    });
    on('cascade/outline', undefined, (params, hooks) => simulations.outline(params.uri, hooks.token));
    on('cascade/runScenario', 'Simulating', (params, hooks) => simulations.runScenario(params, hooks));
    on('cascade/runCascade', 'Running cascade', (params, hooks) => simulations.runCascade(params, hooks));
    on('cascade/steadyState', 'Finding steady state', (params, hooks) => simulations.steadyState(params, hooks));
    on('cascade/steadyAnalysis', 'Analysing the steady state', (params, hooks) => simulations.steadyAnalysis(params, hooks));
    on('cascade/runScan', 'Scanning', (params, hooks) => simulations.runScan(params, hooks));
    on('cascade/runFit', 'Fitting', (params, hooks) => simulations.runFit(params, hooks));
    on('cascade/runPopulation', 'Running population', (params, hooks) => simulations.runPopulation(params, hooks));
    on('cascade/runSobol', 'Computing Sobol indices', (params, hooks) => simulations.runSobol(params, hooks));
    on('cascade/runMorris', 'Computing Morris elementary effects', (params, hooks) => simulations.runMorris(params, hooks));
    on('cascade/timeCourseSensitivities', 'Computing time-course sensitivities', (params, hooks) => simulations.timeCourseSensitivities(params, hooks));
    connection.onShutdown(() => simulations.dispose());
    // Live mode (or the solver settings) changed: the steady-state hints on screen are stale.
    shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
        if (update.section === 'cascade') connection.languages.inlayHint.refresh().catch(() => undefined);
    });
}

async function withProgress<T>(connection: Connection, title: string, token: CancellationToken, work: (hooks: RunHooks) => Promise<T>): Promise<T> {
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin(title, 0, undefined, true);
    try {
        const tokens = progress ? [token, progress.token] : [token];
        return await work({ token: anyOf(tokens), onProgress: fraction => progress?.report(Math.round(100 * fraction)) });
    } finally {
        progress?.done();
    }
}

/** Cancelled when any of the tokens is. */
function anyOf(tokens: CancellationToken[]): CancellationToken {
    return {
        get isCancellationRequested() { return tokens.some(t => t.isCancellationRequested); },
        onCancellationRequested: (listener, thisArgs, disposables) => {
            const subscriptions: Disposable[] = tokens.map(t => t.onCancellationRequested(listener, thisArgs, disposables));
            return { dispose: () => subscriptions.forEach(s => s.dispose()) };
        }
    };
}

function asResponseError(error: unknown): ResponseError<unknown> {
    if (error instanceof ResponseError) return error;
    if (error instanceof SimulationError && error.reason === 'cancelled') return new ResponseError(LSPErrorCodes.RequestCancelled, error.message);
    // Langium's own cancellation (waiting for the document build) is a cancellation too.
    if (isOperationCancelled(error)) return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
    // The first error travels as data too, for a client that shows it (the preview does).
    if (error instanceof ModelHasErrors) return new ResponseError(ErrorCodes.InternalError, error.message, error.first);
    return new ResponseError(ErrorCodes.InternalError, error instanceof Error ? error.message : String(error));
}
