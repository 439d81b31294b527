import { AstUtils, type AstNode, type LangiumDocument, type ValidationAcceptor, type ValidationChecks } from 'langium';
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
 * excitatory and inhibitory receptor. Processes, scenarios, cascades, rules of change and events
 * act by existing and are never unused.
 */
export function unusedChecks(services: CascadeServices, analyses: ModelAnalyses): ValidationChecks<CascadeAstType> {
    return {
        CascadeFile: (file, accept) => {
            const analysis = analyses.of(file);
            const used = referencedDeclarations(analysis.document, services);
            const implicit = implicitlyUsed(analysis);
            for (const declaration of candidates(file)) {
                if (!used.has(declaration) && !implicit(declaration)) report(declaration, accept);
            }
        }
    };
}

function candidates(file: CascadeFile): NamedElement[] {
    return file.declarations.flatMap((declaration): NamedElement[] => {
        if (isFunctionDecl(declaration)) return [declaration, ...declaration.params];
        const checked = isCompartment(declaration) || isSpecies(declaration) || isReceptor(declaration)
            || isModulator(declaration) || isParameter(declaration) || isRule(declaration);
        return checked ? [declaration] : [];
    });
}

/**
 * The document's declarations that a reference resolves to. Only the document itself and those
 * importing it can refer to them, so the end of a long import chain reads itself alone.
 */
function referencedDeclarations(document: LangiumDocument, services: CascadeServices): Set<AstNode> {
    const used = new Set<AstNode>();
    for (const reader of services.references.CascadeImports.readers(document)) {
        for (const reference of reader.references) {
            const target = 'ref' in reference ? reference.ref : undefined;
            if (target && AstUtils.getDocument(target) === document && !readsItself(target, reference.$refNode?.astNode)) used.add(target);
        }
    }
    return used;
}

/** A reference from inside the top-level declaration it names (`rule X = X + 1`). */
function readsItself(target: AstNode, from: AstNode | undefined): boolean {
    if (!from || target.$container?.$type !== 'CascadeFile') return false;
    let current = from;
    while (current.$container && current.$container.$type !== 'CascadeFile') current = current.$container;
    return current === target;
}

function implicitlyUsed(analysis: ModelAnalysis): (declaration: NamedElement) => boolean {
    const compartments = analysis.declarations.filter(isCompartment);
    const unplaced = () => analysis.declarations.some(d => isSpecies(d) && !d.compartment);
    // Most files never write `balance`: a look at the text spares walking their whole tree.
    const balance = () => analysis.memo('balance-used', () => analysis.declarations.some(d =>
        (d.$cstNode?.text.includes('balance') ?? false) && AstUtils.streamAst(d).some(isBalanceRef)));
    return declaration => {
        if ('members' in declaration && (declaration.members as AstNode[]).some(isEffectClause)) return true;
        if (isCompartment(declaration)) return compartments.length === 1 && unplaced();
        if (isReceptor(declaration)) return declaration.members.some(m => isEffectKind(m) && m.effect !== 'modulatory') && balance();
        return false;
    };
}

function report(declaration: NamedElement, accept: ValidationAcceptor): void {
    accept('hint', `'${declaration.name}' is never used.`,
        { node: declaration, property: 'name', tags: [DiagnosticTag.Unnecessary], data: { code: CODE_UNUSED } });
}
