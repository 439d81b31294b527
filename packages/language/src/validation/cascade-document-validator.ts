import { DefaultDocumentValidator, DocumentValidator, type AstNode, type LangiumDocument, type ValidationAcceptor, type ValidationCheck, type ValidationOptions } from 'langium';
import { CancellationToken, type Diagnostic } from 'vscode-languageserver';
import { BUILTIN_FUNCTIONS } from '@neurocascade/simulator';
import { isCall } from '../generated/ast.js';
import { visitNodes } from '../workspace/ast-walk.js';
import type { CascadeServices } from '../cascade-module.js';
import { CODE_SYNTAX, CODE_UNRESOLVED } from './diagnostic-codes.js';
import type { ReferenceLinks } from '../reference-links.js';

const LANGIUM_CODES: Record<string, string> = {
    [DocumentValidator.LexingError]: CODE_SYNTAX,
    [DocumentValidator.ParsingError]: CODE_SYNTAX,
    [DocumentValidator.LinkingError]: CODE_UNRESOLVED
};

/**
 * Gives Langium's own diagnostics the codes of docs/reference.md#checks (`syntax`, `unresolved`), copies every
 * code into `Diagnostic.code` with a link to its section of the reference, and lets built-in function
 * names (`exp`, `hill`, …) resolve.
 */
export class CascadeDocumentValidator extends DefaultDocumentValidator {
    private readonly links: ReferenceLinks;

    constructor(services: CascadeServices) {
        super(services);
        this.links = services.documentation.ReferenceLinks;
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        return diagnostics.map(diagnostic => {
            const code = LANGIUM_CODES[diagnostic.data?.code] ?? diagnostic.data?.code ?? diagnostic.code;
            const href = this.links.href(code);
            return { ...diagnostic, code, ...(href && { codeDescription: { href } }), source: 'cascade', data: { ...diagnostic.data, code } };
        });
    }

    /**
     * Runs the checks of every node without awaiting per node: Cascade's checks are synchronous
     * (cascade-validator.ts) and the registry calls them directly (cascade-validation-registry.ts).
     */
    protected override async validateAstNodes(root: AstNode, options: ValidationOptions, accept: ValidationAcceptor, cancelToken = CancellationToken.None): Promise<void> {
        const checksByType = new Map<string, ValidationCheck[]>();
        await visitNodes(root, cancelToken, node => {
            let checks = checksByType.get(node.$type);
            if (!checks) {
                checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray();
                checksByType.set(node.$type, checks);
            }
            for (const check of checks) void check(node, accept, cancelToken);
        });
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const before = diagnostics.length;
        super.processLinkingErrors(document, diagnostics, options);
        const linking = diagnostics.splice(before);
        const builtinCalls = new Set(document.references
            .filter(reference => reference.error && isCall(reference.error.info.container) && reference.$refText in BUILTIN_FUNCTIONS)
            .map(reference => reference.$refNode?.offset));
        for (const diagnostic of linking) {
            const offset = document.textDocument.offsetAt(diagnostic.range.start);
            if (!builtinCalls.has(offset)) diagnostics.push({ ...diagnostic, message: unresolvedMessage(diagnostic.message) });
        }
    }
}

/** Langium says "Could not resolve reference to NamedElement named 'X'."; a modeler needs less. */
function unresolvedMessage(message: Diagnostic["message"]): Diagnostic["message"] {
    if (typeof message !== "string") return message;
    const name = /named '([^']*)'/.exec(message)?.[1];
    return name ? `'${name}' is not declared in this file or its imports.` : message;
}
