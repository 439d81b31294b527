import { AstUtils, type ValidationAcceptor } from 'langium';
import type { Import } from '../generated/ast.js';
import type { CascadeImports } from '../scoping/cascade-imports.js';
import { isRefusedByParser } from '../cascade-parser.js';
import { CODE_IMPORT_CYCLE, CODE_UNRESOLVED } from './diagnostic-codes.js';

/** Import paths must name an existing file inside the workspace, and imports must not loop. */
export function checkImport(imports: CascadeImports) {
    return (node: Import, accept: ValidationAcceptor): void => {
        const document = AstUtils.getDocument(node);
        const target = imports.resolve(node, document);
        if (target.kind === 'outside-workspace') {
            accept('error', `Import '${node.path}' leaves the workspace folder; imports may only reach files inside it.`, { node, property: 'path', data: { code: CODE_UNRESOLVED } });
        } else if (target.kind === 'refused') {
            accept('error', `Cannot import '${node.path}': ${target.reason}.`, { node, property: 'path', data: { code: CODE_UNRESOLVED } });
        } else if (target.kind === 'missing') {
            accept('error', `Cannot find '${node.path}' (looked for ${target.uri.path}).`, { node, property: 'path', data: { code: CODE_UNRESOLVED } });
        } else if (isRefusedByParser(target.document)) {
            accept('error', `'${node.path}' is not checked: it nests too deeply for the parser (see the error in that file), so none of its names are available here.`,
                { node, property: 'path', data: { code: CODE_UNRESOLVED } });
        } else if (target.uri.toString() === document.uri.toString()) {
            accept('error', 'A file cannot import itself.', { node, property: 'path', data: { code: CODE_IMPORT_CYCLE } });
        } else {
            const cycle = imports.findCycle(target.document);
            if (cycle?.some(uri => uri.toString() === document.uri.toString())) {
                const names = cycle.map(uri => uri.path.split('/').pop()).join(' → ');
                accept('error', `Import cycle: ${names}.`, { node, property: 'path', data: { code: CODE_IMPORT_CYCLE } });
            }
        }
    };
}
