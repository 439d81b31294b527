/** The user's `cascade.*` settings, as the extension and the server requests need them. */
import * as vscode from 'vscode';
import type { SimulationMethod, SimulationOptions } from '@neurocascade/language/protocol';

export function simulationOptions(scope?: vscode.Uri): SimulationOptions {
    const config = vscode.workspace.getConfiguration('cascade', scope);
    return {
        method: config.get<SimulationMethod>('method', 'auto'),
        rtol: config.get<number>('rtol', 1e-6),
        atol: config.get<number>('atol', 1e-9),
        maxSimulatedHours: config.get<number>('maxSimulatedTime', 8760)
    };
}

export function liveMode(scope?: vscode.Uri): boolean {
    return vscode.workspace.getConfiguration('cascade', scope).get<boolean>('liveMode', true);
}

export function debounceMs(scope?: vscode.Uri): number {
    return vscode.workspace.getConfiguration('cascade', scope).get<number>('debounceMs', 300);
}
