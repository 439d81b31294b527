import { CstUtils, type LangiumDocument, type References } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { CascadeServices } from '../cascade-module.js';
import { isQuantity, type Quantity } from '../generated/ast.js';
import { describeDimension, parseUnit } from '../units/units.js';
import { DeclarationHover } from './declaration-hover.js';
import { inBaseUnits, written } from './value-text.js';

/**
 * Hover on a name (declaration or use) explains the declaration; hover on a number with a
 * unit, or on the unit, gives the unit's dimension and the value in base units.
 */
export class CascadeHoverProvider implements HoverProvider {
    private readonly references: References;
    private readonly nameRegexp: RegExp;
    private readonly declarations: DeclarationHover;

    constructor(services: CascadeServices) {
        this.references = services.references.References;
        this.nameRegexp = services.parser.GrammarConfig.nameRegexp;
        this.declarations = new DeclarationHover(services.documentation.DocumentationProvider, services.references.CascadeImports, services.shared,
            services.documentation.ReferenceLinks);
    }

    getHoverContent(document: LangiumDocument, params: HoverParams): Hover | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = CstUtils.findLeafNodeAtOffset(root, offset);
        const markdown = isQuantity(leaf?.astNode) ? quantityHover(leaf.astNode) : this.declarationHover(document, offset);
        return markdown ? { contents: { kind: 'markdown', value: markdown } } : undefined;
    }

    private declarationHover(document: LangiumDocument, offset: number): string | undefined {
        const name = CstUtils.findDeclarationNodeAtOffset(document.parseResult.value.$cstNode, offset, this.nameRegexp);
        if (!name || name.end <= offset) return undefined;
        return this.references.findDeclarations(name)
            .map(declaration => this.declarations.content(declaration, document))
            .filter(content => content)
            .join('\n\n---\n\n') || undefined;
    }
}

/** `uM/h` — concentration per time, 1 uM/h = 0.01667 uM/min; `8000 uM/h` = 133.3 uM/min. */
function quantityHover(quantity: Quantity): string | undefined {
    if (!quantity.unit) return undefined;
    try {
        const unit = parseUnit(quantity.unit);
        return [
            `\`${quantity.unit}\` — ${describeDimension(unit.dimension)}; 1 ${quantity.unit} = ${inBaseUnits(unit.scale, unit.dimension)}`,
            `\`${written(quantity)}\` = ${inBaseUnits(quantity.value * unit.scale, unit.dimension)}`
        ].join('\n\n');
    } catch {
        return undefined;
    }
}
