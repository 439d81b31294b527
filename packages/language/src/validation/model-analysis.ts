import { AstUtils, DocumentState, WorkspaceCache, type AstNode, type LangiumDocument } from 'langium';
import type { CascadeFile, Declaration } from '../generated/ast.js';
import type { CascadeServices } from '../cascade-module.js';
import { DimensionInference } from '../units/dimension-inference.js';

/**
 * What the checks of one document share, built once per build: the dimension inference (with
 * its cache), whether units are checked, and every declaration visible in the document (its own
 * and its imports', each file once). Per-node checks read it instead of walking the model again.
 */
export class ModelAnalysis {
    readonly inference = new DimensionInference();
    readonly unitsChecked: boolean;
    readonly root: CascadeFile;
    /** Declarations of the document and of everything it imports, the document's own first. */
    readonly declarations: Declaration[];
    private readonly closure: readonly LangiumDocument[];

    constructor(readonly document: LangiumDocument, private readonly services: CascadeServices) {
        this.root = document.parseResult.value as CascadeFile;
        this.unitsChecked = !this.root.header?.unchecked;
        this.closure = services.references.CascadeImports.closure(document);
        this.declarations = this.closure.flatMap(declarationsOf);
    }

    /**
     * The declarations of the model that can refer to this document's own: the document's, and
     * those of an import only when it imports the document back (a cycle).
     */
    get readingDeclarations(): Declaration[] {
        return this.memo('reading-declarations', () => {
            const readers = new Set(this.services.references.CascadeImports.readers(this.document));
            return this.closure.filter(member => readers.has(member)).flatMap(declarationsOf);
        });
    }

    private readonly memos = new Map<string, unknown>();

    /** A fact about the whole model, computed once per build (`compute` must not depend on the caller). */
    memo<T>(key: string, compute: () => T): T {
        if (!this.memos.has(key)) this.memos.set(key, compute());
        return this.memos.get(key) as T;
    }

    /** True when `node` was written in this document (not in an import). */
    isLocal(node: AstNode): boolean {
        return AstUtils.getDocument(node) === this.document;
    }
}

function declarationsOf(document: LangiumDocument): Declaration[] {
    return (document.parseResult.value as CascadeFile).declarations ?? [];
}

/** Hands out the analysis of a node's document, rebuilt after every change to the workspace. */
export class ModelAnalyses {
    private readonly cache: WorkspaceCache<string, ModelAnalysis>;

    constructor(private readonly services: CascadeServices) {
        this.cache = new WorkspaceCache(services.shared, DocumentState.Linked);
    }

    of(node: AstNode): ModelAnalysis {
        const document = AstUtils.getDocument(node);
        return this.cache.get(document.uri.toString(), () => new ModelAnalysis(document, this.services));
    }
}
