import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { createCascadeServices } from '../../src/cascade-module.js';

/** Fixtures live next to the sources; tests run from out/test. */
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../test/validation/fixtures');

export function fixtureFiles(folder = FIXTURES): string[] {
    return readdirSync(folder, { withFileTypes: true }).flatMap(entry => {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) return fixtureFiles(path);
        return entry.name.endsWith('.cascade') ? [path] : [];
    });
}

/** One set of services for all tests (creating the parser takes most of a second). */
let services: ReturnType<typeof createCascadeServices> | undefined;
let workspaces = 0;

/** The services `buildWorkspace` builds with, for tests that inspect what it built. */
export function workspaceServices(): ReturnType<typeof createCascadeServices> {
    return services ??= createCascadeServices(EmptyFileSystem);
}

/**
 * Builds texts as one in-memory workspace (so imports between them resolve) and validates them.
 * Each call gets a folder of its own, which imports cannot leave.
 */
export async function buildWorkspace(files: Record<string, string>): Promise<Map<string, LangiumDocument>> {
    const { shared } = workspaceServices();
    const folder = `/workspace-${++workspaces}`;
    const documents = Object.entries(files).map(([path, text]) => {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(join(folder, path)));
        shared.workspace.LangiumDocuments.addDocument(document);
        return [path, document] as const;
    });
    await shared.workspace.DocumentBuilder.build(documents.map(([, document]) => document), { validation: true });
    return new Map(documents);
}

export async function buildFixtures(): Promise<Map<string, LangiumDocument>> {
    const files = Object.fromEntries(fixtureFiles().map(path => [relative(FIXTURES, path), readFileSync(path, 'utf8')]));
    return buildWorkspace(files);
}

export function codeOf(diagnostic: Diagnostic): string {
    return String(diagnostic.code ?? (diagnostic.data as { code?: string } | undefined)?.code);
}

/**
 * Expected codes per line, from markers: `// expect: unit-dimension, unused` on the line where each
 * diagnostic starts. `// ignore: code, …` anywhere in a file stops checking those codes in it.
 */
export function expectations(text: string): { expected: Map<number, string[]>; ignored: Set<string> } {
    const expected = new Map<number, string[]>();
    const ignored = new Set<string>();
    text.split('\n').forEach((line, index) => {
        const marker = /\/\/\s*expect:\s*([\w\-, ]+)/.exec(line);
        if (marker) expected.set(index, splitCodes(marker[1]));
        const ignore = /\/\/\s*ignore:\s*([\w\-, ]+)/.exec(line);
        if (ignore) splitCodes(ignore[1]).forEach(code => ignored.add(code));
    });
    return { expected, ignored };
}

function splitCodes(list: string): string[] {
    return list.split(',').map(code => code.trim()).filter(code => code.length > 0);
}

/** Differences between a document's diagnostics and its markers, one line of text each. */
export function mismatches(document: LangiumDocument): string[] {
    const { expected, ignored } = expectations(document.textDocument.getText());
    const actual = new Map<number, string[]>();
    for (const diagnostic of document.diagnostics ?? []) {
        const code = codeOf(diagnostic);
        if (ignored.has(code)) continue;
        const line = diagnostic.range.start.line;
        actual.set(line, [...(actual.get(line) ?? []), code]);
    }
    const lines = new Set([...expected.keys(), ...actual.keys()]);
    const problems: string[] = [];
    for (const line of [...lines].sort((a, b) => a - b)) {
        const want = [...(expected.get(line) ?? [])].sort();
        const got = [...(actual.get(line) ?? [])].sort();
        if (want.join() !== got.join()) {
            const messages = (document.diagnostics ?? []).filter(d => d.range.start.line === line).map(d => `${codeOf(d)}: ${d.message}`);
            problems.push(`line ${line + 1}: expected [${want.join(', ')}], got [${got.join(', ')}]${messages.length ? '\n      ' + messages.join('\n      ') : ''}`);
        }
    }
    return problems;
}
