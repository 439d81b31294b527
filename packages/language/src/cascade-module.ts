import './polyfill.mjs';
import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext,
    type LangiumServices, type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { CascadeGeneratedSharedModule, CascadeLanguageGeneratedModule } from './generated/module.js';
import { CascadeTokenBuilder } from './cascade-token-builder.js';
import { CascadeValueConverter } from './cascade-value-converter.js';
import { CascadeImports } from './scoping/cascade-imports.js';
import { CascadeScopeComputation } from './scoping/cascade-scope-computation.js';
import { CascadeScopeProvider } from './scoping/cascade-scope-provider.js';
import { CascadeDocumentValidator } from './validation/cascade-document-validator.js';
import { registerValidationChecks } from './validation/cascade-validator.js';

/** Services added by Cascade on top of Langium's. */
export type CascadeAddedServices = {
    references: {
        CascadeImports: CascadeImports;
        ScopeProvider: CascadeScopeProvider;
    };
};

export type CascadeServices = LangiumServices & CascadeAddedServices;

/** Wires Cascade's implementations into Langium's service container. */
export const CascadeModule: Module<CascadeServices, PartialLangiumServices & CascadeAddedServices> = {
    parser: {
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
        ScopeProvider: services => new CascadeScopeProvider(services)
    },
    validation: {
        /** §12 codes on Langium's own diagnostics. */
        DocumentValidator: services => new CascadeDocumentValidator(services)
    }
};

export function createCascadeServices(context: DefaultSharedModuleContext): {
    shared: LangiumSharedServices;
    Cascade: CascadeServices;
} {
    const shared = inject(createDefaultSharedModule(context), CascadeGeneratedSharedModule);
    const Cascade = inject(createDefaultModule({ shared }), CascadeLanguageGeneratedModule, CascadeModule);
    shared.ServiceRegistry.register(Cascade);
    registerValidationChecks(Cascade);
    return { shared, Cascade };
}
