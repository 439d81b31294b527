import { DocumentState, WorkspaceCache, type LangiumSharedCoreServices } from 'langium';

/**
 * A cache of facts about the whole workspace, emptied when the workspace changes and again
 * whenever a build has parsed new text: the CLI and tests add documents by building them,
 * which Langium does not announce as a change.
 */
export function buildCache<K, V>(shared: LangiumSharedCoreServices): WorkspaceCache<K, V> {
    const cache = new WorkspaceCache<K, V>(shared);
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Parsed, () => cache.clear());
    return cache;
}
