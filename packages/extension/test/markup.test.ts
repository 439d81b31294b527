import { strict as assert } from 'node:assert';
import { contentSecurityPolicy, createNonce } from '../src/shared/csp.js';
import { previewHtml } from '../src/webview-html.js';

describe('Content-Security-Policy', () => {
    const policy = contentSecurityPolicy({ cspSource: 'https://webview.example', nonce: 'abc' });
    const directive = (name: string) => policy.split('; ').find(d => d.startsWith(`${name} `));

    it('denies everything not listed', () => {
        assert.equal(directive('default-src'), "default-src 'none'");
        assert.equal(directive('connect-src'), "connect-src 'none'");
    });

    it('runs only scripts carrying the nonce, never inline or eval', () => {
        assert.equal(directive('script-src'), "script-src 'nonce-abc'");
        assert.ok(!policy.includes('unsafe-inline') && !policy.includes('unsafe-eval'));
    });

    it('allows no remote origin other than the webview resources', () => {
        assert.ok(!/https?:\/\/(?!webview\.example)/.test(policy));
    });

    it('makes a different 128-bit nonce each time', () => {
        let counter = 0;
        const fill = (bytes: Uint8Array) => bytes.fill(counter++);
        const [a, b] = [createNonce(fill), createNonce(fill)];
        assert.notEqual(a, b);
        assert.equal(Buffer.from(a, 'base64url').length, 16);
    });
});

describe('preview page', () => {
    const script = 'import "./x.js"; window.addEventListener("message", () => {});';
    const page = (sources: { script?: string; styles?: string[] } = {}) => previewHtml({
        cspSource: 'vscode-resource:', nonce: 'n0nce', script: sources.script ?? script, styles: sources.styles ?? ['body { color: red; }'],
        layoutModule: 'vscode-resource:/elk.js?a=1&b="2"'
    });
    const html = page();

    it('carries its script and styles with the nonce and states the policy', () => {
        assert.ok(html.includes(`<script type="module" nonce="n0nce">${script}</script>`));
        assert.ok(html.includes('<style nonce="n0nce">body { color: red; }</style>'));
        assert.match(html, /http-equiv="Content-Security-Policy" content="[^"]*script-src 'nonce-n0nce'/);
    });

    it('names the layout module in an escaped attribute', () => {
        assert.ok(html.includes('data-layout-module="vscode-resource:/elk.js?a=1&amp;b=&quot;2&quot;"'));
    });

    it('refuses a script or stylesheet that would end its element early', () => {
        assert.throws(() => page({ script: 'const s = "</SCRIPT><img src=x>";' }), /contains '<\/script'/);
        assert.throws(() => page({ styles: ['a {}</style><script>'] }), /contains '<\/style'/);
    });

    it('has the stable ids the UI tests and the webview script use', () => {
        for (const id of ['status', 'error', 'legend', 'time-course', 'reset-zoom', 'network-frame', 'expects', 'steady-state', 'responses', 'network', 'perturbation']) {
            assert.match(html, new RegExp(`id="${id}"`), id);
        }
    });

    it('has one script, each element with the nonce, and no remote resource', () => {
        assert.equal((html.match(/<script/g) ?? []).length, 1);
        assert.equal((html.match(/<(script|style)\b[^>]*\bnonce="n0nce"/g) ?? []).length, 2);
        assert.ok(!/(src|href)="/.test(html));
    });
});
