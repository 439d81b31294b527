import { createCompletionParser, type LangiumCompletionParser, type LangiumCoreServices } from 'langium';

/**
 * Langium builds its second parser, the one completion uses, while the server starts: a second
 * analysis of the grammar (about 100 ms) before the first diagnostics, for a feature the user
 * needs seconds later. It is built on first use instead (the server warms it up when idle, main.ts).
 */
export function createLazyCompletionParser(services: LangiumCoreServices): LangiumCompletionParser {
    let parser: LangiumCompletionParser | undefined;
    const built = (): LangiumCompletionParser => (parser ??= createCompletionParser(services));
    return new Proxy({} as LangiumCompletionParser, {
        get(_target, key) {
            // Langium's eager loading probes every service for a marker symbol; that is no use.
            if (typeof key === 'symbol') return undefined;
            const target = built();
            const value = Reflect.get(target, key, target);
            return typeof value === 'function' ? value.bind(target) : value;
        }
    });
}
