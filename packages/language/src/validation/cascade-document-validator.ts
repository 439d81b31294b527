import { DefaultDocumentValidator, DocumentValidator, type AstNode, type LangiumDocument, type ValidationAcceptor, type ValidationCheck, type ValidationOptions } from 'langium';
import { CancellationToken, DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { BUILTIN_FUNCTIONS } from '@neurocascade/simulator';
import { isCall } from '../generated/ast.js';
import { visitNodes } from '../workspace/ast-walk.js';
import type { CascadeServices } from '../cascade-module.js';
import { CODE_SYNTAX, CODE_UNRESOLVED } from './diagnostic-codes.js';
import type { ReferenceLinks } from '../reference-links.js';

const LANGIUM_CODES: Readonly<Record<string, string>> = {
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
        const coded = diagnostics.map(diagnostic => {
            const code = (Object.hasOwn(LANGIUM_CODES, diagnostic.data?.code) ? LANGIUM_CODES[diagnostic.data.code] : undefined) ?? diagnostic.data?.code ?? diagnostic.code;
            return { ...diagnostic, code, source: 'cascade', data: { ...diagnostic.data, code } };
        });
        return capPerCode(coded).map(diagnostic => {
            const href = this.links.href(diagnostic.code as string);
            return href ? { ...diagnostic, codeDescription: { href } } : diagnostic;
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
            .filter(reference => reference.error && isCall(reference.error.info.container) && BUILTIN_FUNCTIONS.has(reference.$refText))
            .map(reference => reference.$refNode?.offset));
        for (const diagnostic of linking) {
            const offset = document.textDocument.offsetAt(diagnostic.range.start);
            if (!builtinCalls.has(offset)) diagnostics.push({ ...diagnostic, message: unresolvedMessage(diagnostic.message) });
        }
    }
}

/** Diagnostics of one code shown per file; the rest are counted in one summary diagnostic. */
export const MAX_DIAGNOSTICS_PER_CODE = 100;

/**
 * The first MAX_DIAGNOSTICS_PER_CODE diagnostics of each code (by position), and for the rest
 * one summary where the first left out stands, as severe as the most severe left out. 10,000
 * repeated declarations gave 20,000 diagnostics, which took seconds to send and list.
 */
function capPerCode(diagnostics: Diagnostic[]): Diagnostic[] {
    const byCode = new Map<string, Diagnostic[]>();
    for (const diagnostic of diagnostics) {
        const code = String(diagnostic.code);
        const list = byCode.get(code);
        if (list) list.push(diagnostic);
        else byCode.set(code, [diagnostic]);
    }
    if ([...byCode.values()].every(list => list.length <= MAX_DIAGNOSTICS_PER_CODE)) return diagnostics;
    return [...byCode].flatMap(([code, list]) => {
        if (list.length <= MAX_DIAGNOSTICS_PER_CODE) return list;
        list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
        const left = list.slice(MAX_DIAGNOSTICS_PER_CODE);
        const severity = Math.min(...left.map(d => d.severity ?? DiagnosticSeverity.Error)) as DiagnosticSeverity;
        const summary: Diagnostic = {
            range: left[0].range, severity, code, source: 'cascade', data: { code },
            message: `${left.length} more '${code}' diagnostics in this file are not listed (only the first ${MAX_DIAGNOSTICS_PER_CODE} of each code are).`
        };
        return [...list.slice(0, MAX_DIAGNOSTICS_PER_CODE), summary];
    });
}

/** Langium says "Could not resolve reference to NamedElement named 'X'."; a modeler needs less. */
function unresolvedMessage(message: Diagnostic["message"]): Diagnostic["message"] {
    if (typeof message !== "string") return message;
    const name = /named '([^']*)'/.exec(message)?.[1];
    return name ? `'${name}' is not declared in this file or its imports.` : message;
}
