import { GrammarAST, type Grammar } from 'langium';

/**
 * The kinds of statement list in a file: its declarations, a block's members, a scenario's
 * statements, a cascade's items, the actions of `when` and `at`. Named by the grammar rule
 * every entry of that list is parsed with.
 */
export type StatementList = 'Declaration' | 'Member' | 'ScenarioStatement' | 'CascadeItem' | 'Action';

export const STATEMENT_LISTS: readonly StatementList[] = ['Declaration', 'Member', 'ScenarioStatement', 'CascadeItem', 'Action'];

/** The keywords each kind of statement may start with, read from the grammar so they follow it. */
export function statementKeywords(grammar: Grammar): Map<StatementList, Set<string>> {
    const rules = new Map(grammar.rules.filter(GrammarAST.isParserRule).map(rule => [rule.name, rule]));
    return new Map(STATEMENT_LISTS.map(list => {
        const rule = rules.get(list);
        return [list, rule ? firstOf(rule.definition, new Set()).keywords : new Set<string>()];
    }));
}

interface FirstSet {
    keywords: Set<string>;
    /** The element may match nothing, so what follows it may start the match too. */
    empty: boolean;
}

function firstOf(element: GrammarAST.AbstractElement, visiting: Set<GrammarAST.ParserRule>): FirstSet {
    const own = firstOfElement(element, visiting);
    return { keywords: own.keywords, empty: own.empty || element.cardinality === '?' || element.cardinality === '*' };
}

function firstOfElement(element: GrammarAST.AbstractElement, visiting: Set<GrammarAST.ParserRule>): FirstSet {
    if (GrammarAST.isKeyword(element)) return { keywords: new Set([element.value]), empty: false };
    if (GrammarAST.isAction(element)) return { keywords: new Set(), empty: true };
    if (GrammarAST.isAssignment(element)) return firstOf(element.terminal, visiting);
    if (GrammarAST.isAlternatives(element) || GrammarAST.isUnorderedGroup(element)) {
        const parts = element.elements.map(part => firstOf(part, visiting));
        return { keywords: new Set(parts.flatMap(part => [...part.keywords])), empty: parts.some(part => part.empty) };
    }
    if (GrammarAST.isGroup(element)) {
        const keywords = new Set<string>();
        for (const part of element.elements) {
            const first = firstOf(part, visiting);
            first.keywords.forEach(keyword => keywords.add(keyword));
            if (!first.empty) return { keywords, empty: false };
        }
        return { keywords, empty: true };
    }
    if (GrammarAST.isRuleCall(element)) {
        const rule = element.rule.ref;
        if (!GrammarAST.isParserRule(rule) || visiting.has(rule)) return { keywords: new Set(), empty: false };
        visiting.add(rule);
        const first = firstOf(rule.definition, visiting);
        visiting.delete(rule);
        return first;
    }
    // A cross-reference or terminal: a name or a number, no keyword.
    return { keywords: new Set(), empty: false };
}
