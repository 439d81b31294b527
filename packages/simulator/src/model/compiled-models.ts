/**
 * Compiled models kept by content: compiling is most of a first run (60 % at 1,000 species),
 * and a language server compiles the same model again whenever a run is repeated (Run pressed
 * again, a preview following the editor back to a file it showed). Two models are the same when
 * their IR is, written out in full; a kept model is handed out with its slots reset, as a fresh
 * compile would be. One not kept in memory comes from the disk cache when there is one.
 */
import type { ModelIR } from '../ir.js';
import { compileModel, type CompiledModel } from './compiled-model.js';
import { modelKey, type CompiledModelCache } from './compiled-model-cache.js';

export class CompiledModels {
    /** Most recently used last. */
    private readonly byContent = new Map<string, CompiledModel>();

    constructor(private readonly capacity = 4, private readonly disk?: CompiledModelCache) {}

    compile(ir: ModelIR): CompiledModel {
        const key = modelKey(ir);
        const kept = this.byContent.get(key);
        this.byContent.delete(key);
        const model = kept ?? (this.disk ? this.disk.compile(ir, key) : compileModel(ir));
        if (kept) kept.reset();
        this.byContent.set(key, model);
        if (this.byContent.size > this.capacity) this.byContent.delete(this.byContent.keys().next().value!);
        return model;
    }
}
