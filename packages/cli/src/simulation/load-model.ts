import path from 'node:path';
import { ModelLoader, type LoadedModel } from '@neurocascade/language';
import { CompiledModelCache, useCompiledModelCache, type ModelIR } from '@neurocascade/simulator';
import { InputError, UsageError } from '../usage.js';
import { readInput, workspaceRoots } from '../files.js';

/**
 * The checked model of one file; its errors (with positions) when it has any. Its imports may
 * reach the file's project, as in `cascade check` and the editor (`examples/validation/x.cascade`
 * imports `../dopamine.cascade`).
 */
export async function loadCheckedModel(file: string): Promise<{ model: ModelIR; loaded: LoadedModel }> {
    compileThroughUserCache();
    await readInput(file);
    const loader = new ModelLoader();
    workspaceRoots([file]).forEach(root => loader.addWorkspaceRoot(root));
    const [loaded] = await loader.loadFiles([path.resolve(file)]);
    if (!loaded.model) {
        const errors = loaded.diagnostics.filter(d => d.severity === 'error')
            .map(d => `${path.relative(process.cwd(), d.file)}:${d.line}:${d.column} error ${d.code} ${d.message}`);
        throw new InputError(`the model has errors and cannot be simulated:\n${errors.join('\n')}`);
    }
    return { model: loaded.model, loaded };
}

/** A `--scenario`/`--name` that the model does not declare is a usage error listing what it does declare. */
export function requireDeclared(kind: 'scenario' | 'cascade' | 'scan' | 'population' | 'fit', name: string | undefined, declared: readonly { name: string }[]): void {
    if (name === undefined || declared.some(item => item.name === name)) return;
    throw new UsageError(`no ${kind} '${name}' (the file has: ${declared.map(item => item.name).join(', ') || 'none'})`);
}

/** The command's runs compile through the user's cache of compiled models: a second run of an unchanged model skips its compile. */
export function compileThroughUserCache(): void {
    useCompiledModelCache(CompiledModelCache.forUser());
}
