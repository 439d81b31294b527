import { strict as assert } from 'node:assert';
import { contentSecurityPolicy, createNonce } from '../src/shared/csp.js';
import { escapeXml } from '../src/shared/escape.js';
import { previewHtml } from '../src/webview-html.js';

describe('escaping', () => {
    it('escapes every character that could end text or an attribute', () => {
        assert.equal(escapeXml(`<script>alert("x") & 'y'</script>`), '&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;');
    });
});

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
    const html = previewHtml({ cspSource: 'vscode-resource:', nonce: 'n0nce', script: 'vscode-resource:/preview.js', styles: ['vscode-resource:/preview.css'] });

    it('loads its script with the nonce and states the policy', () => {
        assert.match(html, /<script type="module" nonce="n0nce" src="vscode-resource:\/preview.js"><\/script>/);
        assert.match(html, /http-equiv="Content-Security-Policy" content="[^"]*script-src 'nonce-n0nce'/);
    });

    it('has the stable ids the UI tests and the webview script use', () => {
        for (const id of ['status', 'error', 'legend', 'time-course', 'axis-scale', 'balance', 'expects', 'steady-state', 'responses', 'network', 'perturbation']) {
            assert.match(html, new RegExp(`id="${id}"`), id);
        }
    });

    it('has no inline script or remote resource', () => {
        assert.equal((html.match(/<script/g) ?? []).length, 1);
        assert.ok(!/(src|href)="https?:/.test(html));
    });
});
