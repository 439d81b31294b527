import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { escapeXml } from '../../src/output/xml-text.js';

/** Python's expat, an XML parser independent of this project, reads an attribute and a text node back. */
function readBackWithPython(values: string[]): string[] | undefined {
    const document = `<r>${values.map(v => `<v a="${escapeXml(v)}">${escapeXml(v)}</v>`).join('')}</r>`;
    const script = 'import sys, json, xml.etree.ElementTree as T\nr = T.fromstring(sys.stdin.buffer.read())\nprint(json.dumps([[v.get("a"), v.text or ""] for v in r]))';
    const run = spawnSync('python3', ['-c', script], { input: Buffer.from(document, 'utf8'), encoding: 'utf8' });
    if (run.error) return undefined;
    assert.equal(run.status, 0, `python3 could not parse the document: ${run.stderr}`);
    const pairs = JSON.parse(run.stdout) as [string, string][];
    for (const [attribute, text] of pairs) assert.equal(attribute, text, 'attribute and text read back alike');
    return pairs.map(([attribute]) => attribute);
}

/** What XML 1.0 can carry of a string: characters it forbids become U+FFFD. */
const carried = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

describe('XML text escaping', () => {
    it('escapes every character that could end text or an attribute', () => {
        assert.equal(escapeXml(`<script>alert("x") & 'y'</script>`), '&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;');
    });

    it('replaces characters XML 1.0 forbids and keeps tab, line feed and carriage return as references', () => {
        assert.equal(escapeXml('a\u0000b\u0007c\u001bd\ufffe'), 'a\ufffdb\ufffdc\ufffdd\ufffd');
        assert.equal(escapeXml('x\ty\nz\r'), 'x&#9;y&#10;z&#13;');
        assert.equal(escapeXml('\ud83d\ude00 \ud83d'), '\ud83d\ude00 \ufffd', 'a pair stays, a lone surrogate goes');
    });

    it('gives text that an independent XML parser reads back as written, for any string (fuzzed)', function () {
        this.timeout(30_000);
        const samples = fc.sample(fc.string({ unit: fc.oneof(fc.constantFrom('\u0000', '\u0001', '\t', '\n', '\r', '\u001f', '\ufffe', '\ud800', '\udc00', '<', '&', '"', "'"), fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 20 }), { numRuns: 500, seed: 13 });
        const read = readBackWithPython(samples);
        if (read === undefined) {
            console.warn('      SKIPPED: python3 is not installed, so no independent XML parser is available');
            this.skip();
        }
        assert.deepEqual(read, samples.map(carried));
    });
});
