import { AstUtils, DocumentState, WorkspaceCache, type AstNode, type LangiumDocument, type ValidationAcceptor, type ValidationChecks } from 'langium';
import { DiagnosticTag } from 'vscode-languageserver';
import {
    isBalanceRef, isCompartment, isEffectClause, isEffectKind, isFunctionDecl, isModulator, isParameter,
    isReceptor, isRule, isSpecies, type CascadeAstType, type CascadeFile, type NamedElement
} from '../generated/ast.js';
import type { CascadeServices } from '../cascade-module.js';
import { CODE_UNUSED } from './diagnostic-codes.js';
import type { ModelAnalyses, ModelAnalysis } from './model-analysis.js';

/**
 * unused (hint, faded): a compartment, species, receptor, modulator, parameter, rule, function or
 * function parameter that nothing refers to — from this file or any file of the workspace (a
 * library's declarations are used by the models that import it). Reading a declaration from
 * inside itself (`rule X = X + 1`) is no use. Some uses are implicit: the only compartment holds
 * every species that names none; a declaration with effect clauses acts; `balance` reads every
 * excitatory and inhibitory receptor of the model it is written in (so also an imported one).
 * Processes, scenarios, cascades, rules of change and events act by existing and are never unused.
 */
export function unusedChecks(services: CascadeServices, analyses: ModelAnalyses): ValidationChecks<CascadeAstType> {
    const imports = services.references.CascadeImports;
    // Once per document and build: checking every file of an import chain reads each file once.
    const readings = new WorkspaceCache<string, Reading>(services.shared, DocumentState.Linked);
    const readingOf = (document: LangiumDocument) => readings.get(document.uri.toString(), () => read(document));
    return {
        CascadeFile: (file, accept) => {
            const analysis = analyses.of(file);
            // Only the document itself and those importing it can refer to its declarations.
            const readers = imports.readers(analysis.document).map(readingOf);
            const used = new Set(readers.flatMap(reader => [...reader.targets.get(analysis.document) ?? []]));
            const implicit = implicitlyUsed(analysis, () => readers.some(reader => reader.writesBalance));
            for (const declaration of candidates(file)) {
                if (!used.has(declaration) && !implicit(declaration)) report(declaration, accept);
            }
        }
    };
}

/** What a document's references resolve to, by the document that declares them, and whether it writes `balance`. */
interface Reading {
    targets: Map<LangiumDocument, Set<AstNode>>;
    writesBalance: boolean;
}

function read(document: LangiumDocument): Reading {
    const targets = new Map<LangiumDocument, Set<AstNode>>();
    for (const reference of document.references) {
        const target = 'ref' in reference ? reference.ref : undefined;
        if (!target || readsItself(target, reference.$refNode?.astNode)) continue;
        const home = AstUtils.getDocument(target);
        const set = targets.get(home);
        if (set) set.add(target);
        else targets.set(home, new Set([target]));
    }
    // Most files never write `balance`: a look at the text spares walking their whole tree.
    const writesBalance = document.textDocument.getText().includes('balance') && AstUtils.streamAst(document.parseResult.value).some(isBalanceRef);
    return { targets, writesBalance };
}

function candidates(file: CascadeFile): NamedElement[] {
    return file.declarations.flatMap((declaration): NamedElement[] => {
        if (isFunctionDecl(declaration)) return [declaration, ...declaration.params];
        const checked = isCompartment(declaration) || isSpecies(declaration) || isReceptor(declaration)
            || isModulator(declaration) || isParameter(declaration) || isRule(declaration);
        return checked ? [declaration] : [];
    });
}

/** A reference from inside the top-level declaration it names (`rule X = X + 1`). */
function readsItself(target: AstNode, from: AstNode | undefined): boolean {
    if (!from || target.$container?.$type !== 'CascadeFile') return false;
    let current = from;
    while (current.$container && current.$container.$type !== 'CascadeFile') current = current.$container;
    return current === target;
}

function implicitlyUsed(analysis: ModelAnalysis, balanceRead: () => boolean): (declaration: NamedElement) => boolean {
    const onlyCompartment = () => analysis.memo('only-compartment', () =>
        analysis.declarations.filter(isCompartment).length === 1 && analysis.declarations.some(d => isSpecies(d) && !d.compartment));
    return declaration => {
        if ('members' in declaration && (declaration.members as AstNode[]).some(isEffectClause)) return true;
        if (isCompartment(declaration)) return onlyCompartment();
        if (isReceptor(declaration)) return declaration.members.some(m => isEffectKind(m) && m.effect !== 'modulatory') && balanceRead();
        return false;
    };
}

function report(declaration: NamedElement, accept: ValidationAcceptor): void {
    accept('hint', `'${declaration.name}' is never used.`,
        { node: declaration, property: 'name', tags: [DiagnosticTag.Unnecessary], data: { code: CODE_UNUSED } });
}
