import './polyfill.mjs';
import {
    inject, type DeepPartial, type LangiumCoreServices, type LangiumSharedCoreServices, type Module,
    type PartialLangiumCoreServices
} from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext,
    type LangiumServices, type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { CascadeGeneratedSharedModule, CascadeLanguageGeneratedModule } from './generated/module.js';
import { CascadeTokenBuilder } from './cascade-token-builder.js';

/** Services added by Cascade on top of Langium's. */
export type CascadeAddedServices = {
};

export type CascadeServices = LangiumServices & CascadeAddedServices;

/** Wires Cascade's implementations into Langium's service container. */
export const CascadeModule: Module<CascadeServices, PartialLangiumServices & CascadeAddedServices> = {
    parser: {
        /** Contextual unit tokens after numbers. */
        TokenBuilder: () => new CascadeTokenBuilder()
    }
};

export function createCascadeServices(context: DefaultSharedModuleContext): {
    shared: LangiumSharedServices;
    Cascade: CascadeServices;
} {
    const shared = inject(createDefaultSharedModule(context), CascadeGeneratedSharedModule);
    const Cascade = inject(createDefaultModule({ shared }), CascadeLanguageGeneratedModule, CascadeModule);
    shared.ServiceRegistry.register(Cascade);
    return { shared, Cascade };
}
export type { DeepPartial, LangiumCoreServices, LangiumSharedCoreServices, PartialLangiumCoreServices };
