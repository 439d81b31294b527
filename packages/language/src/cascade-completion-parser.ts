import { createCompletionParser, type LangiumCompletionParser, type LangiumCoreServices } from 'langium';

/** How long after start-up an idle server builds the completion parser ahead of the first completion. */
const WARM_UP_DELAY_MS = 3000;

/**
 * Langium builds its second parser, the one completion uses, while the server starts: a second
 * analysis of the grammar (about 100 ms) before the first diagnostics, for a feature the user
 * needs seconds later. It is built on first use instead, or a few seconds after start-up.
 */
export function createLazyCompletionParser(services: LangiumCoreServices): LangiumCompletionParser {
    let parser: LangiumCompletionParser | undefined;
    const built = (): LangiumCompletionParser => (parser ??= createCompletionParser(services));
    setTimeout(built, WARM_UP_DELAY_MS).unref();
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
