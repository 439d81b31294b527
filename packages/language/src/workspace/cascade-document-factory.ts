import { DefaultLangiumDocumentFactory, type AstNode, type LangiumDocument, type ParseResult, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { reparseDeclarations } from '../syntax/declaration-reparse.js';

/**
 * Parses an edited document again from its previous tree: only the top-level declarations the
 * edit touches are parsed (declaration-reparse.ts), and the whole file when that cannot be done
 * safely. Parsing was half the time of an edit, and a full parse grows with the file.
 */
export class CascadeDocumentFactory extends DefaultLangiumDocumentFactory {
    /** The tree each document had when its update began, until the update parses the new text. */
    private readonly previous = new Map<string, ParseResult<AstNode>>();

    override async update<T extends AstNode = AstNode>(document: LangiumDocument<T>, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
        const key = document.uri.toString();
        this.previous.set(key, document.parseResult);
        try {
            return await super.update(document, cancellationToken);
        } finally {
            this.previous.delete(key);
        }
    }

    protected override parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: CancellationToken): Promise<ParseResult<T>> {
        const previous = this.previous.get(uri.toString());
        const parser = this.serviceRegistry.getServices(uri).parser.LangiumParser;
        const reparsed = previous && reparseDeclarations(parser, previous, text);
        return reparsed ? Promise.resolve(reparsed as unknown as ParseResult<T>) : super.parseAsync(uri, text, cancellationToken);
    }
}
