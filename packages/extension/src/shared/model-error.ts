/**
 * The first error of a model in the words the preview shows: its line, and the parser's
 * messages (which name tokens the way the grammar does: 'ID', `found ``…) said plainly.
 */
import type { ModelError } from '@neurocascade/language/protocol';

export function describeModelError(error: ModelError): string {
    return `${error.file ? `${error.file}, ` : ''}line ${error.line}: ${plainMessage(error.message)}`;
}

const MISMATCH = /^Expecting (?:token of type '([^']+)'|keyword '([^']+)'|end of file) but found `([\s\S]*)`\.$/;
const ALTERNATIVES = /^Expecting:? (?:expecting at least one iteration which starts with )?one of these possible Token sequences:+\s*([\s\S]*?)\s*but found: '([\s\S]*)'$/;
const LEXER = /^unexpected character: ->([\s\S]+?)<- at offset: \d+, skipped \d+ characters?\.$/;
/** How many of the tokens the parser expected are named before "…". */
const LISTED = 6;

/** A parser or lexer message in plain words; any other message as it is. */
export function plainMessage(message: string): string {
    const mismatch = MISMATCH.exec(message);
    if (mismatch) return `expected ${tokenName(mismatch[1] ?? mismatch[2] ?? 'EOF')} but found ${found(mismatch[3])}.`;
    const alternatives = ALTERNATIVES.exec(message);
    if (alternatives) {
        // Each sequence is listed as `[first, second]`: the first token is what could come here.
        const firsts = [...new Set([...alternatives[1].matchAll(/\[([^\],]+)/g)].map(m => tokenName(m[1].trim())))];
        const listed = firsts.slice(0, LISTED).join(', ') + (firsts.length > LISTED ? ', …' : '');
        return `expected one of ${listed} but found ${found(alternatives[2])}.`;
    }
    const lexer = LEXER.exec(message);
    if (lexer) return `the character '${lexer[1]}' cannot appear here.`;
    return message;
}

function tokenName(token: string): string {
    switch (token) {
        case 'ID': return 'a name';
        case 'NUMBER': return 'a number';
        case 'STRING': return 'a quoted text';
        case 'UNIT': return 'a unit';
        case 'EOF': return 'the end of the file';
        default: return `'${token}'`;
    }
}

function found(image: string): string {
    return image === '' ? 'the end of the file' : `'${image}'`;
}
