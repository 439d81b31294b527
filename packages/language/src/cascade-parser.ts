import { createLangiumParser, type AstNode, type CstNodeBuilder, type LangiumCoreServices, type LangiumParser, type ParserOptions, type ParseResult } from 'langium';
import { StatementRecovery } from './syntax/statement-recovery.js';

export const TOO_DEEP_MESSAGE = 'This file nests too deeply to be checked (more than 64 nested parentheses or braces, or an expression too deep for the parser); it is not checked until that is undone.';

/** Far beyond any model, far below what overflows the stack in the parser or in any later walk of the tree. */
const MAX_NESTING = 64;

/**
 * Langium's parser is recursive descent, and so are several later walks of the tree: thousands
 * of nested parentheses overflow the stack — sometimes in the parser, sometimes later (linking,
 * validation), depending on how deep the stack already is, so the same file could get no
 * diagnostics at all on one build and be parsed on the next. Files nested deeper than
 * MAX_NESTING are therefore refused before parsing. A parse that still fails (an expression of
 * hundreds of thousands of terms) leaves the shared parser's node stack dirty, so every later
 * parse of every file would fail: the guard resets that stack. Both report one syntax error.
 * Syntax errors are reported one per broken statement, in the modeler's words (statement-recovery.ts).
 */
export function createCascadeParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    skipEmptyHiddenNodes(parser);
    const recovery = new StatementRecovery(parser.parse.bind(parser), services.parser.Lexer, services.Grammar);
    const parse = <T extends AstNode>(input: string, options?: ParserOptions) => recovery.run<T>(input, options);
    const tooDeep = <T extends AstNode>(options?: ParserOptions): ParseResult<T> => {
        (parser as unknown as { stack: unknown[] }).stack = [];
        const empty = parse<T>('', options);
        return { ...empty, lexerErrors: [{ offset: 0, line: 1, column: 1, length: 1, message: TOO_DEEP_MESSAGE }] };
    };
    parser.parse = <T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> => {
        if (nestingDepth(input) > MAX_NESTING) return tooDeep<T>(options);
        try {
            return parse(input, options);
        } catch {
            return tooDeep<T>(options);
        }
    };
    return parser;
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
