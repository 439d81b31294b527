import { createLangiumParser, type AstNode, type CompositeCstNode, type CstNode, type CstNodeBuilder, type LangiumCoreServices, type LangiumDocument, type LangiumParser, type ParserOptions, type ParseResult } from 'langium';

export const TOO_DEEP_MESSAGE = 'This file nests too deeply to be checked (more than 64 nested parentheses or braces, or an expression of more than 4,000 operators, too deep for the parser); it is not checked until that is undone.';

/** Far beyond any model, far below what overflows the stack in the parser or in any later walk of the tree. */
const MAX_NESTING = 64;

/**
 * A sum of n terms is a tree n deep (each `+` holds the sum before it), and Langium walks it
 * recursively: 6,000 terms overflowed the stack, after seconds of parsing for a 1 MB sum.
 * Such an expression is refused before parsing, like deep parentheses.
 */
const MAX_OPERATORS = 4000;

/**
 * Langium's parser is recursive descent, and so are several later walks of the tree: thousands
 * of nested parentheses overflow the stack — sometimes in the parser, sometimes later (linking,
 * validation), depending on how deep the stack already is, so the same file could get no
 * diagnostics at all on one build and be parsed on the next. Files nested deeper than
 * MAX_NESTING are therefore refused before parsing. A parse that still fails (an expression of
 * hundreds of thousands of terms) leaves the shared parser's node stack dirty, so every later
 * parse of every file would fail: the guard resets that stack. Both report one syntax error.
 */
export function createCascadeParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    skipEmptyHiddenNodes(parser);
    const parse = parser.parse.bind(parser);
    const tooDeep = <T extends AstNode>(options?: ParserOptions): ParseResult<T> => {
        (parser as unknown as { stack: unknown[] }).stack = [];
        const empty = parse<T>('', options);
        return { ...empty, lexerErrors: [{ offset: 0, line: 1, column: 1, length: 1, message: TOO_DEEP_MESSAGE }] };
    };
    parser.parse = <T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> => {
        if (nestingDepth(input) > MAX_NESTING || longestOperatorRun(input) > MAX_OPERATORS) return tooDeep<T>(options);
        try {
            return parse(input, options);
        } catch {
            return tooDeep<T>(options);
        }
    };
    return parser;
}

/** True when the parser refused the whole file (TOO_DEEP_MESSAGE): it has no declarations at all. */
export function isRefusedByParser(document: LangiumDocument): boolean {
    return document.parseResult.lexerErrors.some(error => error.message === TOO_DEEP_MESSAGE);
}

/**
 * Langium hands the CST builder the comments before every token, usually none; for none, at the
 * first token of a rule, the builder still searches the new node among its siblings. In a long
 * list (an equation of thousands of terms) that search made parsing quadratic: 20,000 terms took
 * seconds. With no comments to place there is nothing to search for.
 */
function skipEmptyHiddenNodes(parser: LangiumParser): void {
    const builder = (parser as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder;
    const addHiddenNodes = builder.addHiddenNodes.bind(builder);
    builder.addHiddenNodes = tokens => {
        if (tokens.length > 0) addHiddenNodes(tokens);
    };
    insertWithoutSpreading(builder);
}

/**
 * Langium inserts the comments before a token with `splice(index, 0, ...nodes)` and
 * `push(...nodes)`: one argument per comment, so 150,000 comments in a row (a valid file)
 * overflowed the stack and the file was refused as too deep. The same insertions, without
 * spreading the nodes into arguments.
 */
function insertWithoutSpreading(builder: CstNodeBuilder): void {
    /** Langium's node, whose content it replaces and appends to. */
    type Parent = CompositeCstNode & { content: CstNode[] };
    const nodes = builder as unknown as {
        insertChildren(parent: Parent, index: number, children: CstNode[]): void;
        appendChildren(parent: Parent, children: CstNode[]): void;
    };
    const adopt = (parent: Parent, children: CstNode[]) => {
        for (const child of children) (child as { container?: CompositeCstNode }).container = parent;
    };
    nodes.insertChildren = (parent, index, children) => {
        adopt(parent, children);
        parent.content = parent.content.slice(0, index).concat(children, parent.content.slice(index));
    };
    nodes.appendChildren = (parent, children) => {
        adopt(parent, children);
        for (const child of children) parent.content.push(child);
    };
}

/** The deepest nesting of parentheses and braces outside strings and comments. */
export function nestingDepth(text: string): number {
    let depth = 0;
    let deepest = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '(' || c === '{') deepest = Math.max(deepest, ++depth);
        else if (c === ')' || c === '}') depth = Math.max(0, depth - 1);
        else if (c === '"') i = skipString(text, i);
        else if (c === '/' && text[i + 1] === '/') i = lineEnd(text, i);
        else if (c === '/' && text[i + 1] === '*') i = commentEnd(text, i);
    }
    return deepest;
}

/**
 * The most binary operators (`+ - * / ^ < > = and or`, unit slashes included) in one run of
 * text that could be one expression: a run ends at a brace, or at a line that starts a new
 * statement (a name, not an operator, after a line that does not end in an operator, `(` or `,`).
 * The `+` of an equation (`2 A + B -> C + D`) is no operator: an equation is a flat list, so the
 * run before `->` is dropped and none is counted after it until `rate` or the statement ends.
 */
export function longestOperatorRun(text: string): number {
    let run = 0;
    let longest = 0;
    let last = '';
    let products = false;
    const end = () => {
        longest = Math.max(longest, run);
        run = 0;
        products = false;
    };
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '{' || c === '}') end();
        else if (c === '"') i = skipString(text, i);
        else if (c === '/' && text[i + 1] === '/') i = lineEnd(text, i) - 1;
        else if (c === '/' && text[i + 1] === '*') i = commentEnd(text, i);
        else if (c === '-' && text[i + 1] === '>') {
            run = 0;
            products = true;
            i++;
        } else if (OPERATORS.has(c)) run += products ? 0 : 1;
        else if (c === '\n' && !CONTINUES.has(last) && NAME_START.test(firstAfterBlanks(text, i + 1))) end();
        else if (c === 'r' && startsWord(text, i, 'rate')) end();
        else if ((c === 'a' && startsWord(text, i, 'and')) || (c === 'o' && startsWord(text, i, 'or'))) run += products ? 0 : 1;
        if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\n') last = c;
    }
    end();
    return longest;
}

const OPERATORS = new Set(['+', '-', '*', '/', '^', '<', '>', '=']);
const NAME_START = /[A-Za-z_]/;
/** A line ending in one of these goes on on the next line. */
const CONTINUES = new Set([...OPERATORS, '(', ',']);

function firstAfterBlanks(text: string, start: number): string {
    let i = start;
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '\r') i++;
    return text[i] ?? '';
}

const WORD = /\w/;

/** True when `word` stands at `index` as a whole word. */
function startsWord(text: string, index: number, word: string): boolean {
    return text.startsWith(word, index) && !(index > 0 && WORD.test(text[index - 1])) && !WORD.test(text[index + word.length] ?? '');
}

function skipString(text: string, start: number): number {
    for (let i = start + 1; i < text.length; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '"' || text[i] === '\n') return i;
    }
    return text.length;
}

function lineEnd(text: string, start: number): number {
    const end = text.indexOf('\n', start);
    return end < 0 ? text.length : end;
}

function commentEnd(text: string, start: number): number {
    const end = text.indexOf('*/', start + 2);
    return end < 0 ? text.length : end + 1;
}
