import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { nonEmpty, openCascade, until } from './workspace-helpers.js';

/** Pids of the language servers this extension host has started (its children running the bundled server). */
function serverPids(): number[] {
    let listing = '';
    try {
        listing = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
    } catch {
        return [];
    }
    return listing.split('\n').filter(line => /dist\/server\.js/.test(line)).map(line => Number(line.trim().split(/\s+/)[0]));
}

function unresolvedNames(uri: vscode.Uri, document: vscode.TextDocument): string[] {
    return vscode.languages.getDiagnostics(uri).filter(d => String(typeof d.code === 'object' ? d.code.value : d.code) === 'unresolved').map(d => document.getText(d.range));
}

describe('Fault recovery', () => {
    it('restarts a language server killed mid-session and serves diagnostics again', async () => {
        const editor = await openCascade('broken.cascade');
        const { document } = editor;
        await until('the unresolved name before the kill', () => nonEmpty(unresolvedNames(document.uri, document)));
        const [killed] = await until('the language server process', () => nonEmpty(serverPids()));
        process.kill(killed, 'SIGKILL');
        const [restarted] = await until('a new language server process', () => nonEmpty(serverPids().filter(pid => pid !== killed)), 30_000);
        assert.notEqual(restarted, killed);
        // A change after the restart must be checked by the new server.
        await editor.edit(edit => edit.insert(document.positionAt(document.getText().length), '\nreaction Leak { Serotonnin -> rate 0.1 /min * Serotonnin }\n'));
        const names = await until('diagnostics from the restarted server', () => {
            const found = unresolvedNames(document.uri, document);
            return found.includes('Serotonnin') && found.includes('Dopamin') ? found : undefined;
        }, 30_000);
        assert.ok(names.includes('Dopamin'), 'the diagnostics from before the kill are restored');
        await vscode.commands.executeCommand('workbench.action.files.revert');
    });
});
