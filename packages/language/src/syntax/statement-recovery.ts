import { CstUtils, type AstNode, type Grammar, type Lexer, type ParseResult, type ParserOptions } from 'langium';
import type { IRecognitionException, IToken } from 'chevrotain';
import { nextStepMessage, nextStepText, unclosedBlockMessage, unexpectedTokenMessage, unknownWordMessage } from './syntax-messages.js';
import { statementKeywords, type StatementList } from './statement-keywords.js';

/**
 * A syntax error in the modeler's words; `suggestion` replaces its range (a misspelt keyword).
 * `statement` is the offsets of the broken statement: other diagnostics there follow from this one.
 */
export interface CascadeSyntaxError extends IRecognitionException {
    suggestion?: string;
    statement?: [number, number];
}

type Parse = <T extends AstNode>(input: string, options?: ParserOptions) => ParseResult<T>;

/** Each recovery parses the file again; past this many the remaining errors keep the parser's recovery. */
const MAX_RECOVERIES = 12;

/** The statement list inside each block: a grammar rule name to the list its entries belong to. */
const BLOCK_LISTS: Record<string, StatementList> = {
    CascadeFile: 'Declaration', Scenario: 'ScenarioStatement', Cascade: 'CascadeItem', WhenEvent: 'Action', TimedAction: 'Action',
    Compartment: 'Member', Species: 'Member', Enzyme: 'Member', Transporter: 'Member', Release: 'Member',
    Receptor: 'Member', Modulator: 'Member', Reaction: 'Member'
};

interface Diagnosis {
    error: CascadeSyntaxError;
    /** Offsets to hide from the next parse; none when the parser's own recovery is right. */
    blank?: [number, number];
}

/**
 * One mistake, one diagnostic. Chevrotain's recovery resynchronises on single tokens, so a
 * misspelt keyword or a half-typed line yields a cascade of errors (and of unresolved names in
 * the half-built node), and an unknown word at the top level ends the parse. Here the first
 * error is explained in the modeler's words, the rest of its statement — from the error to the
 * next statement keyword at the start of a line, or the block's `}` — is replaced by spaces
 * (offsets and lines stay), and the file is parsed again. The statement's start stays parsed, so
 * hover and completion still work on what was typed; the validator drops what else is reported
 * inside it (cascade-document-validator.ts).
 */
export class StatementRecovery {
    private readonly keywords: Map<StatementList, Set<string>>;

    constructor(private readonly parse: Parse, private readonly lexer: Lexer, grammar: Grammar) {
        this.keywords = statementKeywords(grammar);
    }

    run<T extends AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        const reported: CascadeSyntaxError[] = [];
        const kept = new Set<number>();
        let text = input;
        for (let recoveries = 0; ; ) {
            const result = this.parse<T>(text, options);
            const errors = result.parserErrors.filter(error => !kept.has(errorOffset(error))).sort((a, b) => errorOffset(a) - errorOffset(b));
            if (errors.length === 0) return withInputText({ ...result, parserErrors: reported }, input);
            const tokens = this.lexer.tokenize(text).tokens;
            let covered = -1;
            let blanked = false;
            for (const error of errors) {
                if (errorOffset(error) < covered) continue;
                const diagnosis = this.diagnose(error, tokens, result.value);
                const statement = diagnosis.error.statement;
                const again = reported.some(earlier => earlier.statement && statement && earlier.statement[0] === statement[0]);
                if (!again) reported.push(diagnosis.error);
                kept.add(errorOffset(error));
                if (diagnosis.blank && diagnosis.blank[1] > diagnosis.blank[0] && recoveries < MAX_RECOVERIES) {
                    text = blank(text, diagnosis.blank);
                    recoveries++;
                    blanked = true;
                    break;
                }
                covered = diagnosis.blank?.[1] ?? covered;
            }
            if (!blanked) return withInputText({ ...result, parserErrors: reported.sort((a, b) => a.token.startOffset - b.token.startOffset) }, input);
        }
    }

    private diagnose(error: IRecognitionException, tokens: IToken[], root: AstNode): Diagnosis {
        const ruleStack = error.context.ruleStack.map(rule => rule.replace(/\W/g, ''));
        // One expected token, or where several alternatives fit (`between`, `above`, `below`) the first listed.
        const expecting = /Expecting (?:token of type |keyword )?['`]([^'`]+)['`]/.exec(error.message)?.[1]
            ?? /one of these possible Token sequences:\s*1\. \[([^\],\s]+)/.exec(error.message)?.[1];
        const at = tokenIndexAt(tokens, errorOffset(error));
        const innermost = ruleStack.at(-1) ?? 'CascadeFile';
        const betweenStatements = innermost in BLOCK_LISTS && (expecting === '}' || expecting === 'EOF' || error.name === 'NotAllInputParsedException');
        if (betweenStatements) return this.unexpectedStatement(error, tokens, at, BLOCK_LISTS[innermost], expecting);
        const enclosing = statementAt(root, tokens[at - 1] ?? tokens[at]);
        const start = enclosing ? Math.max(0, tokens.findIndex(token => token.startOffset === enclosing.offset)) : Math.max(0, at - 1);
        const list = enclosing?.list ?? 'Declaration';
        const first = tokens[start];
        const end = this.statementEnd(tokens, start, list);
        const statement: [number, number] = [first.startOffset, offsetOf(tokens, end)];
        const blank: [number, number] = [Math.min(offsetOf(tokens, at), statement[1]), statement[1]];
        if (first && !isKeyword(first)) {
            const word = unknownWordMessage(first.image, list, this.keywords.get(list)!, false);
            if (word.suggestion) return { error: withMessage(error, word.message, first, first, statement, word.suggestion), blank };
        }
        const next = nextStepMessage(ruleStack, expecting);
        const message = next ? nextStepText(next)
            : `'${first.image}' is incomplete here${expecting ? `: '${expecting}' is missing` : ''}.`;
        return { error: withMessage(error, message, first, tokens[Math.max(start, at - 1)] ?? first, statement), blank };
    }

    /** An error between statements: a word that starts no statement here, or a block left open. */
    private unexpectedStatement(error: IRecognitionException, tokens: IToken[], at: number, list: StatementList, expecting: string | undefined): Diagnosis {
        const token = tokens[at];
        const previous = tokens[at - 1] ?? token;
        const opensDeclaration = token && list !== 'Declaration' && token.startColumn === 1 && this.keywords.get('Declaration')!.has(token.image) && isKeyword(token);
        if (!token || (expecting === '}' && opensDeclaration)) {
            return { error: withMessage(error, unclosedBlockMessage(token?.image), previous, previous) };
        }
        const end = offsetOf(tokens, this.statementEnd(tokens, at, list));
        const statement: [number, number] = [token.startOffset, end];
        if (!/^\w/.test(token.image)) return { error: withMessage(error, unexpectedTokenMessage(token.image, previous.image), token, token, statement), blank: statement };
        const word = unknownWordMessage(token.image, list, this.keywords.get(list)!, isKeyword(token));
        return { error: withMessage(error, word.message, token, token, statement, word.suggestion), blank: statement };
    }

    /** The index of the token after the statement starting at `start`. */
    private statementEnd(tokens: IToken[], start: number, list: StatementList): number {
        const starts = this.keywords.get(list)!;
        const declarations = this.keywords.get('Declaration')!;
        let depth = 0;
        for (let i = start + 1; i < tokens.length; i++) {
            const token = tokens[i];
            if (token.image === '{') depth++;
            else if (token.image === '}') {
                if (depth === 0) return i;
                depth--;
            } else if (startsLine(tokens, i) && isKeyword(token)) {
                if (depth === 0 && starts.has(token.image)) return i;
                if (token.startColumn === 1 && declarations.has(token.image)) return i;
            }
        }
        return tokens.length;
    }
}

/** The statement the token is in: its start offset and the list it belongs to. */
function statementAt(root: AstNode, token: IToken | undefined): { offset: number; list: StatementList } | undefined {
    if (!token || !root.$cstNode) return undefined;
    let node = CstUtils.findLeafNodeAtOffset(root.$cstNode, token.startOffset)?.astNode;
    // A statement is a declaration, or an entry of a top-level declaration's block.
    while (node?.$container && node.$container !== root && !(node.$container.$type in BLOCK_LISTS && node.$container.$container === root)) node = node.$container;
    if (!node || node === root || !node.$cstNode || !node.$container) return undefined;
    const container = node.$container;
    const list: StatementList = container === root ? 'Declaration' : BLOCK_LISTS[container.$type] ?? 'Member';
    return { offset: node.$cstNode.offset, list };
}

function withMessage(error: IRecognitionException, message: string, from: IToken, to: IToken, statement?: [number, number], suggestion?: string): CascadeSyntaxError {
    const token = { ...from, image: from.image, endOffset: to.endOffset, endLine: to.endLine, endColumn: to.endColumn };
    return { name: error.name, message, token, resyncedTokens: [], context: error.context, stack: error.stack, suggestion, statement };
}

/** Where the error is: its token, or just after the previous one for an inserted or end-of-file token. */
function errorOffset(error: IRecognitionException): number {
    if (Number.isFinite(error.token.startOffset)) return error.token.startOffset;
    const previous = (error as IRecognitionException & { previousToken?: IToken }).previousToken;
    return previous && Number.isFinite(previous.endOffset) ? previous.endOffset! + 1 : Number.MAX_SAFE_INTEGER;
}

function tokenIndexAt(tokens: IToken[], offset: number): number {
    const index = tokens.findIndex(token => token.startOffset >= offset);
    return index < 0 ? tokens.length : index;
}

function offsetOf(tokens: IToken[], index: number): number {
    return index < tokens.length ? tokens[index].startOffset : tokens.at(-1)!.endOffset! + 1;
}

function startsLine(tokens: IToken[], index: number): boolean {
    return index === 0 || (tokens[index - 1].endLine ?? 0) < (tokens[index].startLine ?? 0);
}

/** Keyword tokens are named by their text; names, numbers and units are not. */
function isKeyword(token: IToken): boolean {
    return token.tokenType.name === token.image;
}

/**
 * The tree parsed from a blanked text holds the document's own text again (blanking keeps every
 * offset): whatever compares the tree's text with the editor's — a run waiting until the server
 * has built what the editor shows — must see the document, not the blanked copy.
 */
function withInputText<T extends AstNode>(result: ParseResult<T>, input: string): ParseResult<T> {
    const root = result.value.$cstNode?.root as unknown as { _text: string } | undefined;
    if (root && root._text !== input) root._text = input;
    return result;
}

function blank(text: string, [from, to]: [number, number]): string {
    return text.slice(0, from) + text.slice(from, to).replace(/[^\r\n]/g, ' ') + text.slice(to);
}
