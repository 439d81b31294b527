/**
 * Bad input a user can give, as files on disk: each case is a small workspace, the file to
 * check, the codes its diagnostics must include and the exit code `cascade check` must give.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface BadInput {
    name: string;
    /** Paths relative to the case's folder; the workspace is its `ws/` subfolder. */
    files: Record<string, string | Buffer>;
    entry: string;
    /** Codes that must be among the entry's diagnostics. */
    codes: string[];
    /** A message that must be among them. */
    message?: RegExp;
    exit: 0 | 1;
}

/** Deterministic bytes (a linear congruential generator), so the garbage is the same every run. */
function garbage(length: number): Buffer {
    const bytes = Buffer.alloc(length);
    let state = 12345;
    for (let i = 0; i < length; i++) bytes[i] = (state = (state * 1103515245 + 12345) >>> 0) >>> 24;
    return bytes;
}

const MEGABYTE = 1 << 20;
const NESTING = 10_000;

export const BAD_INPUTS: BadInput[] = [
    { name: 'arbitrary text', files: { 'ws/m.cascade': 'The quick brown fox jumps over 3 lazy dogs {{ ]] ;; @#' }, entry: 'ws/m.cascade', codes: ['syntax'], exit: 1 },
    { name: 'binary garbage', files: { 'ws/m.cascade': garbage(4096) }, entry: 'ws/m.cascade', codes: ['syntax'], exit: 1 },
    { name: 'a 1 MB single line of garbage', files: { 'ws/m.cascade': '@'.repeat(MEGABYTE) }, entry: 'ws/m.cascade', codes: ['syntax'], exit: 1 },
    {
        name: 'a 1 MB single line of arithmetic', entry: 'ws/m.cascade', codes: ['syntax'], message: /nests too deeply/, exit: 1,
        files: { 'ws/m.cascade': `parameter p = ${'1 + '.repeat(MEGABYTE / 4)}1\nrule r = p\n` }
    },
    // Characters that begin no token alone: once recovered from one at a time, seconds per megabyte.
    { name: "a 1 MB single line of '!'", files: { 'ws/m.cascade': '!'.repeat(MEGABYTE) }, entry: 'ws/m.cascade', codes: ['syntax'], exit: 1 },
    { name: "a 1 MB single line of '%' and 'µ' outside units", files: { 'ws/m.cascade': `precursor A\n${'%µ'.repeat(MEGABYTE / 2)}` }, entry: 'ws/m.cascade', codes: ['syntax'], exit: 1 },
    {
        // Each coefficient once walked back to the start of its equation, and the CST builder searched its siblings: quadratic.
        name: 'an equation of 20,000 terms on one line', entry: 'ws/m.cascade', codes: [], exit: 0,
        files: { 'ws/m.cascade': `precursor A { initial 1 uM }\nintermediate B { clearance 0.1 /min }\nreaction R { ${'2 A + '.repeat(20_000)}2 A -> B rate 0.001 uM/min }\n` }
    },
    { name: 'a 1 MB single-line comment', files: { 'ws/m.cascade': `precursor A\n// ${'x'.repeat(MEGABYTE)}` }, entry: 'ws/m.cascade', codes: [], exit: 0 },
    {
        name: `${NESTING} nested parentheses`, entry: 'ws/m.cascade', codes: ['syntax'], message: /nests too deeply/, exit: 1,
        files: { 'ws/m.cascade': `parameter p = ${'('.repeat(NESTING)}1${')'.repeat(NESTING)}\nrule r = p\n` }
    },
    { name: `${NESTING} unclosed parentheses`, files: { 'ws/m.cascade': `parameter p = ${'('.repeat(NESTING)}` }, entry: 'ws/m.cascade', codes: ['syntax'], exit: 1 },
    { name: 'an unterminated string', files: { 'ws/m.cascade': 'model M "no end\nprecursor A { initial 1 uM }\n' }, entry: 'ws/m.cascade', codes: ['syntax'], exit: 1 },
    { name: 'an unterminated comment', files: { 'ws/m.cascade': 'precursor A\n/* never closed\nprecursor B\n' }, entry: 'ws/m.cascade', codes: ['syntax'], exit: 1 },
    {
        name: 'an import of a missing file', entry: 'ws/m.cascade', codes: ['unresolved'], message: /Cannot find '\.\/missing\.cascade'/, exit: 1,
        files: { 'ws/m.cascade': 'import "./missing.cascade"\nprecursor A\n' }
    },
    {
        name: 'an import cycle', entry: 'ws/a.cascade', codes: ['import-cycle'], message: /Import cycle/, exit: 1,
        files: { 'ws/a.cascade': 'import "./b.cascade"\nprecursor A\n', 'ws/b.cascade': 'import "./a.cascade"\nprecursor B\n' }
    },
    {
        name: 'a file importing itself', entry: 'ws/self.cascade', codes: ['import-cycle'], message: /cannot import itself/, exit: 1,
        files: { 'ws/self.cascade': 'import "./self.cascade"\nprecursor A\n' }
    },
    {
        name: 'import "/etc/passwd"', entry: 'ws/m.cascade', codes: ['unresolved'], message: /leaves the workspace/, exit: 1,
        files: { 'ws/m.cascade': 'import "/etc/passwd"\nprecursor A\n' }
    },
    {
        // The file exists, two folders above the workspace: it must stay invisible.
        name: 'import "../../../x.cascade"', entry: 'ws/a/b/m.cascade', codes: ['unresolved'], message: /leaves the workspace/, exit: 1,
        files: {
            'ws/a/b/m.cascade': 'import "../../../x.cascade"\nprecursor A { initial 1 uM }\nparameter k = Secret\n',
            'x.cascade': 'parameter Secret = 1\n'
        }
    }
];

/** Writes a case's files into a fresh temporary folder; returns the folder. */
export function writeCase(input: BadInput): string {
    const folder = mkdtempSync(path.join(tmpdir(), 'cascade-bad-'));
    for (const [file, content] of Object.entries(input.files)) {
        mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
        writeFileSync(path.join(folder, file), content);
    }
    return folder;
}
