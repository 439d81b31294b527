import {
    AstUtils, MapScope, WorkspaceCache, type AstNodeDescription, type AstNodeDescriptionProvider,
    type LangiumDocument, type ReferenceInfo, type Scope, type ScopeProvider
} from 'langium';
import { isFunctionDecl, type CascadeFile } from '../generated/ast.js';
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
    private readonly cache: WorkspaceCache<string, MapScope>;

    constructor(services: CascadeServices) {
        this.imports = services.references.CascadeImports;
        this.descriptions = services.workspace.AstNodeDescriptionProvider;
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

    /** Descriptions of all visible declarations, duplicates included, the document's own first. */
    visibleDescriptions(document: LangiumDocument): AstNodeDescription[] {
        return this.imports.closure(document).flatMap(member => {
            const root = member.parseResult.value as CascadeFile;
            return (root.declarations ?? []).flatMap(declaration => {
                const name = (declaration as { name?: string }).name;
                return name ? [this.descriptions.createDescription(declaration, name, member)] : [];
            });
        });
    }
}

