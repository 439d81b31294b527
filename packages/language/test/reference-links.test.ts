import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EmptyFileSystem, URI } from 'langium';
import { createCascadeServices } from '../src/cascade-module.js';
import { linkReference } from '../src/reference-file.js';
import { CODE_EXPECT_FAILED, VALIDATION_CODES } from '../src/validation/diagnostic-codes.js';
import { referenceSection } from '../src/lsp/declaration-hover.js';
import type { DeclarationKind } from '../src/lsp/declaration-kinds.js';
import { ReferenceLinks } from '../src/reference-links.js';

const REFERENCE = fileURLToPath(new URL('../../../../docs/reference.md', import.meta.url));
const text = readFileSync(REFERENCE, 'utf8');

describe('diagnostics and hovers link to their section of docs/reference.md', () => {
    it('every code has a section, and its link opens the reference at that heading', () => {
        const links = new ReferenceLinks();
        links.configure(pathToFileURL(REFERENCE).href, text);
        const lines = text.split('\n');
        for (const code of [...VALIDATION_CODES, CODE_EXPECT_FAILED]) {
            const href = links.href(code);
            assert.ok(href, `no section for ${code}`);
            const line = Number(/#L(\d+)$/.exec(href)![1]);
            assert.equal(lines[line - 1], `### ${code}`);
        }
        assert.equal(links.href('no-such-code'), undefined);
    });

    it('the server finds the repository\'s reference above its own module, and nothing where there is none', () => {
        assert.equal(linkReference(new ReferenceLinks()), REFERENCE);
        const elsewhere = mkdtempSync(join(tmpdir(), 'no-reference-'));
        try {
            assert.equal(linkReference(new ReferenceLinks(), join(elsewhere, 'server.js')), undefined);
        } finally {
            rmSync(elsewhere, { recursive: true, force: true });
        }
    });

    it('a diagnostic carries the link once the reference is found, and none before', async () => {
        const { shared, Cascade } = createCascadeServices(EmptyFileSystem);
        const diagnose = async (name: string) => {
            const document = shared.workspace.LangiumDocumentFactory.fromString('precursor A { initial 5 min }', URI.file(`/links/${name}.cascade`));
            shared.workspace.LangiumDocuments.addDocument(document);
            await shared.workspace.DocumentBuilder.build([document], { validation: true });
            return document.diagnostics!.find(d => d.code === 'unit-dimension')!;
        };
        assert.equal((await diagnose('before')).codeDescription, undefined);
        linkReference(Cascade.documentation.ReferenceLinks);
        const href = (await diagnose('after')).codeDescription?.href ?? '';
        assert.match(href, /docs\/reference\.md#L\d+$/);
    });

    it('every kind of declaration has its section, and its hover links there', async () => {
        const links = new ReferenceLinks();
        links.configure(pathToFileURL(REFERENCE).href, text);
        const kinds: DeclarationKind[] = ['compartment', 'precursor', 'cofactor', 'intermediate', 'transmitter', 'metabolite', 'enzyme',
            'transporter', 'release', 'receptor', 'modulator', 'reaction', 'parameter', 'rule', 'function', 'argument', 'scenario', 'cascade'];
        assert.deepEqual(kinds.filter(kind => !links.href(referenceSection(kind))), []);

        const { shared, Cascade } = createCascadeServices(EmptyFileSystem);
        linkReference(Cascade.documentation.ReferenceLinks);
        const source = 'precursor A { initial 5 uM  clearance 1 /min }\nenzyme E { converts A -> A  vmax 1 uM/min  km 2 uM }\n';
        const document = shared.workspace.LangiumDocumentFactory.fromString(source, URI.file('/links/hover.cascade'));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        const hover = await Cascade.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position: { line: 1, character: 7 } });
        const value = (hover?.contents as { value: string }).value;
        assert.match(value, /\[Reference: Enzymes\]\(file:\/\/\S+\/docs\/reference\.md#L\d+\)/);
    });
});
