/** Workspace trust: in an untrusted workspace a simulation runs only after the user agrees (once per session). */
import * as vscode from 'vscode';

let agreed = false;

export async function mayRun(): Promise<boolean> {
    if (vscode.workspace.isTrusted || agreed) return true;
    const choice = await vscode.window.showWarningMessage(
        'This workspace is not trusted. Simulating its Cascade models runs their expressions in the NeuroCascade language server. Run anyway?',
        { modal: true }, 'Run');
    agreed = choice === 'Run';
    return agreed;
}

/** Whether a run may start without asking (for runs the user did not ask for: a restored or following preview). */
export function mayRunUnasked(): boolean {
    return vscode.workspace.isTrusted || agreed;
}
