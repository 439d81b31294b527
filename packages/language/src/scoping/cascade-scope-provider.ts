import {
    AstUtils, DocumentCache, MapScope, stream, type WorkspaceCache, type AstNodeDescription, type AstNodeDescriptionProvider,
    type IndexManager, type LangiumDocument, type ReferenceInfo, type Scope, type ScopeProvider, type Stream
} from 'langium';
import { isFunctionDecl } from '../generated/ast.js';
import type { CascadeServices } from '../cascade-module.js';
import type { CascadeImports } from './cascade-imports.js';
import { buildCache } from '../workspace/build-cache.js';

/**
 * Names visible in a file: its own declarations and those of everything it imports.
 * Langium's default lookup is linear per reference (seconds on a 10,000-line file), so each
 * file's exports are hashed once (kept until that file changes) and a file's scope looks a name
 * up in its own table, then in each imported file's, nearest first. Merging the tables instead
 * made a chain of 200 imports quadratic. References are not filtered by type here: a name of
 * the wrong kind still resolves and the validator reports `wrong-kind`, which says more than
 * "unresolved".
 */
export class CascadeScopeProvider implements ScopeProvider {
    private readonly imports: CascadeImports;
    private readonly descriptions: AstNodeDescriptionProvider;
    private readonly index: IndexManager;
    private readonly exportTables: DocumentCache<string, ReadonlyMap<string, AstNodeDescription>>;
    private readonly scopes: WorkspaceCache<string, Scope>;

    constructor(services: CascadeServices) {
        this.imports = services.references.CascadeImports;
        this.descriptions = services.workspace.AstNodeDescriptionProvider;
        this.index = services.shared.workspace.IndexManager;
        this.exportTables = new DocumentCache(services.shared);
        this.scopes = buildCache(services.shared);
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

    /** Every declaration visible in the document; for a name declared twice, the nearest (duplicates are a validation error). */
    visibleScope(document: LangiumDocument): Scope {
        return this.scopes.get(document.uri.toString(), () =>
            new ImportScope(this.imports.closure(document).map(file => this.exportTable(file))));
    }

    /** A file's top-level declarations by name, the first of each name (from the index, where they are described once). */
    private exportTable(document: LangiumDocument): ReadonlyMap<string, AstNodeDescription> {
        return this.exportTables.get(document.uri, document.uri.toString(), () => {
            const table = new Map<string, AstNodeDescription>();
            for (const description of this.index.allElements(undefined, new Set([document.uri.toString()]))) {
                if (!table.has(description.name)) table.set(description.name, description);
            }
            return table;
        });
    }
}

/** Looks a name up in a list of tables, first hit wins. */
class ImportScope implements Scope {
    constructor(private readonly tables: readonly ReadonlyMap<string, AstNodeDescription>[]) {}

    getElement(name: string): AstNodeDescription | undefined {
        for (const table of this.tables) {
            const found = table.get(name);
            if (found) return found;
        }
        return undefined;
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.tables).map(table => table.get(name)).nonNullable();
    }

    /** Each name once, the one `getElement` finds (completion and quick fixes list these). */
    getAllElements(): Stream<AstNodeDescription> {
        const seen = new Set<string>();
        return stream(this.tables).flatMap(table => table.values()).filter(description => {
            if (seen.has(description.name)) return false;
            seen.add(description.name);
            return true;
        });
    }
}
