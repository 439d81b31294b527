import { AstUtils, GrammarAST, type AstNode, type AstNodeDescription, type LangiumDocument, type MaybePromise, type ReferenceInfo, type Stream } from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionBacktrackingInformation, type CompletionContext,
    type CompletionValueItem, type NextFeature
} from 'langium/lsp';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type CompletionParams, type MarkupContent, type Position } from 'vscode-languageserver';
import type { CascadeServices } from '../cascade-module.js';
import { isRefusedByParser } from '../cascade-parser.js';
import type { CascadeScopeProvider } from '../scoping/cascade-scope-provider.js';
import { rankCandidate } from './completion-names.js';
import { CompletionScene } from './completion-scene.js';
import { BUILTIN_NAMES, DECLARATION_SNIPPETS, builtinSnippet } from './completion-snippets.js';
import { unitCompletion } from './completion-units.js';
import { completionWindow } from './completion-window.js';
import { declarationKind } from './declaration-kinds.js';
import { symbolPresentation } from './symbol-presentation.js';

/** Names first, then keywords, then declaration skeletons. */
const KEYWORD_SORT = '5';
const SNIPPET_SORT = '6';

/**
 * Completion that knows what fits (every name and keyword the cursor's place accepts): names filtered and ranked
 * by the slot, member keywords by the block, units by the expected dimension, a snippet per
 * declaration kind, built-in functions as call skeletons.
 */
export class CascadeCompletionProvider extends DefaultCompletionProvider {
    /** `HT1A.` opens the members at once. */
    override readonly completionOptions = { triggerCharacters: ['.'] };
    private readonly cascadeScope: CascadeScopeProvider;
    private scenes = new WeakMap<CompletionContext, CompletionScene>();
    /** `<Rule>.<property>` of the reference being completed (super's candidate calls are synchronous). */
    private slot = '';
    private ranks = new Map<AstNodeDescription, number>();
    private readonly documentation = new WeakMap<AstNode, MarkupContent | undefined>();
    /** The completion window of the request being served, with the text it belongs to (see completion-window.ts). */
    private window?: { text: string; start: number; end: number };

    constructor(services: CascadeServices) {
        super(services);
        this.cascadeScope = services.references.ScopeProvider;
    }

    protected override buildContexts(document: LangiumDocument, position: Position): IterableIterator<CompletionContext> {
        const text = document.textDocument.getText();
        this.window = { text, ...completionWindow(document, document.textDocument.offsetAt(position)) };
        return super.buildContexts(document, position);
    }

    protected override backtrackToAnyToken(text: string, offset: number): CompletionBacktrackingInformation {
        const { start, end } = this.windowOf(text, offset);
        const found = super.backtrackToAnyToken(text.slice(start, end), offset - start);
        const shift = (position: number | undefined) => (position === undefined ? undefined : position + start);
        return {
            nextTokenStart: found.nextTokenStart + start,
            nextTokenEnd: found.nextTokenEnd + start,
            previousTokenStart: shift(found.previousTokenStart),
            previousTokenEnd: shift(found.previousTokenEnd)
        };
    }

    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        const { start } = this.windowOf(document.getText(), offset);
        if (start === 0) return super.findFeaturesAt(document, offset);
        const window = TextDocument.create(document.uri, document.languageId, document.version, document.getText().slice(start, offset));
        return super.findFeaturesAt(window, offset - start);
    }

    /** The window around `offset`, or the whole text when the window was computed for another request. */
    private windowOf(text: string, offset: number): { start: number; end: number } {
        const window = this.window;
        return window?.text === text && window.start <= offset && offset <= window.end ? window : { start: 0, end: text.length };
    }

    override async getCompletion(document: LangiumDocument, params: CompletionParams): Promise<CompletionList | undefined> {
        // A file too deep to parse is reported as such; re-reading it here would only take seconds to fail.
        if (isRefusedByParser(document)) return undefined;
        const list = await super.getCompletion(document, params);
        if (!list) return list;
        const units = list.items.filter(item => item.kind === CompletionItemKind.Unit);
        const exclusive = units.some(item => (item.data as { exclusive?: boolean } | undefined)?.exclusive);
        list.items = exclusive ? units : bestPerLabel(list.items);
        return list;
    }

    /** Nothing follows a number still being typed (`vmax 2|`): the next token needs a space first. */
    protected override performNextTokenCompletion(document: LangiumDocument, text: string, offset: number, end: number): boolean {
        return super.performNextTokenCompletion(document, text, offset, end) && !/^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text);
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (GrammarAST.isRuleCall(next.feature) && next.feature.rule.ref?.name === 'UNIT') {
            const units = unitCompletion(context);
            for (const item of units?.items ?? []) acceptor(context, { ...item, data: { exclusive: units!.exclusive } });
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.sceneOf(context).acceptsKeyword(keyword, context.node)) return;
        acceptor(context, { label: keyword.value, kind: CompletionItemKind.Keyword, detail: 'keyword', sortText: KEYWORD_SORT });
        const snippet = DECLARATION_SNIPPETS[keyword.value];
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
        if (snippet && rule !== 'PropertyKey' && rule !== 'ActionProperty' && rule !== 'RateRule' && rule !== 'InitialAssignment') {
            acceptor(context, {
                label: keyword.value, kind: CompletionItemKind.Snippet, detail: snippet.detail, sortText: SNIPPET_SORT,
                insertText: snippet.body, insertTextFormat: InsertTextFormat.Snippet
            });
        }
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        this.ranks = new Map();
        return super.getReferenceCandidates(refInfo, context).filter(candidate => {
            const rank = rankCandidate(this.slot, candidate, refInfo.container);
            if (rank !== undefined) this.ranks.set(candidate, rank);
            return rank !== undefined;
        });
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription): CompletionValueItem {
        const presentation = symbolPresentation(declarationKind(description.node));
        return {
            nodeDescription: description,
            kind: presentation.completionKind,
            detail: presentation.label,
            documentation: this.documentationOf(description.node),
            sortText: String(this.ranks.get(description) ?? 9)
        };
    }

    /** Doc comments, kept per AST node: a node lives until its document is rebuilt. */
    private documentationOf(node: AstNode | undefined): MarkupContent | undefined {
        if (!node) return undefined;
        if (!this.documentation.has(node)) {
            const text = this.documentationProvider.getDocumentation(node);
            this.documentation.set(node, text ? { kind: 'markdown', value: text } : undefined);
        }
        return this.documentation.get(node);
    }

    protected override completionForCrossReference(context: CompletionContext, next: NextFeature<GrammarAST.CrossReference>, acceptor: CompletionAcceptor): MaybePromise<void> {
        // The slot comes from the grammar: after a syntax error the AST node at the cursor may be another one.
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name;
        this.slot = `${rule}.${AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment)?.feature}`;
        if (this.slot === 'StoichTerm.species' && !this.sceneOf(context).acceptsEquationSpecies()) return;
        // A number being typed is no name.
        if (/^[\d.]/.test(context.textDocument.getText().slice(context.tokenOffset, context.offset))) return;
        const result = super.completionForCrossReference(context, next, acceptor);
        if (this.slot === 'Call.func') {
            for (const name of BUILTIN_NAMES) {
                acceptor(context, {
                    label: name, kind: CompletionItemKind.Function, detail: 'built-in function', sortText: '3',
                    insertText: builtinSnippet(name), insertTextFormat: InsertTextFormat.Snippet
                });
            }
        }
        return result;
    }

    private sceneOf(context: CompletionContext): CompletionScene {
        let scene = this.scenes.get(context);
        if (!scene) {
            scene = new CompletionScene(context.document, context.offset, this.cascadeScope);
            this.scenes.set(context, scene);
        }
        return scene;
    }
}

/** One item per label and kind: a name offered by two slots (`km X` and a value) keeps its best rank. */
function bestPerLabel(items: CompletionItem[]): CompletionItem[] {
    const best = new Map<string, CompletionItem>();
    for (const item of items) {
        const key = `${item.kind}:${item.label}`;
        const current = best.get(key);
        if (!current || (item.sortText ?? '') < (current.sortText ?? '')) best.set(key, item);
    }
    return [...best.values()];
}
