import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

/** A UNIT token keeps the spaces between number and unit; its value is the unit alone. */
export class CascadeValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        return rule.name === 'UNIT' ? input.trimStart() : super.runConverter(rule, input, cstNode);
    }
}
