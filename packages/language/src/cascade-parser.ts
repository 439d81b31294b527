import { createLangiumParser, type AstNode, type LangiumCoreServices, type LangiumParser, type ParserOptions, type ParseResult } from 'langium';

export const TOO_DEEP_MESSAGE = 'This file nests too deeply to be parsed (thousands of nested parentheses or operators, or one expression of hundreds of thousands of terms); it is not checked until that is undone.';

/**
 * Langium's parser is recursive descent: ~10,000 nested parentheses, or one expression of
 * ~100,000 terms, overflow the stack — and the overflow may surface as a RangeError or, when
 * chevrotain's recovery catches it half-way, as a TypeError from a half-built node. Unguarded,
 * it escapes the build and leaves the shared parser's node stack dirty, so every later parse of
 * every file fails. The guard resets that stack and reports the file as one syntax error instead.
 */
export function createCascadeParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    const parse = parser.parse.bind(parser);
    parser.parse = <T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> => {
        try {
            return parse(input, options);
        } catch {
            (parser as unknown as { stack: unknown[] }).stack = [];
            const empty = parse<T>('', options);
            return { ...empty, lexerErrors: [{ offset: 0, line: 1, column: 1, length: 1, message: TOO_DEEP_MESSAGE }] };
        }
    };
    return parser;
}
