import './polyfill.mjs';
import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext,
    type LangiumServices, type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { CascadeGeneratedSharedModule, CascadeLanguageGeneratedModule } from './generated/module.js';
import { CascadeTokenBuilder } from './cascade-token-builder.js';
import { createCascadeParser } from './cascade-parser.js';
import { createLazyCompletionParser } from './cascade-completion-parser.js';
import { CascadeValueConverter } from './cascade-value-converter.js';
import { CascadeImports } from './scoping/cascade-imports.js';
import { CascadeWorkspaceManager } from './workspace/cascade-workspace-manager.js';
import { CascadeIndexManager } from './scoping/cascade-index-manager.js';
import { CascadeDocumentBuilder } from './workspace/cascade-document-builder.js';
import { CascadeDocumentFactory } from './workspace/cascade-document-factory.js';
import { CascadeTextDocuments } from './workspace/cascade-text-documents.js';
import { CascadeLinker } from './scoping/cascade-linker.js';
import { CascadeReferenceDescriptionProvider } from './scoping/cascade-reference-descriptions.js';
import { CascadeScopeComputation } from './scoping/cascade-scope-computation.js';
import { CascadeScopeProvider } from './scoping/cascade-scope-provider.js';
import { CascadeDocumentValidator } from './validation/cascade-document-validator.js';
import { CascadeValidationRegistry } from './validation/cascade-validation-registry.js';
import { ReferenceLinks } from './reference-links.js';
import { registerValidationChecks } from './validation/cascade-validator.js';
import { CascadeCompletionProvider } from './lsp/cascade-completion-provider.js';
import { CascadeHoverProvider } from './lsp/cascade-hover-provider.js';
import { CascadeDocumentSymbolProvider } from './lsp/cascade-document-symbol-provider.js';
import { CascadeFoldingRangeProvider } from './lsp/cascade-folding-range-provider.js';
import { CascadeDocumentLinkProvider } from './lsp/cascade-document-link-provider.js';
import { CascadeSemanticTokenProvider } from './lsp/cascade-semantic-token-provider.js';
import { CascadeNodeKindProvider } from './lsp/cascade-node-kind-provider.js';
import { CascadeFormatter } from './lsp/cascade-formatter.js';
import { CascadeCodeActionProvider } from './lsp/cascade-code-action-provider.js';
import { CascadeRenameProvider } from './lsp/cascade-rename-provider.js';
import { CascadeInlayHintProvider } from './lsp/cascade-inlay-hints.js';

/** Services added by Cascade on top of Langium's. */
export type CascadeAddedServices = {
    references: {
        CascadeImports: CascadeImports;
        ScopeProvider: CascadeScopeProvider;
    };
    documentation: {
        ReferenceLinks: ReferenceLinks;
    };
};

export type CascadeServices = LangiumServices & CascadeAddedServices;

/** Wires Cascade's implementations into Langium's service container. */
export const CascadeModule: Module<CascadeServices, PartialLangiumServices & CascadeAddedServices> = {
    parser: {
        /** Survives input that nests deeper than the stack (cascade-parser.ts). */
        LangiumParser: services => createCascadeParser(services),
        /** Built on first use or when idle, not during start-up. */
        CompletionParser: services => createLazyCompletionParser(services),
        /** Contextual unit tokens after numbers. */
        TokenBuilder: () => new CascadeTokenBuilder(),
        /** Unit values without the leading spaces. */
        ValueConverter: () => new CascadeValueConverter()
    },
    references: {
        /** Import resolution, workspace confinement and the import graph. */
        CascadeImports: services => new CascadeImports(services.shared),
        /** Exports top-level declarations only. */
        ScopeComputation: services => new CascadeScopeComputation(services),
        /** Hashed, cached scope of a file and its imports. */
        ScopeProvider: services => new CascadeScopeProvider(services),
        /** Links by a plain walk of the tree (workspace/ast-walk.ts). */
        Linker: services => new CascadeLinker(services)
    },
    workspace: {
        /** Indexes references by a plain walk of the tree. */
        ReferenceDescriptionProvider: services => new CascadeReferenceDescriptionProvider(services)
    },
    lsp: {
        InlayHintProvider: services => new CascadeInlayHintProvider(services),
        /** Completion filtered by slot, block, target and expected unit dimension. */
        CompletionProvider: services => new CascadeCompletionProvider(services),
        /** Kind, doc, values in base units, rate law and modulators; units explained. */
        HoverProvider: services => new CascadeHoverProvider(services),
        /** Outline with a symbol kind per declaration kind and members as children. */
        DocumentSymbolProvider: () => new CascadeDocumentSymbolProvider(),
        /** Blocks and comment runs, not multi-line expressions. */
        FoldingRangeProvider: services => new CascadeFoldingRangeProvider(services),
        /** Import paths open the imported file. */
        DocumentLinkProvider: services => new CascadeDocumentLinkProvider(services),
        /** Species kinds, process kinds, receptors, modulators and units told apart. */
        SemanticTokenProvider: services => new CascadeSemanticTokenProvider(services),
        /** The one canonical layout (idempotent, whitespace only). */
        Formatter: () => new CascadeFormatter(),
        /** Quick fixes: nearest name, declare it, add or change a unit, remove an unused declaration. */
        CodeActionProvider: services => new CascadeCodeActionProvider(services),
        /** Refuses a new name that is not a free name or would clash (an error the editor shows). */
        RenameProvider: services => new CascadeRenameProvider(services)
    },
    validation: {
        /** The codes of docs/reference.md#checks on Langium's own diagnostics. */
        DocumentValidator: services => new CascadeDocumentValidator(services),
        /** Checks called directly, not each through an async wrapper. */
        ValidationRegistry: services => new CascadeValidationRegistry(services)
    },
    documentation: {
        /** Sections of docs/reference.md for diagnostics and hovers, once the server has found it. */
        ReferenceLinks: () => new ReferenceLinks()
    }
};

/** Shared services Cascade replaces: symbol kinds for workspace symbols, a lazily described reference index, phase listeners that survive cancellation, edits parsed one declaration at a time, open documents filtered. */
export const CascadeSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        NodeKindProvider: () => new CascadeNodeKindProvider()
    },
    workspace: {
        /** References described when find-references or rename first asks, not in every build. */
        IndexManager: services => new CascadeIndexManager(services),
        /** A document's phase listeners (publishing its diagnostics) run even when the build is cancelled just then. */
        DocumentBuilder: services => new CascadeDocumentBuilder(services),
        /** An edit re-parses the declarations it touches, not the whole file. */
        LangiumDocumentFactory: services => new CascadeDocumentFactory(services),
        /** Files over the loader's size limit are not loaded (import-files.ts). */
        WorkspaceManager: services => new CascadeWorkspaceManager(services),
        /** Open documents the server does not handle, or malformed ones, are ignored with a log line. */
        TextDocuments: services => new CascadeTextDocuments(services)
    }
};

export function createCascadeServices(context: DefaultSharedModuleContext): {
    shared: LangiumSharedServices;
    Cascade: CascadeServices;
} {
    const shared = inject(createDefaultSharedModule(context), CascadeGeneratedSharedModule, CascadeSharedModule);
    const Cascade = inject(createDefaultModule({ shared }), CascadeLanguageGeneratedModule, CascadeModule);
    shared.ServiceRegistry.register(Cascade);
    registerValidationChecks(Cascade);
    return { shared, Cascade };
}
