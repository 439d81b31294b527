import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ErrorCodes, ResponseError, type CancellationToken, type Position, type PrepareRenameParams, type Range, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import { isFunctionDecl, isFunctionParam, type CascadeFile } from '../generated/ast.js';
import type { CascadeServices } from '../cascade-module.js';
import type { CascadeImports } from '../scoping/cascade-imports.js';
import { where } from '../validation/duplicate-checks.js';

/**
 * Rename that writes only what checks clean: the new name must lex as one name (not a keyword,
 * not `t` or `balance`, no spaces or line breaks that would inject text) and must not collide
 * with a name already visible where the declaration or a reference stands. A refused rename is
 * an error the editor shows, not an edit.
 */
export class CascadeRenameProvider extends DefaultRenameProvider {
    private readonly services: CascadeServices;
    private readonly imports: CascadeImports;

    constructor(services: CascadeServices) {
        super(services);
        this.services = services;
        this.imports = services.references.CascadeImports;
    }

    override prepareRename(document: LangiumDocument, params: PrepareRenameParams): Promise<Range | undefined> {
        const range = this.renameNodeRange(document, params.position);
        if (!range) throw new ResponseError(ErrorCodes.InvalidRequest, 'Only a name declared in a Cascade file can be renamed here.');
        return Promise.resolve(range);
    }

    override async rename(document: LangiumDocument, params: RenameParams, cancelToken?: CancellationToken): Promise<WorkspaceEdit | undefined> {
        const target = this.declarationAt(document, params.position);
        if (!target) throw new ResponseError(ErrorCodes.InvalidRequest, 'Only a name declared in a Cascade file can be renamed here.');
        const refusal = this.nameRefusal(params.newName) ?? this.collision(target, params.newName);
        if (refusal) throw new ResponseError(ErrorCodes.InvalidParams, refusal);
        return super.rename(document, params, cancelToken);
    }

    /** Why `name` cannot be written where a name stands, or undefined. */
    private nameRefusal(name: unknown): string | undefined {
        if (typeof name !== 'string' || name.trim() === '') return 'A new name is needed.';
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
            return `'${name}' is not a name: a name is a letter or '_' followed by letters, digits or '_' (docs/reference.md#lexical-rules).`;
        }
        const tokens = this.services.parser.Lexer.tokenize(name).tokens;
        if (tokens.length === 1 && tokens[0].tokenType.name === 'ID') return undefined;
        return `'${name}' is a keyword of Cascade${name === 't' || name === 'balance' ? ' (a built-in name)' : ''}, not a free name.`;
    }

    /** The declaration already named `name` that a renamed `target` would clash with or be captured by, described. */
    private collision(target: AstNode & { name: string }, name: string): string | undefined {
        if (target.name === name) return undefined;
        const fn = AstUtils.getContainerOfType(target, isFunctionDecl);
        if (isFunctionParam(target) && fn) {
            return fn.params.some(param => param.name === name) ? `'${fn.name}' already has a parameter '${name}'.` : undefined;
        }
        const document = AstUtils.getDocument(target);
        // Every file that sees the target, and what each of them sees.
        for (const reader of this.imports.readers(document)) {
            for (const member of this.imports.closure(reader)) {
                const clash = (member.parseResult.value as CascadeFile).declarations?.find(node => (node as { name?: string }).name === name);
                if (clash) return `'${name}' is already declared (${where({ node: clash as AstNode & { name: string }, document: member })}), where '${target.name}' is visible.`;
            }
        }
        // A reference inside a function with a parameter of the new name would come to mean the parameter.
        for (const reference of this.services.references.References.findReferences(target, { includeDeclaration: false })) {
            const source = this.services.shared.workspace.LangiumDocuments.getDocument(reference.sourceUri);
            const root = source?.parseResult.value.$cstNode;
            const leaf = root && CstUtils.findLeafNodeAtOffset(root, source.textDocument.offsetAt(reference.segment.range.start));
            const capturing = leaf && AstUtils.getContainerOfType(leaf.astNode, isFunctionDecl);
            if (capturing?.params.some(param => param.name === name)) {
                return `'${capturing.name}' has a parameter '${name}', which would take the place of '${target.name}' in its body.`;
            }
        }
        return undefined;
    }

    private declarationAt(document: LangiumDocument, position: Position): (AstNode & { name: string }) | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(position), this.grammarConfig.nameRegexp);
        const declaration = leaf && this.references.findDeclarations(leaf)[0];
        return declaration && typeof (declaration as { name?: unknown }).name === 'string' ? declaration as AstNode & { name: string } : undefined;
    }
}
