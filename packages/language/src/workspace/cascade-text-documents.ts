import { URI, UriUtils } from 'langium';
import { NormalizedTextDocuments, type LangiumSharedServices, type TextDocumentConnection } from 'langium/lsp';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Connection, Disposable, DidChangeTextDocumentParams, DidOpenTextDocumentParams } from 'vscode-languageserver';

/**
 * The editor's open documents, keeping only those the server handles. A client may open any
 * document (a `.txt` file as `plaintext`) or send a malformed one (`text: null`); Langium would
 * then fail in the middle of a build, outside any request, and the process would exit. Such a
 * notification is dropped with a line in the server's log instead.
 */
export class CascadeTextDocuments extends NormalizedTextDocuments<TextDocument> {
    constructor(private readonly services: LangiumSharedServices) {
        super(TextDocument);
    }

    override listen(connection: Connection): Disposable {
        const onDidOpenTextDocument: TextDocumentConnection['onDidOpenTextDocument'] = handler =>
            connection.onDidOpenTextDocument(params => this.unlessRefused('textDocument/didOpen', params, this.openRefusal(params), handler));
        const onDidChangeTextDocument: TextDocumentConnection['onDidChangeTextDocument'] = handler =>
            connection.onDidChangeTextDocument(params => this.unlessRefused('textDocument/didChange', params, changeRefusal(params), handler));
        // A proxy, not a copy: Langium records the sync kind on the connection it is given.
        return super.listen(new Proxy(connection, {
            get: (target, key) => key === 'onDidOpenTextDocument' ? onDidOpenTextDocument
                : key === 'onDidChangeTextDocument' ? onDidChangeTextDocument : Reflect.get(target, key)
        }));
    }

    /** Passes the notification on, or drops it with a line in the log saying why. */
    private unlessRefused<P extends { textDocument?: { uri?: unknown } }>(method: string, params: P, reason: string | undefined, handler: (params: P) => void): void {
        if (reason === undefined) handler(params);
        else this.services.lsp.Connection?.console.log(`Ignored ${method} for ${String(params?.textDocument?.uri)}: ${reason}.`);
    }

    private openRefusal(params: DidOpenTextDocumentParams): string | undefined {
        const document = params?.textDocument as Partial<DidOpenTextDocumentParams['textDocument']> | undefined;
        return typeof document?.uri !== 'string' ? 'it has no URI'
            : typeof document.text !== 'string' ? 'its text is not a string'
                : typeof document.version !== 'number' ? 'its version is not a number'
                    : !this.handles(document.uri, document.languageId) ? `no language of this server has the id '${document.languageId}' or the file's extension`
                        : undefined;
    }

    private handles(uri: string, languageId: unknown): boolean {
        let extension: string;
        try {
            extension = UriUtils.extname(URI.parse(uri));
        } catch {
            return false;
        }
        return this.services.ServiceRegistry.all.some(({ LanguageMetaData: language }) =>
            language.languageId === languageId || language.fileExtensions.includes(extension));
    }
}

function changeRefusal(params: DidChangeTextDocumentParams): string | undefined {
    const changes: unknown = params?.contentChanges;
    return typeof params?.textDocument?.uri !== 'string' ? 'it has no URI'
        : typeof params.textDocument.version !== 'number' ? 'its version is not a number'
            : !Array.isArray(changes) || changes.some(change => typeof (change as { text?: unknown } | null)?.text !== 'string') ? 'a change has no text'
                : undefined;
}
