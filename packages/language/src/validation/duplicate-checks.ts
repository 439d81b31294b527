import { AstUtils, GrammarUtils, type AstNode, type LangiumDocument, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { CascadeAstType, CascadeFile, FunctionDecl } from '../generated/ast.js';
import type { CascadeServices } from '../cascade-module.js';
import { CODE_DUPLICATE } from './diagnostic-codes.js';

/** A named declaration and the file it is written in. */
export interface Declared {
    node: AstNode & { name: string };
    document: LangiumDocument;
}

/**
 * duplicate: one name declared twice among a file and its imports (docs/reference.md#import). A declaration reached
 * along two import paths is one declaration (each file of the import closure counts once). The
 * error stands on each declaration this file writes; when both come from imports, on the imports
 * that bring them together (an import that alone reaches both leaves the error to that file).
 */
export function duplicateChecks(services: CascadeServices): ValidationChecks<CascadeAstType> {
    const imports = services.references.CascadeImports;
    return {
        CascadeFile: (file, accept) => {
            const document = AstUtils.getDocument(file);
            const byName = new Map<string, Declared[]>();
            // Each declaration's place, found once: 10,000 repetitions of a name list the same few places 10,000 times.
            const located = new Map<AstNode, string>();
            const placeOf = (declared: Declared) => located.get(declared.node) ?? located.set(declared.node, where(declared)).get(declared.node)!;
            for (const member of imports.closure(document)) {
                for (const node of (member.parseResult.value as CascadeFile).declarations ?? []) {
                    const name = (node as { name?: string }).name;
                    if (!name) continue;
                    const declared = { node: node as Declared['node'], document: member };
                    const list = byName.get(name);
                    if (list) list.push(declared);
                    else byName.set(name, [declared]);
                }
            }
            const reach = file.imports.map(node => {
                const target = imports.resolve(node, document);
                return new Set(target.kind === 'resolved' ? imports.closure(target.document) : []);
            });
            for (const [name, declarations] of byName) {
                if (declarations.length < 2) continue;
                const local = declarations.filter(d => d.document === document);
                for (const declared of local) {
                    const others = places(declarations, placeOf, declared);
                    accept('error', `'${name}' is declared more than once (also ${others}).`,
                        { node: declared.node, property: 'name', data: { code: CODE_DUPLICATE } });
                }
                if (local.length > 0) continue;
                const carriers = file.imports.filter((_, i) => declarations.some(d => reach[i].has(d.document)));
                if (carriers.length < 2 || reach.some(set => declarations.every(d => set.has(d.document)))) continue;
                for (const carrier of carriers) {
                    accept('error', `This import brings in '${name}', which is declared more than once: ${places(declarations, placeOf)}.`,
                        { node: carrier, property: 'path', data: { code: CODE_DUPLICATE } });
                }
            }
        },
        FunctionDecl: checkParameters
    };
}

function checkParameters(fn: FunctionDecl, accept: ValidationAcceptor): void {
    const seen = new Set<string>();
    for (const param of fn.params) {
        if (seen.has(param.name)) accept('error', `Parameter '${param.name}' is declared twice.`, { node: param, property: 'name', data: { code: CODE_DUPLICATE } });
        seen.add(param.name);
    }
}

/**
 * At most PLACES_SHOWN places, for messages (a name repeated in every file of a long import chain
 * would list them all), leaving out `except`: without copying the list, which made 10,000
 * repetitions of one name quadratic.
 */
function places(declarations: Declared[], placeOf: (declared: Declared) => string, except?: Declared): string {
    const count = declarations.length - (except ? 1 : 0);
    const shown = declarations.slice(0, PLACES_SHOWN + 1).filter(d => d !== except).slice(0, PLACES_SHOWN).map(placeOf).join(', ');
    return count > PLACES_SHOWN ? `${shown} and ${count - PLACES_SHOWN} more` : shown;
}

const PLACES_SHOWN = 5;

/** `file.cascade:12`, for messages. */
export function where(declared: Declared): string {
    const file = declared.document.uri.path.split('/').pop();
    const name = GrammarUtils.findNodeForProperty(declared.node.$cstNode, 'name');
    return name ? `${file}:${name.range.start.line + 1}` : `${file}`;
}
