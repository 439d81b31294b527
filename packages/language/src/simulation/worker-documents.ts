/**
 * The simulation worker's own copy of the documents of a long model. The server hands over
 * their texts (the document and what it imports, as the editor has them) and the workspace
 * folders; the worker parses, links and lowers them here, so lowering does not hold the server's
 * main thread. The server has already checked them (a model with errors never gets here), so they
 * are not validated again. A text the previous job brought is not parsed again.
 */
// First: chevrotain (under the parser) needs Object.groupBy, which Node 20 lacks.
import '../polyfill.mjs';
import { DocumentState, EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { ModelIR } from '@neurocascade/simulator';
import { createCascadeServices } from '../cascade-module.js';
import { lowerDocument } from '../lowering/cascade-lowering.js';
import type { DocumentText } from './worker-protocol.js';

export class WorkerDocuments {
    private readonly services = createCascadeServices(EmptyFileSystem);
    private readonly roots = new Set<string>();

    /** The model of `documents[0]`, which imports the others. */
    async model(documents: readonly DocumentText[], roots: readonly string[]): Promise<ModelIR> {
        const { shared, Cascade } = this.services;
        for (const root of roots.filter(root => !this.roots.has(root))) {
            this.roots.add(root);
            Cascade.references.CascadeImports.addWorkspaceRoot(URI.parse(root));
        }
        const loaded = shared.workspace.LangiumDocuments;
        const wanted = new Map(documents.map(document => [URI.parse(document.uri).toString(), document.text]));
        // Documents this job does not read, or whose text changed, are dropped (the worker keeps one model's files).
        const stale = loaded.all.filter(document => wanted.get(document.uri.toString()) !== document.textDocument.getText()).map(document => document.uri).toArray();
        if (stale.length > 0) await shared.workspace.DocumentBuilder.update([], stale);
        for (const [uri, text] of wanted) {
            if (!loaded.hasDocument(URI.parse(uri))) loaded.addDocument(shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(uri)));
        }
        const unbuilt = loaded.all.filter(document => document.state < DocumentState.IndexedReferences).toArray();
        if (unbuilt.length > 0) await shared.workspace.DocumentBuilder.build(unbuilt, { validation: false });
        return lowerDocument(loaded.getDocument(URI.parse(documents[0].uri)) as LangiumDocument, Cascade);
    }
}
