import { AstUtils, GrammarAST, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import {
    isCall, isCascade, isCascadeFrom, isScenario, isSimulate, isWhenEvent, type CascadeFile, type Declaration
} from '../generated/ast.js';
import type { CascadeScopeProvider } from '../scoping/cascade-scope-provider.js';
import {
    actionProperties, declarationKind, dotMembers, effectProperties, MEMBER_KEYWORDS, openMemberKeywords
} from './declaration-kinds.js';

/** The grammar rule that starts a member with this keyword; the rest come from `PropertyKey`. */
const MEMBER_RULES: Readonly<Record<string, string>> = {
    km: 'KmValue', converts: 'Equation', moves: 'Equation', requires: 'Requires', inhibited: 'InhibitedBy',
    blocked: 'BlockedBy', substrate_inhibition: 'SubstrateInhibition', binds: 'Binds', effect: 'EffectKind',
    tone: 'Tone', fixed: 'Fixed', increases: 'EffectClause', decreases: 'EffectClause'
};

/** Statements a scenario or cascade holds once. */
const ONCE: Readonly<Record<string, (node: AstNode) => boolean>> = { simulate: isSimulate, from: isCascadeFrom };

/** Keywords that are names where the grammar allows them (built-in calls and time-course arguments). */
const NAME_RULES = new Set(['FunctionName', 'ArgumentName']);
const LOGICAL_RULES = new Set(['Or', 'And', 'Not']);

/**
 * What surrounds the cursor, to decide which of the keywords and names the grammar allows
 * make sense there: members that fit the block and are not set yet, properties the named
 * target has, `.occupancy` only after a receptor, `and`/`or`/`not` only in conditions.
 * It reads the text before the cursor as well as the AST, which is unreliable mid-edit.
 */
export class CompletionScene {
    private readonly text: string;
    private readonly root: CascadeFile;
    private cached?: { declaration: Declaration | undefined };

    constructor(private readonly document: LangiumDocument, private readonly offset: number, private readonly scope: CascadeScopeProvider) {
        this.text = document.textDocument.getText().slice(Math.max(0, offset - 200), offset);
        this.root = document.parseResult.value as CascadeFile;
    }

    acceptsKeyword(keyword: GrammarAST.Keyword, node: AstNode | undefined): boolean {
        const value = keyword.value;
        if (!/^[A-Za-z_]/.test(value)) return false;
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name ?? '';
        if (NAME_RULES.has(rule)) return false;
        if (LOGICAL_RULES.has(rule)) return node !== undefined && inCondition(node);
        if (rule === 'EffectProperty') return this.targetOffers(/\b(?:increases|decreases)\s+([A-Za-z_]\w*)\s+\w*$/, effectProperties, value);
        if (rule === 'Ref' && value !== '.') return this.targetOffers(/\b([A-Za-z_]\w*)\s*\.\s*\w*$/, dotMembers, value);
        if (rule === 'PropertyKey' || rule === 'ActionProperty') {
            const action = /\b(?:set|scale|perturb)\s+([A-Za-z_]\w*)\s+\w*$/.exec(this.text);
            if (action) return actionProperties(this.declarationNamed(action[1])).includes(value);
        }
        if (MEMBER_KEYWORDS.has(value) && (MEMBER_RULES[value] ?? 'PropertyKey') === rule) return this.blockOffers(value);
        const once = ONCE[value];
        const declaration = this.declarationAtCursor();
        return !once || !declaration || !AstUtils.streamContents(declaration).some(once);
    }

    /** A bare equation (`A -> B`) starts a member only in a reaction; elsewhere species follow `converts`, `moves`, `->`, `+`. */
    acceptsEquationSpecies(): boolean {
        return /(?:\bconverts|\bmoves|->|\+|\d)\s*\w*$/.test(this.text) || declarationKind(this.declarationAtCursor()) === 'reaction';
    }

    private targetOffers(pattern: RegExp, offered: (node: AstNode | undefined) => readonly string[], value: string): boolean {
        const match = pattern.exec(this.text);
        return match !== null && offered(this.declarationNamed(match[1])).includes(value);
    }

    private declarationNamed(name: string): AstNode | undefined {
        return this.scope.visibleScope(this.document).getElement(name)?.node;
    }

    private blockOffers(keyword: string): boolean {
        const block = this.declarationAtCursor();
        if (!block || !('members' in block)) return true;
        return openMemberKeywords(block).includes(keyword);
    }

    /** The top-level declaration whose `{ … }` holds the cursor. */
    private declarationAtCursor(): Declaration | undefined {
        this.cached ??= { declaration: this.root.declarations?.find(declaration => encloses(declaration, this.offset)) };
        return this.cached.declaration;
    }
}

function encloses(declaration: Declaration, offset: number): boolean {
    const cst = declaration.$cstNode;
    if (!cst || offset < cst.offset || offset > cst.end) return false;
    const open = GrammarUtils.findNodeForKeyword(cst, '{');
    const close = GrammarUtils.findNodeForKeyword(cst, '}');
    return open !== undefined && offset >= open.end && (close === undefined || offset <= close.offset);
}

/** Inside a `when` condition or an `if(…)` call, where conditions are written. */
function inCondition(node: AstNode): boolean {
    for (let current: AstNode | undefined = node; current; current = current.$container) {
        if (isWhenEvent(current.$container) && current.$containerProperty === 'condition') return true;
        if (isCall(current) && current.func.$refText === 'if') return true;
        if (isScenario(current) || isCascade(current)) return false;
    }
    return false;
}
