/** The preview's Content-Security-Policy: nothing remote, scripts only with this page's nonce. */

export interface CspSources {
    /** The webview's own resource origin (`webview.cspSource`). */
    cspSource: string;
    nonce: string;
}

export function contentSecurityPolicy({ cspSource, nonce }: CspSources): string {
    return [
        `default-src 'none'`,
        `img-src ${cspSource} data: blob:`,
        `style-src ${cspSource} 'nonce-${nonce}'`,
        `font-src ${cspSource}`,
        `script-src 'nonce-${nonce}'`,
        `worker-src blob:`,
        `connect-src 'none'`,
        `form-action 'none'`,
        `base-uri 'none'`
    ].join('; ');
}

/** 128 random bits as base64url, from the given random source (crypto.getRandomValues). */
export function createNonce(fill: (bytes: Uint8Array) => Uint8Array): string {
    const bytes = fill(new Uint8Array(16));
    return Buffer.from(bytes).toString('base64url');
}
