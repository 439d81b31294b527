import { DocumentState, URI, UriUtils, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import type { ModelIR } from '@neurocascade/simulator';
import { createCascadeServices, type CascadeServices } from '../cascade-module.js';
import { isCascadeFile } from '../generated/ast.js';
import { lowerDocument } from '../lowering/cascade-lowering.js';
import { documentDiagnostics, hasErrors, type CascadeDiagnostic } from './cascade-diagnostics.js';

/** A checked document: its diagnostics, and its model when it has no errors. */
export interface LoadedModel {
    readonly document: LangiumDocument;
    readonly diagnostics: CascadeDiagnostic[];
    readonly model?: ModelIR;
}

/**
 * The model is lowered when first read, not for every file checked: `cascade check` and
 * `cascade format` never read it, and lowering each file of a 200-file import chain lowers its
 * whole closure, 20,000 files in all. Read it before loading anything else with the same loader.
 */
class CheckedDocument implements LoadedModel {
    private lowered?: { model?: ModelIR };

    constructor(readonly document: LangiumDocument, readonly diagnostics: CascadeDiagnostic[], private readonly services: CascadeServices) {}

    get model(): ModelIR | undefined {
        this.lowered ??= { model: hasErrors(this.diagnostics) ? undefined : lowerDocument(this.document, this.services) };
        return this.lowered.model;
    }
}

/**
 * Loads `.cascade` files outside an editor (CLI, SBML round trips, tests): each file with the
 * files it imports, transitively, then builds and checks them together.
 */
export class ModelLoader {
    readonly shared: LangiumSharedServices;
    readonly services: CascadeServices;

    constructor() {
        const { shared, Cascade } = createCascadeServices(NodeFileSystem);
        this.shared = shared;
        this.services = Cascade;
    }

    /** Imports may reach anywhere inside these folders. */
    addWorkspaceRoot(folder: string): void {
        this.services.references.CascadeImports.addWorkspaceRoot(URI.file(folder));
    }

    async loadFiles(paths: readonly string[]): Promise<LoadedModel[]> {
        const documents = await Promise.all(paths.map(path => this.shared.workspace.LangiumDocuments.getOrCreateDocument(URI.file(path))));
        await this.loadImports(documents);
        return this.check(documents);
    }

    /** Checks text as if it were the file `path` (which need not exist); imports resolve from its folder. */
    async loadText(text: string, path: string): Promise<LoadedModel> {
        const uri = URI.file(path);
        const documents = this.shared.workspace.LangiumDocuments;
        if (documents.hasDocument(uri)) await this.shared.workspace.DocumentBuilder.update([], [uri]);
        const document = this.shared.workspace.LangiumDocumentFactory.fromString(text, uri);
        documents.addDocument(document);
        await this.loadImports([document]);
        const [loaded] = await this.check([document]);
        return loaded;
    }

    /** Forgets a document loaded from text, so the next load of that path starts afresh. */
    async unload(path: string): Promise<void> {
        await this.shared.workspace.DocumentBuilder.update([], [URI.file(path)]);
    }

    private async check(documents: LangiumDocument[]): Promise<LoadedModel[]> {
        const all = this.shared.workspace.LangiumDocuments.all.filter(document => document.state < DocumentState.Validated).toArray();
        await this.shared.workspace.DocumentBuilder.build(all, { validation: true });
        return documents.map(document => new CheckedDocument(document, documentDiagnostics(document), this.services));
    }

    /** Reads every file reachable through imports that exists and is not loaded yet. */
    private async loadImports(documents: LangiumDocument[]): Promise<void> {
        const pending = [...documents];
        const fileSystem = this.shared.workspace.FileSystemProvider;
        const loaded = this.shared.workspace.LangiumDocuments;
        while (pending.length > 0) {
            const document = pending.pop()!;
            const root = document.parseResult.value;
            if (!isCascadeFile(root)) continue;
            for (const node of root.imports) {
                const uri = UriUtils.resolvePath(UriUtils.dirname(document.uri), node.path ?? '');
                if (loaded.hasDocument(uri) || !this.services.references.CascadeImports.isInsideWorkspace(uri, document.uri)) continue;
                if (!(await fileSystem.exists(uri))) continue;
                pending.push(await loaded.getOrCreateDocument(uri));
            }
        }
    }
}

let shared: ModelLoader | undefined;

/** Checks and lowers Cascade text with one loader kept for the process. */
export async function loadModelFromText(text: string, path = `${process.cwd()}/model.cascade`): Promise<LoadedModel> {
    shared ??= new ModelLoader();
    return shared.loadText(text, path);
}

export async function loadModelFromFile(path: string): Promise<LoadedModel> {
    const loader = new ModelLoader();
    const [loaded] = await loader.loadFiles([path]);
    return loaded;
}
