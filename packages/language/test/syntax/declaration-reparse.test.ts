import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CstUtils, EmptyFileSystem, isAstNode, isReference, TextDocument, URI, type AstNode, type CstNode, type ParseResult } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { createCascadeServices } from '../../src/cascade-module.js';
import type { CascadeFile } from '../../src/generated/ast.js';
import { reparseDeclarations } from '../../src/syntax/declaration-reparse.js';

const EXAMPLES = fileURLToPath(new URL('../../../../../examples/', import.meta.url));
const { shared, Cascade } = createCascadeServices(EmptyFileSystem);
const parser = Cascade.parser.LangiumParser;

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
    let state = seed;
    return () => {
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), 1 | state);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const SNIPPETS = [' ', '\n', '\r\n', 'x', '7', '.5', '}', '{', '/* note */', '// note\n', ' uM', ' + 1', '\nparameter extra = 2 /min\n', 'species', '"t"', ','];

/** A random edit of the kinds typing makes: a number changed, a snippet typed, a range or a line deleted, a line duplicated. */
function edit(text: string, next: () => number): string {
    const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
    const at = Math.floor(next() * (text.length + 1));
    switch (pick(['number', 'number', 'insert', 'delete', 'line', 'duplicate'])) {
        case 'number': {
            const numbers = [...text.matchAll(/\d+(\.\d+)?/g)];
            if (numbers.length === 0) return text;
            const number = pick(numbers);
            return text.slice(0, number.index) + String(Math.round(next() * 1000) / 10) + text.slice(number.index + number[0].length);
        }
        case 'insert':
            return text.slice(0, at) + pick(SNIPPETS) + text.slice(at);
        case 'delete':
            return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 20));
        default: {
            const lines = text.split('\n');
            const line = Math.floor(next() * lines.length);
            lines.splice(line, 1, ...(lines[line] === undefined ? [] : next() < 0.5 ? [] : [lines[line], lines[line]]));
            return lines.join('\n');
        }
    }
}

/** Everything a later phase can read of a tree: each node's properties, positions and container links, and every CST node. */
function snapshot(root: AstNode): unknown {
    const position = (cst: CstNode | undefined) => cst && [cst.offset, cst.end, cst.range.start.line, cst.range.start.character, cst.range.end.line, cst.range.end.character, cst.text];
    const tree = (node: AstNode, container?: AstNode): unknown => {
        assert.equal(node.$container, container, `${node.$type} is held by its container`);
        if (container) assert.equal((container as unknown as Record<string, unknown>)[node.$containerProperty!] !== undefined, true);
        const out: Record<string, unknown> = { $type: node.$type, $at: position(node.$cstNode), $index: node.$containerIndex };
        for (const [key, value] of Object.entries(node)) {
            if (key.startsWith('$')) continue;
            const one = (item: unknown) => (isAstNode(item) ? tree(item, node) : isReference(item) ? { ref: item.$refText, at: position(item.$refNode) } : item);
            out[key] = Array.isArray(value) ? value.map(one) : one(value);
        }
        return out;
    };
    const cst = CstUtils.streamCst(root.$cstNode!).map(node => [...position(node)!, node.hidden, node.astNode.$type, (node as { tokenType?: { name: string } }).tokenType?.name]).toArray();
    return { tree: tree(root), cst };
}

function models(): [string, string][] {
    return ['hormones', 'hpa-serotonin', 'oral-drug', 'serotonin'].map(name => [name, readFileSync(`${EXAMPLES}${name}.cascade`, 'utf8')]);
}

describe('re-parsing only the edited declarations', () => {
    it('gives the tree a full parse gives, after every one of 400 random edits in a row', () => {
        let spliced = 0;
        for (const [index, [name, original]] of models().entries()) {
            const next = random(17 + index);
            let text = original;
            let previous: ParseResult<AstNode> = parser.parse(text);
            for (let step = 0; step < 100; step++) {
                const edited = edit(text, next);
                const full = parser.parse<CascadeFile>(edited);
                const reparsed = reparseDeclarations(parser, previous, edited);
                if (reparsed) {
                    spliced++;
                    assert.deepEqual(snapshot(reparsed.value), snapshot(full.value), `${name}, edit ${step}`);
                    assert.equal(reparsed.value.$cstNode!.root.fullText, edited);
                }
                // Syntax errors are never taken over from a part: a file with any is parsed whole. The
                // chain goes on from the text before such an edit, or one error would end all splicing.
                if (full.lexerErrors.length + full.parserErrors.length > 0) {
                    assert.equal(reparsed, undefined, `${name}, edit ${step}: errors`);
                    continue;
                }
                previous = reparsed ?? full;
                text = edited;
            }
        }
        // Most random edits break the syntax (then both parse whole); the rest must be spliced often enough to be tested.
        assert.ok(spliced > 100, `${spliced} of 400 edits spliced`);
    });

    it('moves what follows the edit on its own line, and on the lines after', () => {
        const text = 'compartment c { volume 1 pL }\nparameter k = 1 /min parameter j = 2 /min\n\nparameter m = 3 /min rule r = k * j * m * 1 min\n';
        for (const edited of [text.replace('k = 1', 'k = 10.5'), text.replace('k = 1', 'k =\n  1'), text.replace('j = 2', 'j = (2\n\n)')]) {
            const reparsed = reparseDeclarations(parser, parser.parse(text), edited);
            assert.ok(reparsed, edited);
            assert.deepEqual(snapshot(reparsed.value), snapshot(parser.parse(edited).value), edited);
        }
    });

    it('splices what is typed between declarations and after the last: a declaration, a comment, a blank line', () => {
        const text = 'compartment c { volume 1 pL }\nparameter k = 1 /min\n\nparameter j = 2 /min\n';
        const typed = [
            text.replace('\n\n', '\n\nparameter m = 3 /min\n'), text + 'rule r = k * j * 1 min\n', text.replace('\n\n', '\n// why j\n\n'),
            text.replace('\n\n', '\n\n\n'), text.replace('\n\n', '\n'), text + '/* the end */'
        ];
        for (const edited of typed) {
            const reparsed = reparseDeclarations(parser, parser.parse(text), edited);
            assert.ok(reparsed, edited);
            assert.deepEqual(snapshot(reparsed.value), snapshot(parser.parse(edited).value), edited);
        }
    });

    it('parses a change of the first declaration, or one before the declarations, whole', () => {
        const text = 'model M\ncompartment c { volume 1 pL }\nparameter k = 1 /min\n';
        const previous = parser.parse(text);
        assert.equal(reparseDeclarations(parser, previous, text.replace('volume 1', 'volume 2')), undefined);
        assert.equal(reparseDeclarations(parser, previous, text.replace('model M', 'model N')), undefined);
        assert.ok(reparseDeclarations(parser, previous, text.replace('k = 1', 'k = 2')));
    });

    it('gives the diagnostics of a full build after every edit the language server receives', async () => {
        const uri = URI.file('/reparse/model.cascade');
        const fresh = URI.file('/reparse-full/model.cascade');
        const next = random(5);
        let text = readFileSync(`${EXAMPLES}dopamine.cascade`, 'utf8');
        const build = async (target: URI, version: number) => {
            shared.workspace.TextDocuments!.set(TextDocument.create(target.toString(), 'cascade', version, text));
            if (!shared.workspace.LangiumDocuments.hasDocument(target)) shared.workspace.LangiumDocuments.addDocument(shared.workspace.LangiumDocumentFactory.fromString(text, target));
            await shared.workspace.DocumentBuilder.update([target], []);
            return shared.workspace.LangiumDocuments.getDocument(target)!;
        };
        const described = (diagnostics: Diagnostic[] | undefined) => (diagnostics ?? []).map(d => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code} ${d.message}`).sort();
        const lastDeclaration = () => (shared.workspace.LangiumDocuments.getDocument(uri)!.parseResult.value as CascadeFile).declarations.at(-1);
        await build(uri, 1);
        let spliced = 0;
        let version = 1;
        const compare = async () => {
            const before = lastDeclaration();
            const edited = await build(uri, ++version);
            // A spliced tree keeps the nodes after the edit; a full parse makes new ones.
            if (lastDeclaration() === before) spliced++;
            const whole = await build(fresh, version);
            shared.workspace.LangiumDocuments.deleteDocument(fresh);
            assert.deepEqual(described(edited.diagnostics), described(whole.diagnostics), `edit ${version}`);
            return edited.parseResult.lexerErrors.length + edited.parseResult.parserErrors.length === 0;
        };
        for (let step = 0; step < 40; step++) {
            const clean = text;
            text = edit(text, next);
            // After a syntax error the text goes back (also compared), or one error would end all splicing.
            if (!(await compare())) {
                text = clean;
                await compare();
            }
        }
        assert.ok(spliced >= 10, `${spliced} of ${version - 1} edits spliced`);
    });
});
