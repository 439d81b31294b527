import { UsageError } from '../usage.js';

/** `cascade lsp --stdio`: the language server on this process's stdin/stdout. */
export async function lsp(args: string[]): Promise<number> {
    if (!args.includes('--stdio')) throw new UsageError('lsp needs --stdio (the only transport it offers)');
    const { startCascadeServer } = await import('@neurocascade/language/server');
    startCascadeServer();
    // The server runs until the client closes the connection.
    return new Promise<number>(() => undefined);
}
