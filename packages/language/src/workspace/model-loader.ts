import { DocumentState, URI, UriUtils, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import type { ModelIR } from '@neurocascade/simulator';
import { createCascadeServices, type CascadeServices } from '../cascade-module.js';
import { isCascadeFile } from '../generated/ast.js';
import { lowerDocument } from '../lowering/cascade-lowering.js';
import { documentDiagnostics, hasErrors, type CascadeDiagnostic } from './cascade-diagnostics.js';
import { fileRefusal, importRefusal } from './import-files.js';
import { CODE_UNRESOLVED } from '../validation/diagnostic-codes.js';

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
        const documents = await Promise.all(paths.map(path => this.loadFile(path)));
        await this.loadImports(documents);
        return this.check(documents);
    }

    /**
     * The file's document; one that may not be read (too large, a folder, unreadable) is an empty
     * document whose only diagnostic says why, and its importers report it on their import lines.
     */
    private async loadFile(path: string): Promise<LangiumDocument> {
        const uri = URI.file(path);
        const reason = await fileRefusal(path).catch((error: unknown) => `it cannot be read (${error instanceof Error ? error.message : String(error)})`);
        if (reason === undefined) return this.shared.workspace.LangiumDocuments.getOrCreateDocument(uri);
        this.services.references.CascadeImports.refuse(uri, reason);
        this.unreadable.set(uri.toString(), reason);
        const document = this.shared.workspace.LangiumDocumentFactory.fromString('', uri);
        this.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    }

    /** Files given to loadFiles that were not read, with why. */
    private readonly unreadable = new Map<string, string>();

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
        return documents.map(document => {
            const reason = this.unreadable.get(document.uri.toString());
            const diagnostics = reason === undefined ? documentDiagnostics(document)
                : [{ file: document.uri.fsPath, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error' as const, code: CODE_UNRESOLVED, message: `Cannot read this file: ${reason}.` }];
            return new CheckedDocument(document, diagnostics, this.services);
        });
    }

    /** Reads every file reachable through imports that exists and is not loaded yet. */
    private async loadImports(documents: LangiumDocument[]): Promise<void> {
        const pending = [...documents];
        const fileSystem = this.shared.workspace.FileSystemProvider;
        const loaded = this.shared.workspace.LangiumDocuments;
        const imports = this.services.references.CascadeImports;
        while (pending.length > 0) {
            const document = pending.pop()!;
            const root = document.parseResult.value;
            if (!isCascadeFile(root)) continue;
            for (const node of root.imports) {
                const uri = UriUtils.resolvePath(UriUtils.dirname(document.uri), node.path ?? '');
                if (loaded.hasDocument(uri) || !imports.isInsideWorkspace(uri, document.uri)) continue;
                if (!(await fileSystem.exists(uri))) continue;
                const roots = imports.workspaceRoots();
                const reason = await importRefusal(uri.fsPath, roots.length > 0 ? roots.map(root => root.fsPath) : [UriUtils.dirname(document.uri).fsPath])
                    .catch((error: unknown) => `it cannot be read (${error instanceof Error ? error.message : String(error)})`);
                if (reason !== undefined) {
                    imports.refuse(uri, reason);
                    continue;
                }
                try {
                    pending.push(await loaded.getOrCreateDocument(uri));
                } catch (error) {
                    // Read between the check and now, or unreadable (permissions): the import reports it, the other files are still checked.
                    imports.refuse(uri, `it cannot be read (${error instanceof Error ? error.message : String(error)})`);
                }
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
