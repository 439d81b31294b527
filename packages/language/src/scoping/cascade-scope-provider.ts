import {
    AstUtils, MapScope, WorkspaceCache, type AstNodeDescription, type AstNodeDescriptionProvider,
    type IndexManager, type LangiumDocument, type ReferenceInfo, type Scope, type ScopeProvider
} from 'langium';
import { isFunctionDecl } from '../generated/ast.js';
import type { CascadeServices } from '../cascade-module.js';
import type { CascadeImports } from './cascade-imports.js';

/**
 * Names visible in a file: its own declarations and those of everything it imports.
 * Langium's default lookup is linear per reference (seconds on a 10,000-line file),
 * so the visible names are hashed once per document and cached until the workspace changes.
 * References are not filtered by type here: a name of the wrong kind still resolves and
 * the validator reports `wrong-kind`, which says more than "unresolved".
 */
export class CascadeScopeProvider implements ScopeProvider {
    private readonly imports: CascadeImports;
    private readonly descriptions: AstNodeDescriptionProvider;
    private readonly index: IndexManager;
    private readonly cache: WorkspaceCache<string, MapScope>;

    constructor(services: CascadeServices) {
        this.imports = services.references.CascadeImports;
        this.descriptions = services.workspace.AstNodeDescriptionProvider;
        this.index = services.shared.workspace.IndexManager;
        this.cache = new WorkspaceCache(services.shared);
    }

    getScope(context: ReferenceInfo): Scope {
        const document = AstUtils.getDocument(context.container);
        const visible = this.visibleScope(document);
        const fn = AstUtils.getContainerOfType(context.container, isFunctionDecl);
        if (fn && context.container !== fn) {
            const parameters = fn.params.map(param => this.descriptions.createDescription(param, param.name, document));
            return new MapScope(parameters, visible);
        }
        return visible;
    }

    /** Every declaration visible in the document, keyed by name (the first one wins; duplicates are a validation error). */
    visibleScope(document: LangiumDocument): MapScope {
        return this.cache.get(document.uri.toString(), () => new MapScope(this.visibleDescriptions(document).reverse()));
    }

    /**
     * Descriptions of all visible declarations, duplicates included, the document's own first.
     * They come from the index (each file's exports are described once, when it is indexed),
     * so a file importing a long chain costs a lookup per file, not a description per declaration.
     */
    visibleDescriptions(document: LangiumDocument): AstNodeDescription[] {
        const own = document.uri.toString();
        const files = new Set(this.imports.closure(document).map(member => member.uri.toString()));
        const visible = this.index.allElements(undefined, files).toArray();
        return [...visible.filter(item => item.documentUri.toString() === own), ...visible.filter(item => item.documentUri.toString() !== own)];
    }
}
