import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cascadeExtension, nonEmpty, openCascade, positionAfter, until, workspaceUri } from './workspace-helpers.js';

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
    const code = diagnostic.code;
    return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

async function completionLabels(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
    return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

/** The text with strings and comments blanked out (same length), where names are not references. */
function withoutStringsAndComments(text: string): string {
    return text.replace(/"(?:[^"\\]|\\.)*"|\/\/.*|\/\*[\s\S]*?\*\//g, (skipped) => skipped.replace(/[^\n]/g, ' '));
}

function applyEdits(text: string, document: vscode.TextDocument, edits: readonly vscode.TextEdit[]): string {
    return [...edits]
        .sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start))
        .reduce((result, edit) => result.slice(0, document.offsetAt(edit.range.start)) + edit.newText + result.slice(document.offsetAt(edit.range.end)), text);
}

describe('Language features in the editor', () => {
    it('activates the extension when a .cascade file opens', async () => {
        const editor = await openCascade('raphe.cascade');
        assert.equal(editor.document.languageId, 'cascade');
        await until('the NeuroCascade extension to activate', () => cascadeExtension().isActive || undefined);
    });

    it('shows the unresolved name of an error file as an error', async () => {
        const editor = await openCascade('broken.cascade');
        const unresolved = await until('a diagnostic on broken.cascade', () =>
            nonEmpty(vscode.languages.getDiagnostics(editor.document.uri).filter((d) => codeOf(d) === 'unresolved')));
        assert.equal(unresolved.length, 1);
        assert.equal(unresolved[0].severity, vscode.DiagnosticSeverity.Error);
        assert.equal(editor.document.getText(unresolved[0].range), 'Dopamin');
    });

    it('completes a misspelled name to the declared species', async () => {
        const editor = await openCascade('broken.cascade');
        const position = positionAfter(editor.document, 'Dopamin', 'converts ');
        const labels = await until('completion items', async () => nonEmpty(await completionLabels(editor.document.uri, position)));
        assert.ok(labels.includes('Dopamine'), `completion offered ${labels.join(', ')}`);
    });

    it('shows a declaration\'s doc comment on hover over a reference', async () => {
        const editor = await openCascade('raphe.cascade');
        const doc = /\/\*\*\s*([^*]*?)\s*\*\/\s*transmitter Serotonin/.exec(editor.document.getText())?.[1];
        assert.ok(doc, 'the fixture documents Serotonin');
        const position = positionAfter(editor.document, 'Serotonin', 'binds ').translate(0, -1);
        const hovers = await until('a hover', async () =>
            nonEmpty(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position)));
        const text = hovers.flatMap((hover) => hover.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
        assert.ok(text.includes(doc), `hover shows:\n${text}`);
    });

    it('renames a species at its declaration and every reference', async () => {
        const editor = await openCascade('raphe.cascade');
        const document = editor.document;
        const position = positionAfter(document, 'Serotonin', 'transmitter ').translate(0, -1);
        const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, position, 'Serotonin5HT');
        const edits = edit.get(document.uri);
        const occurrences = withoutStringsAndComments(document.getText()).match(/\bSerotonin\b/g)?.length ?? 0;
        assert.equal(edits.length, occurrences, 'one edit per reference, none in strings or comments');
        const renamed = withoutStringsAndComments(applyEdits(document.getText(), document, edits));
        assert.doesNotMatch(renamed, /\bSerotonin\b/);
        assert.equal(renamed.match(/\bSerotonin5HT\b/g)?.length, occurrences);
    });

    it('formats a badly laid-out file, changing only whitespace, and is stable', async () => {
        const uri = workspaceUri('messy.cascade');
        const messy = 'transmitter Dopamine{initial 0.1 uM    clearance 0.1 /min}\n  metabolite DOPAC {clearance 0.1 /min }\nenzyme   MAOB{converts Dopamine->DOPAC\nvmax 1 uM/min    km 5 uM}\n';
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(messy));
        const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
        const options = { tabSize: 4, insertSpaces: true };
        const format = () => vscode.commands.executeCommand<vscode.TextEdit[] | undefined>('vscode.executeFormatDocumentProvider', uri, options);
        const edits = await until('formatting edits', async () => nonEmpty(await format()));
        const formatted = applyEdits(messy, editor.document, edits);
        assert.notEqual(formatted, messy);
        assert.equal(formatted.replace(/\s+/g, ''), messy.replace(/\s+/g, ''), 'formatting changes only whitespace');
        await editor.edit((builder) => edits.forEach((e) => builder.replace(e.range, e.newText)));
        assert.equal(editor.document.getText(), formatted);
        const again = await format() ?? [];
        assert.equal(applyEdits(formatted, editor.document, again), formatted, 'formatting the formatted text changes nothing');
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
});
