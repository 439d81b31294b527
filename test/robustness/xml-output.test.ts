import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cascade } from './cli.js';

/** Titles with control characters XML 1.0 forbids (NUL, BEL, ESC, form feed), a tab and markup. */
const TITLE = 'Dopa\u0000mine\u0007 \u001b[31mred\u000c & <b>x</b>\ttab';
const MODEL = `model Hostile "${TITLE}"
precursor A "${TITLE}" { initial 1 uM  clearance 0.1 /min }
parameter k "${TITLE}" = 2
`;

/** The titles an independent XML parser (Python's expat) finds: every `name` attribute and `<title>` text. */
function titlesReadByPython(file: string): string[] | undefined {
    const script = 'import sys, json, xml.etree.ElementTree as T\n'
        + 'r = T.parse(sys.argv[1]).getroot()\n'
        + 'print(json.dumps([e.get("name") for e in r.iter() if e.get("name")] + [e.text for e in r.iter() if e.tag.endswith("title") and e.text]))';
    const run = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
    if (run.error) return undefined;
    assert.equal(run.status, 0, `the XML is not well formed: ${run.stderr}`);
    return JSON.parse(run.stdout) as string[];
}

describe('XML written from titles with control characters', function () {
    this.timeout(60_000);
    let folder: string;
    before(() => {
        folder = mkdtempSync(path.join(tmpdir(), 'cascade-xml-'));
        writeFileSync(path.join(folder, 'hostile.cascade'), MODEL);
    });
    after(() => rmSync(folder, { recursive: true, force: true }));

    // What XML can carry of the title: each forbidden character is U+FFFD.
    const carried = TITLE.replace(/[\u0000\u0007\u001b\u000c]/g, '\ufffd');

    for (const [what, args, file] of [
        ['cascade export --sbml', ['export', 'hostile.cascade', '--sbml', '-o', 'hostile.xml'], 'hostile.xml'],
        ['cascade diagram', ['diagram', 'hostile.cascade', '-o', 'hostile.svg'], 'hostile.svg']
    ] as const) {
        it(`${what} writes well-formed XML that keeps the title's text`, function () {
            const run = cascade([...args], folder);
            assert.equal(run.status, 0, run.stderr);
            const titles = titlesReadByPython(path.join(folder, file));
            if (titles === undefined) {
                console.warn('      SKIPPED: python3 is not installed, so no independent XML parser is available');
                this.skip();
            }
            assert.ok(titles.some(title => title.includes(carried)), `no title reads '${carried}' in ${JSON.stringify(titles)}`);
            assert.doesNotMatch(readFileSync(path.join(folder, file), 'utf8'), /[\u0000\u0007\u001b\u000c]/);
        });
    }
});
