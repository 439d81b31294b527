/** Escaping for text the extension writes into markup (SVG export, the preview page's attributes); the webview itself uses textContent. */
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeXml(text: string): string {
    return text.replace(/[&<>"']/g, c => ENTITIES[c]);
}
