import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { expectSemanticToken, highlightHelper } from 'langium/test';
import { SemanticTokenTypes } from 'vscode-languageserver';
import { Cascade } from './lsp-services.js';

const highlight = highlightHelper(Cascade);
const provider = Cascade.lsp.SemanticTokenProvider!;

/** The modifier names set on a decoded token. */
function modifiers(bits: number): string[] {
    return Object.entries(provider.tokenModifiers).filter(([, bit]) => (bits & bit) !== 0).map(([name]) => name);
}

describe('semantic tokens', () => {
    it('tells species kinds apart by modifier, on declarations and uses', async () => {
        const tokens = await highlight('precursor <|Trp|>\ncofactor <|BH4|>\ntransmitter <|Serotonin|>\nrule r = <|Trp|> + <|BH4|> + <|Serotonin|>');
        const kinds = tokens.ranges.map(([start]) => tokens.tokens.find(t => t.offset === start)!);
        assert.ok(kinds.every(t => t.tokenType === SemanticTokenTypes.variable));
        assert.deepEqual(kinds.map(t => modifiers(t.tokenModifiers).filter(m => m !== 'declaration')),
            [['precursor'], ['cofactor'], ['transmitter'], ['precursor'], ['cofactor'], ['transmitter']]);
        assert.ok(modifiers(kinds[0].tokenModifiers).includes('declaration'));
        assert.ok(!modifiers(kinds[3].tokenModifiers).includes('declaration'));
    });

    it('gives enzymes, transporters, receptors, modulators, parameters and functions their own token types', async () => {
        const tokens = await highlight([
            'enzyme <|E|> { converts A -> B }', 'transporter <|T|> { moves A -> B }', 'receptor <|R|> { binds A }',
            'modulator <|M|> { level 1 }', 'parameter <|k|> = 1', 'function <|f|>(x) = x', 'rule r = <|exp|>(1)'
        ].join('\n'));
        const types = [SemanticTokenTypes.class, SemanticTokenTypes.struct, SemanticTokenTypes.interface, SemanticTokenTypes.enum,
            SemanticTokenTypes.parameter, SemanticTokenTypes.function, SemanticTokenTypes.function];
        types.forEach((tokenType, rangeIndex) => expectSemanticToken(tokens, { rangeIndex, tokenType }));
    });

    it('marks units, without the spaces before them, apart from numbers', async () => {
        const tokens = await highlight('parameter k = <|2|>   <|uM/min|> * <|40|><|%|>');
        expectSemanticToken(tokens, { rangeIndex: 0, tokenType: SemanticTokenTypes.number });
        expectSemanticToken(tokens, { rangeIndex: 1, tokenType: SemanticTokenTypes.type });
        expectSemanticToken(tokens, { rangeIndex: 2, tokenType: SemanticTokenTypes.number });
        expectSemanticToken(tokens, { rangeIndex: 3, tokenType: SemanticTokenTypes.type });
    });

    it('declares every species kind in the legend', () => {
        const legend = provider.semanticTokensOptions.legend.tokenModifiers;
        for (const kind of ['precursor', 'cofactor', 'intermediate', 'transmitter', 'metabolite']) assert.ok(legend.includes(kind), kind);
    });
});
