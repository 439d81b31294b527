/**
 * In-process Langium services that build one fuzz input at a time and check the properties
 * every input must keep: no exception escapes building, validation, lowering and
 * compiling; a build takes under 2 s; every diagnostic lies inside the document; formatting
 * is idempotent and keeps the meaning; completion, hover and symbols answer anywhere.
 */
import assert from 'node:assert/strict';
import { CstUtils, EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { ResponseError, type Position, type Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createCascadeServices, hasErrors, documentDiagnostics, lowerDocument } from '@neurocascade/language';
import { compileModel, ModelError } from '@neurocascade/simulator';
import { astDump } from './ast-dump.js';

/** No document may take longer than this to build: the editor must stay responsive. */
export const MAX_BUILD_MS = 2000;

export class LanguageHarness {
    readonly services = createCascadeServices(EmptyFileSystem);
    private count = 0;

    /** Parses, links and validates `text` as a fresh document; returns it and the build time. */
    async build(text: string): Promise<{ document: LangiumDocument; ms: number }> {
        const { shared } = this.services;
        const uri = URI.parse(`file:///fuzz/input-${this.count++}.cascade`);
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
        shared.workspace.LangiumDocuments.addDocument(document);
        const started = performance.now();
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        return { document, ms: performance.now() - started };
    }

    async forget(document: LangiumDocument): Promise<void> {
        await this.services.shared.workspace.DocumentBuilder.update([], [document.uri]);
    }

    /** Checks every property on `text`; `probes` (fractions of the length) pick where to ask for completion and hover. */
    async check(text: string, probes: readonly number[] = [0, 0.5, 1]): Promise<void> {
        const { document, ms } = await this.build(text);
        try {
            assert.ok(ms <= MAX_BUILD_MS, `building took ${ms.toFixed(0)} ms (limit ${MAX_BUILD_MS} ms)`);
            const lines = document.textDocument.getText().split(/\r\n|\r|\n/);
            for (const diagnostic of document.diagnostics ?? []) assertInside(diagnostic.range, lines, `diagnostic '${diagnostic.message}'`);
            this.lowerWhenClean(document);
            await this.answerEverywhere(document, probes, lines);
            await this.checkFormatting(document);
        } finally {
            await this.forget(document);
        }
    }

    /**
     * Renames the declaration `name` in `text` to `newName`: the server refuses with an error the
     * editor shows (ResponseError), or the renamed text checks as clean as the original did.
     */
    async checkRename(text: string, name: string, newName: string): Promise<void> {
        const { document } = await this.build(text);
        let renamed: string | undefined;
        const clean = !hasErrors(documentDiagnostics(document));
        try {
            const offset = declarationOffset(document, name);
            if (offset === undefined) return;
            const params = { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset), newName };
            let edit;
            try {
                edit = await this.services.Cascade.lsp.RenameProvider!.rename(document, params);
            } catch (error) {
                assert.ok(error instanceof ResponseError, `rename to ${JSON.stringify(newName)} failed with ${String(error)}`);
                return;
            }
            renamed = TextDocument.applyEdits(document.textDocument, edit?.changes?.[document.uri.toString()] ?? []);
        } finally {
            await this.forget(document);
        }
        const again = await this.build(renamed);
        try {
            const declarations = (root: LangiumDocument) => (root.parseResult.value as unknown as { declarations: unknown[] }).declarations.length;
            assert.equal(declarations(again.document), declarations(document), `renaming to ${JSON.stringify(newName)} changed the declarations:\n${renamed}`);
            if (clean) {
                const errors = documentDiagnostics(again.document).filter(d => d.severity === 'error').map(d => d.message);
                assert.deepEqual(errors, [], `renaming '${name}' to ${JSON.stringify(newName)} broke a clean file:\n${renamed}`);
            }
        } finally {
            await this.forget(again.document);
        }
    }

    /** A document without errors lowers, and the simulator compiles it or names what it cannot handle. */
    private lowerWhenClean(document: LangiumDocument): void {
        if (hasErrors(documentDiagnostics(document))) return;
        const model = lowerDocument(document, this.services.Cascade);
        try {
            compileModel(model);
        } catch (error) {
            if (!(error instanceof ModelError)) throw error;
        }
    }

    private async answerEverywhere(document: LangiumDocument, probes: readonly number[], lines: string[]): Promise<void> {
        const { lsp } = this.services.Cascade;
        const textDocument = { uri: document.uri.toString() };
        const length = document.textDocument.getText().length;
        for (const probe of probes) {
            const position = document.textDocument.positionAt(Math.round(probe * length));
            await lsp.CompletionProvider!.getCompletion(document, { textDocument, position });
            await lsp.HoverProvider!.getHoverContent(document, { textDocument, position });
        }
        const symbols = await lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument });
        const walk = (list: typeof symbols): void => list.forEach(symbol => {
            assert.ok(symbol.name.trim() !== '', 'a document symbol without a name (editors reject the whole outline)');
            assertInside(symbol.range, lines, `symbol '${symbol.name}'`);
            walk(symbol.children ?? []);
        });
        walk(symbols);
    }

    /** Formatting twice changes nothing more, and the re-parsed formatted text means the same. */
    private async checkFormatting(document: LangiumDocument): Promise<void> {
        const formatted = await this.formatted(document);
        const parsed = document.parseResult.lexerErrors.length === 0 && document.parseResult.parserErrors.length === 0;
        if (!parsed) {
            assert.equal(formatted, document.textDocument.getText(), 'the formatter changed a file that does not parse');
            return;
        }
        const again = await this.build(formatted);
        try {
            assert.deepEqual(again.document.parseResult.parserErrors.map(e => e.message), [], `the formatted text does not parse:\n${formatted}`);
            assert.deepEqual(meaning(again.document), meaning(document), `formatting changed the model:\n${formatted}`);
            assert.equal(await this.formatted(again.document), formatted, 'formatting is not idempotent');
        } finally {
            await this.forget(again.document);
        }
    }

    private async formatted(document: LangiumDocument): Promise<string> {
        const edits = await this.services.Cascade.lsp.Formatter!.formatDocument(document, {
            textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true }
        });
        return TextDocument.applyEdits(document.textDocument, edits);
    }
}

/** The AST without positions, and the comments in order (doc comments are part of the meaning). */
function meaning(document: LangiumDocument): unknown {
    const root = document.parseResult.value;
    const comments = root.$cstNode ? CstUtils.flattenCst(root.$cstNode).filter(leaf => leaf.hidden && /COMMENT/.test(leaf.tokenType.name)).map(leaf => leaf.text).toArray() : [];
    return { ast: astDump(root), comments };
}

/** Where `name` is declared (`parameter k`, `precursor A`, …), if it is. */
function declarationOffset(document: LangiumDocument, name: string): number | undefined {
    const match = new RegExp(`\\b(?:parameter|precursor|compartment|reaction|scenario|function|rule)\\s+(${name})\\b`).exec(document.textDocument.getText());
    return match ? match.index + match[0].length - name.length : undefined;
}

function assertInside(range: Range, lines: string[], what: string): void {
    const valid = (p: Position) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
    const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
    assert.ok(valid(range.start) && valid(range.end) && ordered, `${what} has range ${JSON.stringify(range)} outside the document (${lines.length} lines)`);
}
